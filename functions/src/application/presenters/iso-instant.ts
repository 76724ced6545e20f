import type { Timestamp } from "@google-cloud/firestore";

/** An instant of a document as the wire writes it (ISO 8601, UTC); null when absent. */
export function isoInstant(t: Timestamp | null | undefined): string | null {
  return t && typeof t.toDate === "function" ? t.toDate().toISOString() : null;
}
