import { Firestore, Timestamp } from "@google-cloud/firestore";
import { Reminder, reminderId } from "../domain/reminders/reminder";
import { mapLimited } from "./map-limited";
import { messageIdFor, OUTBOX_COLLECTION, OutboxEntry } from "./outbox-entry";

const ALREADY_EXISTS = 6;

export interface EnqueueResult {
  created: number;
  alreadyThere: number;
}

/**
 * Creates one outbox entry per reminder unless it exists. `create()` is a
 * write with the server-side precondition "does not exist": it is atomic
 * like a read-then-create transaction, without the read, so two runs racing
 * on the same reminder create it once and neither pays a document read.
 */
export async function enqueueReminders(
  db: Firestore,
  reminders: Reminder[],
  options: { now: Date; messageIdDomain: string },
): Promise<EnqueueResult> {
  const now = Timestamp.fromDate(options.now);
  const outcomes = await mapLimited(reminders, 64, async (r) => {
    const id = reminderId(r);
    const entry: OutboxEntry = {
      ...r,
      messageId: messageIdFor(id, options.messageIdDomain),
      status: "PENDING",
      attempts: 0,
      leaseOwner: null,
      leaseExpiresAt: null,
      dueAt: now,
      createdAt: now,
      sentAt: null,
      lastError: null,
    };
    try {
      await db.collection(OUTBOX_COLLECTION).doc(id).create(entry);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === ALREADY_EXISTS) return false;
      throw error;
    }
  });
  const created = outcomes.filter(Boolean).length;
  return { created, alreadyThere: outcomes.length - created };
}
