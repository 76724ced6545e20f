import type { Timestamp } from "@google-cloud/firestore";

/**
 * companies/{c}/idempotency/{sha256(user, key)}: stored in the transaction
 * of the change it guards; a replay with the same key returns `response`.
 * `requestHash` detects a key reused for a different call (409).
 */
export interface IdempotencyDoc {
  user: string;
  route: string;
  requestHash: string;
  status: number;
  response: unknown;
  createdAt: Timestamp;
  /** A Firestore TTL policy on this field deletes the record after the replay window (30 days). */
  expiresAt: Timestamp;
}
