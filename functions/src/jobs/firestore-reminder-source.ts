/**
 * Reads the workflow's documents for the reminders job. Each query selects
 * only what is due today on (status, date) indexes, so the documents read
 * track the reminders due, not the size of the company.
 *
 * Layout read (workflow data model): companies/{c} with `reminderSettings`;
 * companies/{c}/refunds/{id} (status, waitingStep, waitingSince,
 * pendingApprovers, customerName, grossAmount, creditNoteNumber) and their
 * `instalments` subcollection (number, count, amount, dueDate, status).
 */
import type { Firestore, Query } from "@google-cloud/firestore";
import { approvalWaitingReminder } from "../domain/reminders/approval-waiting";
import { addDays } from "../domain/reminders/calendar-day";
import { instalmentDueReminder } from "../domain/reminders/instalment-due";
import type { Reminder } from "../domain/reminders/reminder";
import { reminderSettingsSchema } from "../domain/reminders/reminder-settings";
import type { CompanyReminders, ReminderSource } from "./reminder-source";

export const AWAITING_APPROVAL = ["submitted", "sales_approved", "accounting_approved"];

export function firestoreReminderSource(db: Firestore): ReminderSource {
  let reads = 0;

  async function* stream(query: Query): AsyncIterable<FirebaseFirestore.QueryDocumentSnapshot> {
    for await (const doc of query.stream() as AsyncIterable<FirebaseFirestore.QueryDocumentSnapshot>) {
      reads++;
      yield doc;
    }
  }

  return {
    documentsRead: () => reads,

    async *companies() {
      for await (const doc of stream(db.collection("companies"))) {
        const parsed = reminderSettingsSchema.safeParse(doc.get("reminderSettings"));
        // A company without valid settings has nobody to remind yet; the add-on asks for them.
        if (parsed.success) yield { companyId: doc.id, settings: parsed.data };
      }
    },

    async *dueReminders(company: CompanyReminders, today: string): AsyncIterable<Reminder> {
      const { companyId, settings } = company;
      const base = db.collection("companies").doc(companyId);

      const waitingBefore = addDays(today, -settings.approval.afterDays);
      const waiting = base
        .collection("refunds")
        .where("status", "in", AWAITING_APPROVAL)
        .where("waitingSinceDay", "<=", waitingBefore);
      for await (const doc of stream(waiting)) {
        const r = approvalWaitingReminder(
          {
            companyId,
            requestId: doc.id,
            customerName: doc.get("customerName"),
            amount: doc.get("grossAmount"),
            step: doc.get("waitingStep"),
            waitingSince: doc.get("waitingSinceDay"),
            approvers: doc.get("pendingApprovers") ?? [],
          },
          settings,
          today,
        );
        if (r) yield r;
      }

      const instalments = db
        .collectionGroup("instalments")
        .where("companyId", "==", companyId)
        .where("status", "==", "due")
        .where("dueDate", "<=", addDays(today, settings.instalment.daysBefore));
      for await (const doc of stream(instalments)) {
        const r = instalmentDueReminder(
          {
            companyId,
            requestId: doc.get("refundId"),
            creditNoteNumber: doc.get("creditNoteNumber"),
            customerName: doc.get("customerName"),
            number: doc.get("number"),
            count: doc.get("count"),
            amount: doc.get("amount"),
            dueDate: doc.get("dueDate"),
          },
          settings,
          today,
        );
        if (r) yield r;
      }
    },
  };
}
