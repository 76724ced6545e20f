/** What is wrong, by kind. */
export type FindingCode =
  /** A number of the series has no document (deleted, or the counter moved past it). */
  | "missing"
  /** Two documents claim the same place. */
  | "duplicate"
  /** A document's number is not the one of its place (documents swapped or renumbered). */
  | "moved"
  /** A document's link to the previous one does not match it (previous replaced or rewritten). */
  | "link"
  /** The sealed content or recording time changed after issue. */
  | "content"
  /** The stored hash changed, the sealed record did not. */
  | "hash"
  /** A copy stored beside the content differs from it. */
  | "copy"
  /** The mutable state is impossible given the sealed amounts. */
  | "state"
  /** A top-level field that no part of the document has. */
  | "unknown-field"
  /** The series counter disagrees with its documents. */
  | "counter"
  /** The document at an anchored place no longer has the anchored hash. */
  | "rewritten"
  /** An issued file (PDF, XML) kept in storage differs from the SHA-256 sealed with its record, or is gone. */
  | "document";

/** One problem found in a chain, told in French in `problem` (integrity/finding.ts). */
export interface Finding {
  code: FindingCode;
  series: string;
  number: string | null;
  /** Document path (companies/acme/creditNotes/abc), or the counter's; null for a document that is missing. */
  path: string | null;
  id: string | null;
  /** The field concerned (copies, state, unknown fields). */
  field?: string;
  /** The anchor (empreinte) the finding comes from, `YYYY-MM-DD`. */
  anchorDate?: string;
  /** The finding in French, a full sentence. */
  problem: string;
}

export interface ChainReport {
  series: string;
  /** « factures 2026 ». */
  label: string;
  count: number;
  ok: boolean;
  findings: number;
  firstBroken: Finding | null;
}

/** `GET|POST …/audit/verify`: every chain checked, every finding, the anchors compared with. */
export interface AuditVerification {
  ok: boolean;
  chains: ChainReport[];
  /** Every finding, series by series (the first MAX_FINDINGS, integrity/chain-verifier.ts). */
  findings: Finding[];
  findingsTotal: number;
  firstBroken: Finding | null;
  /** `supplied`: given by the caller (from outside Firestore); `firestore`: the latest stored one. */
  anchors: { date: string; source: "supplied" | "firestore"; heads: number }[];
}
