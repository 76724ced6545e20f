/**
 * Reads the workflow's documents (functions/src/model) for the reminders
 * job. Each query selects only what is due today, on (status, date)
 * indexes, so the documents read track the reminders due, not the size of
 * the company. The composite indexes are listed in README, section jobs.
 */
import type { Firestore, Query, QueryDocumentSnapshot } from "@google-cloud/firestore";
import { approvalWaitingReminder } from "../domain/reminders/approval-waiting";
import { addDays } from "../domain/reminders/calendar-day";
import { consumerRefundDeadlineReminder } from "../domain/reminders/consumer-refund-deadline";
import { customerOverdueReminder } from "../domain/reminders/customer-overdue";
import { instalmentDueReminder } from "../domain/reminders/instalment-due";
import type { Reminder } from "../domain/reminders/reminder";
import { reminderSettingsSchema } from "../domain/reminders/reminder-settings";
import { COMPANIES, INSTALMENTS, INVOICES, REFUNDS } from "../model/collections";
import type { InvoiceDoc } from "../model/invoice";
import { AWAITING_APPROVAL, type InstalmentDoc, type RefundDoc, type RefundStatus } from "../model/refund";
import type { CompanyReminders, ReminderSource } from "./reminder-source";

/** Refunds still to be paid: the consumer deadline keeps running until `refunded`. */
const NOT_YET_REFUNDED: RefundStatus[] = [...AWAITING_APPROVAL, "approved"];

/**
 * Fields the reminders need that the workflow does not store yet: the
 * consumer-refund deadline (termination + 14 days) with its scale, and the
 * dunning state of an invoice. Read when present.
 */
type ConsumerDeadlineFields = { consumerRefundDeadline?: string | null; lateRefundScale?: "L241-4" | "L242-4" | null };
type DunningFields = { dunning?: { disputed?: boolean; promiseUntil?: string | null }; contractPenaltyRate?: string };

export function firestoreReminderSource(db: Firestore): ReminderSource {
  let reads = 0;
  const errors: { target: string; message: string }[] = [];

  /**
   * One document the engine cannot handle (e.g. a rate table not yet updated
   * for the half-year) must not hold back every other reminder: it is
   * skipped and reported in the run's result.
   */
  function attempt(target: string, rule: () => Reminder | null): Reminder | null {
    try {
      return rule();
    } catch (error) {
      errors.push({ target, message: String((error as Error).message ?? error) });
      return null;
    }
  }

  async function* stream<T>(query: Query): AsyncIterable<{ id: string; data: T }> {
    for await (const doc of query.stream() as AsyncIterable<QueryDocumentSnapshot>) {
      reads++;
      yield { id: doc.id, data: doc.data() as T };
    }
  }

  return {
    documentsRead: () => reads,
    errors: () => errors,

    async *companies() {
      for await (const { id, data } of stream<{ reminderSettings?: unknown }>(db.collection(COMPANIES))) {
        const parsed = reminderSettingsSchema.safeParse(data.reminderSettings);
        // A company without valid settings has nobody to remind yet; the add-on asks for them.
        if (parsed.success) yield { companyId: id, settings: parsed.data };
      }
    },

    async *dueReminders(company: CompanyReminders, today: string): AsyncIterable<Reminder> {
      const { companyId, settings } = company;
      const base = db.collection(COMPANIES).doc(companyId);

      const waiting = base
        .collection(REFUNDS)
        .where("status", "in", AWAITING_APPROVAL)
        .where("waitingSinceDay", "<=", addDays(today, -settings.approval.afterDays));
      for await (const { id, data } of stream<RefundDoc>(waiting)) {
        const { waitingStep: step, waitingSinceDay: since } = data;
        if (!step || !since) continue;
        const r = attempt(`refund/${id}`, () =>
          approvalWaitingReminder(
            {
              companyId,
              requestId: id,
              customerName: data.customerName,
              amount: data.grossAmount,
              step,
              waitingSince: since,
              approvers: data.pendingApprovers ?? [],
            },
            settings,
            today,
          ),
        );
        if (r) yield r;
      }

      const instalments = db
        .collectionGroup(INSTALMENTS)
        .where("companyId", "==", companyId)
        .where("status", "==", "due")
        .where("dueDate", "<=", addDays(today, settings.instalment.daysBefore));
      for await (const { data } of stream<InstalmentDoc>(instalments)) {
        const r = attempt(`refund/${data.refundId}/instalment/${data.number}`, () =>
          instalmentDueReminder(
            {
              companyId,
              requestId: data.refundId,
              creditNoteNumber: data.creditNoteNumber,
              customerName: data.customerName,
              number: data.number,
              count: data.count,
              amount: data.amount,
              dueDate: data.dueDate,
            },
            settings,
            today,
          ),
        );
        if (r) yield r;
      }

      const consumer = base
        .collection(REFUNDS)
        .where("status", "in", NOT_YET_REFUNDED)
        .where("consumerRefundDeadline", "<=", addDays(today, settings.consumerRefund.warnDaysBefore));
      for await (const { id, data } of stream<RefundDoc & ConsumerDeadlineFields>(consumer)) {
        const terminationDate = data.proposal?.terminationDate;
        const scale = data.lateRefundScale;
        if (!scale || !terminationDate) continue;
        const r = attempt(`refund/${id}`, () =>
          consumerRefundDeadlineReminder(
            {
              companyId,
              requestId: id,
              customerName: data.customerName,
              amount: data.grossAmount,
              scale,
              terminationDate,
            },
            settings,
            today,
          ),
        );
        if (r) yield r;
      }

      const overdue = base
        .collection(INVOICES)
        .where("paidOn", "==", null)
        .where("dueDate", "<=", addDays(today, -settings.dunning.levelDays[0]));
      for await (const { id, data } of stream<InvoiceDoc & DunningFields>(overdue)) {
        const customer = data.content.customer;
        const r = attempt(`invoice/${id}`, () =>
          customerOverdueReminder(
            {
              companyId,
              invoiceId: id,
              number: data.number,
              issuedOn: data.issuedOn,
              dueDate: data.dueDate,
              openAmount: data.openAmount,
              customerName: customer.name,
              customerKind: customer.kind,
              customerEmail: customer.email ?? null,
              disputed: data.dunning?.disputed === true,
              promiseUntil: data.dunning?.promiseUntil ?? null,
              contractRate: data.contractPenaltyRate,
            },
            settings,
            today,
          ),
        );
        if (r) yield r;
      }
    },
  };
}
