import type { Timestamp } from "@google-cloud/firestore";
import type { DateString } from "./amounts";

/** One series' head on the anchor's day: its last number and that document's hash. */
export interface AnchorHead {
  /** `invoice-2026`. */
  series: string;
  /** The last number issued, `FA-2026-000012` (its place: 12). */
  number: string;
  seq: number;
  /** SHA-256 (hex) of the document at that place. */
  hash: string;
}

/**
 * An anchor (« empreinte ») of a company's chains on a day: every series'
 * head. Copies live outside Firestore — Cloud Logging, the workbook's
 * `Intégrité` sheet, the auditors' mailboxes — and any of them can be given
 * back to the verifier: a chain rewritten since (another hash at an anchored
 * place) or cut short (an anchored place gone) is then named.
 */
export interface Anchor {
  date: DateString;
  heads: AnchorHead[];
}

/**
 * companies/{c}/anchors/{YYYY-MM-DD}: the anchor the daily job took, kept
 * for convenience (the verifier compares with the latest one by default);
 * written once per day, the job's later runs that day reuse it.
 */
export interface AnchorDoc extends Anchor {
  takenAt: Timestamp;
  /** The previous anchor the chains were checked from before this one was taken (null: from the start). */
  since: DateString | null;
  /** Documents that check read: those issued since the previous anchor, unless a series had to be walked again. */
  checked: number;
  /** What that check found, in French (the first ones), and how many. */
  findings: string[];
  findingsCount: number;
  /** When the job wrote it to Cloud Logging (null until then). */
  loggedAt: Timestamp | null;
}
