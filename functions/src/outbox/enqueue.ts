import {
  DocumentData,
  DocumentReference,
  Firestore,
  Timestamp,
  Transaction,
  UpdateData,
} from "@google-cloud/firestore";
import type { Reminder } from "../domain/reminders/reminder";
import { mapLimited } from "./map-limited";
import { OUTBOX } from "../model/collections";
import { newOutboxEntry } from "../model/outbox-entry";

const ALREADY_EXISTS = 6;

export interface EnqueueResult {
  created: number;
  alreadyThere: number;
}

/**
 * A write on the reminder's own document that commits with the outbox entry
 * or not at all (the dunning level sent, recorded on the invoice). `update`
 * sees the document as read in the same transaction and returns null when it
 * no longer calls for this reminder: then nothing is enqueued.
 */
export interface LinkedWrite {
  ref: DocumentReference;
  update(current: DocumentData | undefined): UpdateData<DocumentData> | null;
  /**
   * Other writes that commit with it (the customer's profile marked stale):
   * reads what they need in the transaction, after `update` said yes, and
   * answers the writes.
   */
  alongside?(tx: Transaction, current: DocumentData): Promise<(tx: Transaction) => void>;
}

/**
 * Creates one outbox entry per reminder unless it exists. `create()` is a
 * write with the server-side precondition "does not exist": it is atomic
 * like a read-then-create transaction, without the read, so two runs racing
 * on the same reminder create it once and neither pays a document read.
 * A reminder with a linked write goes through a transaction instead (two
 * reads): the entry and the write land together, once.
 */
export async function enqueueReminders(
  db: Firestore,
  reminders: Reminder[],
  options: { now: Date; messageIdDomain: string; linkedWrite?: (r: Reminder) => LinkedWrite | null },
): Promise<EnqueueResult> {
  const now = Timestamp.fromDate(options.now);
  const outcomes = await mapLimited(reminders, 64, async (r) => {
    const { id, entry } = newOutboxEntry(r, now, options.messageIdDomain);
    const ref = db.collection(OUTBOX).doc(id);
    const linked = options.linkedWrite?.(r);
    if (linked)
      return db.runTransaction(async (tx) => {
        const [existing, current] = await tx.getAll(ref, linked.ref);
        const update = existing.exists ? null : linked.update(current.data());
        if (!update) return false;
        const more = await linked.alongside?.(tx, current.data()!);
        tx.create(ref, entry);
        tx.update(linked.ref, update);
        more?.(tx);
        return true;
      });
    try {
      await ref.create(entry);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === ALREADY_EXISTS) return false;
      throw error;
    }
  });
  const created = outcomes.filter(Boolean).length;
  return { created, alreadyThere: outcomes.length - created };
}
