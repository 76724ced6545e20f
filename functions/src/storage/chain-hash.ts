import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

/** SHA-256 (hex) of a chained document: its place in the series, the previous hash and its content. */
export function chainHash(series: string, seq: number, prevHash: string, content: unknown): string {
  return createHash("sha256").update(canonicalJson({ series, seq, prevHash, content })).digest("hex");
}
