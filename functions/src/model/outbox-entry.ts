import { createHash } from "node:crypto";
import type { Timestamp } from "@google-cloud/firestore";
import { reminderId, type Reminder } from "../domain/reminders/reminder";

/**
 * PENDING → SENDING (leased) → SENT, or FAILED (retried on a later run until
 * maxAttempts, then given up) or UNCERTAIN (a crash left the send's outcome
 * unknown and the transport cannot tell; a person decides).
 */
export type OutboxStatus = "PENDING" | "SENDING" | "SENT" | "FAILED" | "UNCERTAIN";

/** The reminder itself plus its delivery state. */
export interface OutboxEntry extends Reminder {
  messageId: string;
  status: OutboxStatus;
  attempts: number;
  leaseOwner: string | null;
  leaseExpiresAt: Timestamp | null;
  /** When the current (or interrupted) attempt claimed the entry. */
  claimedAt?: Timestamp | null;
  /**
   * When the delivery job must look at the entry next; absent once nothing is
   * left to do. The job's only query is `dueAt <= now`, so it reads exactly
   * the entries that need work, on a single-field index.
   */
  dueAt?: Timestamp;
  createdAt: Timestamp;
  sentAt: Timestamp | null;
  lastError: string | null;
}

/** Same reminder, same Message-ID: a resend after a crash is recognisable. */
export function messageIdFor(outboxId: string, domain: string): string {
  return `<${createHash("sha256").update(outboxId).digest("hex").slice(0, 40)}@${domain}>`;
}

/** The Message-ID domain when the deployment sets none (MAIL_MESSAGE_ID_DOMAIN, jobs/job-config.ts). */
export const DEFAULT_MESSAGE_ID_DOMAIN = "acompte.app";

/** A new outbox entry for `reminder`, due at once: its document id (reminderId) and its content. */
export function newOutboxEntry(
  reminder: Reminder,
  now: Timestamp,
  messageIdDomain: string = DEFAULT_MESSAGE_ID_DOMAIN,
): { id: string; entry: OutboxEntry } {
  const id = reminderId(reminder);
  return {
    id,
    entry: {
      ...reminder,
      messageId: messageIdFor(id, messageIdDomain),
      status: "PENDING",
      attempts: 0,
      leaseOwner: null,
      leaseExpiresAt: null,
      dueAt: now,
      createdAt: now,
      sentAt: null,
      lastError: null,
    },
  };
}
