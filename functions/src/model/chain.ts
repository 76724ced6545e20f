import type { Timestamp } from "@google-cloud/firestore";
import type { SealedDocument } from "./document";

/**
 * Inalterability: a chained document holds its issued content in `content`
 * (never changed after issue) and, in `hash`, the SHA-256 of the canonical
 * JSON of {series, seq, prevHash, recordedAt, content, document, statement}
 * (the last two: the files issued with it, when any), where `recordedAt`
 * is `createdAt` as an ISO instant (storage/chain-hash.ts). `prevHash` is
 * the previous document's hash in the same series ("" for the first one),
 * so changing or deleting any issued document breaks the chain at that
 * point; anchors kept outside Firestore (docs/integrity.md) catch a chain
 * rewritten as a whole or cut short.
 */
export interface ChainLink {
  series: string;
  /** Position in the series, 1-based, gapless. */
  seq: number;
  prevHash: string;
  hash: string;
}

/** The sealed part of a chained document: what the hash covers, and the chain fields. */
export interface SealedRecord<C> extends ChainLink {
  content: C;
  /** When the document was recorded; sealed with the content. */
  createdAt: Timestamp;
  /** The file issued with the record (model/document.ts), sealed with it. */
  document?: SealedDocument;
  /** A credit note's refund statement (model/document.ts SealedField), sealed with it. */
  statement?: SealedDocument;
}

/** Fields of every chained document that belong to its sealed record. */
export const SEALED_RECORD_FIELDS = [
  "content",
  "createdAt",
  "series",
  "seq",
  "prevHash",
  "hash",
  "document",
  "statement",
] as const;

/**
 * The chained series: invoices (deposit and final invoices share one series),
 * credit notes, journal entries, and the statements of customer-credit
 * refunds (the one document issued with no credit note to seal it on).
 */
export type SeriesKind = "invoice" | "creditNote" | "journal" | "statement";
