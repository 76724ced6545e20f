/**
 * Sends a command's notices (the outbox entries it created: a refund
 * request submitted, approved, rejected — workflow/notify-refund.ts) right
 * after it commits, so the next approver hears of the request at once rather
 * than at the next reminders run. The reminders job still delivers whatever
 * this could not send (a failure stays FAILED and due; a crash leaves a
 * lease that expires), under the outbox's one set of rules.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { ChangeNotifier } from "../application/ports/change-notifier";
import { OUTBOX } from "../model/collections";
import { deliverOutboxEntries } from "../outbox/deliver";
import type { OutboxMail } from "./outbox-mail";

export function noticeDelivery(
  db: Firestore,
  mail: OutboxMail,
  now: () => Date = () => new Date(),
  log: (message: string, error: unknown) => void = console.error,
): ChangeNotifier {
  return {
    async afterCommit(change) {
      const ids = change.paths.filter((p) => p.startsWith(`${OUTBOX}/`)).map((p) => p.slice(OUTBOX.length + 1));
      if (ids.length === 0) return;
      try {
        await deliverOutboxEntries(db, mail.transport, ids, { ...mail.delivery, now, from: mail.from });
      } catch (error) {
        log("Notice delivery failed; the reminders job delivers it on its next run", error);
      }
    },
  };
}
