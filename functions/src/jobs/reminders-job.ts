import type { Firestore } from "@google-cloud/firestore";
import { parisDay } from "../domain/dates/calendar-day";
import type { Reminder } from "../domain/reminders/reminder";
import { deliverDueReminders } from "../outbox/deliver";
import { enqueueReminders } from "../outbox/enqueue";
import { dunningLetterRecord } from "./dunning-letter-record";
import type { OutboxMail } from "./outbox-mail";
import type { ReminderSource } from "./reminder-source";
import type { ScheduledJob } from "./scheduled-handler";

export interface RemindersJobDeps extends OutboxMail {
  source: (db: Firestore) => ReminderSource;
  /** Called after delivery with the reminders of this run (the `Relances` sheet writer plugs in here). */
  afterRun?: (db: Firestore, reminders: Reminder[]) => Promise<void>;
}

const ENQUEUE_CHUNK = 500;

/**
 * One run: evaluate the rules on the due documents, put each reminder in the
 * outbox (created once whatever the number of runs; a dunning letter together
 * with its record on the invoice), then deliver whatever the outbox has due —
 * this run's reminders and earlier failures alike.
 */
export function remindersJob(deps: RemindersJobDeps): ScheduledJob {
  return {
    name: "reminders",
    async run({ db, now }) {
      const today = parisDay(now());
      const source = deps.source(db);
      const all: Reminder[] = [];
      let created = 0;
      let pending: Reminder[] = [];
      const linkedWrite = dunningLetterRecord(db, today);
      const flush = async () => {
        const options = { now: now(), messageIdDomain: deps.messageIdDomain, linkedWrite };
        created += (await enqueueReminders(db, pending, options)).created;
        pending = [];
      };
      for await (const company of source.companies()) {
        for await (const reminder of source.dueReminders(company, today)) {
          all.push(reminder);
          pending.push(reminder);
          if (pending.length >= ENQUEUE_CHUNK) await flush();
        }
      }
      await flush();
      const delivery = await deliverDueReminders(db, deps.transport, { ...deps.delivery, now, from: deps.from });
      await deps.afterRun?.(db, all);
      const ruleErrors = source.errors();
      if (ruleErrors.length > 0)
        console.error(JSON.stringify({ message: "reminder rules failed on some documents", ruleErrors }));
      return {
        today,
        due: all.length,
        created,
        documentsRead: source.documentsRead(),
        ...delivery,
        outboxReads: delivery.reads,
        ruleErrors,
      };
    },
  };
}
