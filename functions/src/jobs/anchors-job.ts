/**
 * The daily anchors job: for every company, the day's anchor of its chains
 * (integrity/take-anchor.ts), then three copies of it outside Firestore —
 * a structured line in Cloud Logging, rows appended to the `Intégrité`
 * sheet of each bound workbook, and a mail to the company's auditors
 * through the outbox — and finally the outbox's due mail is delivered.
 * Every step is idempotent per company and day: a second run that day
 * reuses the anchor, logs nothing more, appends no row, mails no one again.
 */
import type { Firestore } from "@google-cloud/firestore";
import { Timestamp } from "@google-cloud/firestore";
import { parisDay } from "../domain/dates/calendar-day";
import type { Reminder } from "../domain/reminders/reminder";
import { reminderSettingsSchema } from "../domain/reminders/reminder-settings";
import { anchorLogLine } from "../integrity/anchor-log";
import { anchorMail } from "../integrity/anchor-mail";
import { takeAnchor } from "../integrity/take-anchor";
import type { AnchorDoc } from "../model/anchor";
import { ANCHORS, COMPANIES } from "../model/collections";
import { deliverDueReminders } from "../outbox/deliver";
import { enqueueReminders } from "../outbox/enqueue";
import type { OutboxMail } from "./outbox-mail";
import type { ScheduledJob } from "./scheduled-handler";

export interface AnchorsJobDeps extends OutboxMail {
  /** Appends the anchor to each bound workbook's `Intégrité` sheet (the Sheets layer plugs in here). */
  publish?: (db: Firestore, companyId: string, anchor: AnchorDoc) => Promise<void>;
  /** Where the structured log line goes: stdout, which Cloud Functions hand to Cloud Logging. */
  log?: (line: string) => void;
}

export function anchorsJob(deps: AnchorsJobDeps): ScheduledJob {
  const log = deps.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  return {
    name: "anchors",
    async run({ db, now }) {
      const date = parisDay(now());
      const mails: Reminder[] = [];
      const unpublished: string[] = [];
      let companies = 0;
      let withFindings = 0;
      let logged = 0;
      for await (const company of db
        .collection(COMPANIES)
        .select("reminderSettings")
        .stream() as AsyncIterable<FirebaseFirestore.QueryDocumentSnapshot>) {
        companies++;
        const anchor = await takeAnchor(db, company.id, date, now());
        if (anchor.findingsCount > 0) withFindings++;
        if (!anchor.loggedAt) {
          // Logged, then marked: a crash in between logs the same line again, never loses it.
          log(anchorLogLine(company.id, anchor));
          logged++;
          await company.ref
            .collection(ANCHORS)
            .doc(date)
            .update({ loggedAt: Timestamp.fromDate(now()) });
        }
        if (anchor.heads.length === 0) continue;
        try {
          await deps.publish?.(db, company.id, anchor);
        } catch (error) {
          // The other companies still get theirs; the run fails at the end so Scheduler retries.
          console.error(`Intégrité of ${company.id} not written`, error);
          unpublished.push(company.id);
        }
        const settings = reminderSettingsSchema.safeParse(company.get("reminderSettings"));
        if (settings.success && settings.data.recipients.auditors.length > 0)
          mails.push(anchorMail(company.id, settings.data.companyName, anchor, settings.data.recipients.auditors));
      }
      const { created } = await enqueueReminders(db, mails, { now: now(), messageIdDomain: deps.messageIdDomain });
      const delivery = await deliverDueReminders(db, deps.transport, { ...deps.delivery, now, from: deps.from });
      if (unpublished.length > 0) throw new Error(`Feuille Intégrité non écrite pour : ${unpublished.join(", ")}`);
      return { date, companies, withFindings, logged, mailsCreated: created, ...delivery };
    },
  };
}
