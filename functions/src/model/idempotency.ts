import type { Timestamp } from "@google-cloud/firestore";

/**
 * companies/{c}/idempotency/{id}: stored in the transaction of the change it
 * guards; a replay with the same key returns `response`. `requestHash`
 * detects a key reused for a different call (409). The id is
 * sha256(user, key) for a client's header key, `company-{sha256(key)}` for
 * a key the server derives (run-command.ts, IdempotencyScope).
 */
export interface IdempotencyDoc {
  user: string;
  route: string;
  requestHash: string;
  status: number;
  response: unknown;
  createdAt: Timestamp;
  /**
   * A Firestore TTL policy on this field deletes the record after the replay
   * window (30 days). Absent on company-scoped records: a typed sheet row
   * whose id was lost can be imported again months later, and must still
   * replay rather than issue a second invoice.
   */
  expiresAt?: Timestamp;
}
