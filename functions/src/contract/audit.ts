/** What is wrong, by kind (integrity/finding.ts says what each means). */
export type FindingCode =
  | "missing"
  | "duplicate"
  | "moved"
  | "link"
  | "content"
  | "hash"
  | "copy"
  | "state"
  | "unknown-field"
  | "counter"
  | "rewritten";

/** One problem found in a chain, told in French in `problem`. */
export interface Finding {
  code: FindingCode;
  series: string;
  number: string | null;
  /** Document path, or the counter's; null for a document that is missing. */
  path: string | null;
  id: string | null;
  field?: string;
  anchorDate?: string;
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

/** `GET|POST …/audit/verify`: every chain checked, every finding (the first 1000), the anchors compared with. */
export interface AuditVerification {
  ok: boolean;
  chains: ChainReport[];
  findings: Finding[];
  findingsTotal: number;
  firstBroken: Finding | null;
  anchors: { date: string; source: "supplied" | "firestore"; heads: number }[];
}
