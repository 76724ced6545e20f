import type { Timestamp } from "@google-cloud/firestore";

/**
 * companies/{c}/events/{id}: append-only audit trail. `before`/`after` are
 * the changed document's relevant fields (null when created/none).
 */
export interface AuditEventDoc {
  at: Timestamp;
  by: string;
  type: string;
  subject: { kind: string; id: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason?: string;
}
