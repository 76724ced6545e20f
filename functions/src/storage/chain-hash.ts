import { createHash } from "node:crypto";
import type { Timestamp } from "@google-cloud/firestore";
import type { SealedDocument } from "../model/document";
import { canonicalJson } from "./canonical-json";

/** What a chained document's hash seals (model/chain.ts). */
export interface SealedMaterial {
  series: string;
  seq: number;
  prevHash: string;
  /** The recording instant, ISO 8601 to the millisecond (`recordedAt(createdAt)`). */
  recordedAt: string;
  content: unknown;
  /** The issued file of the record (its SHA-256 among others), when one was issued with it. */
  document?: SealedDocument;
  /** The refund statement issued with a credit note (a second file of the same record). */
  statement?: SealedDocument;
}

/**
 * SHA-256 (hex) of a chained document: its place in the series, the previous
 * hash, when it was recorded, its content and its issued file. A record
 * without a file hashes as before files existed (canonicalJson drops undefined).
 */
export function chainHash(material: SealedMaterial): string {
  return createHash("sha256").update(canonicalJson(material)).digest("hex");
}

/** A stored `createdAt` as the hash material holds it. */
export function recordedAt(createdAt: Timestamp): string {
  return createdAt.toDate().toISOString();
}
