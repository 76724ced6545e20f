/**
 * Reads the workflow's documents (functions/src/model) for the reminders
 * job. Each query selects only what is due today, on (status, date)
 * indexes, so the documents read track the reminders due, not the size of
 * the company. The composite indexes are listed in docs/jobs.md.
 */
import type { Firestore, Query, QueryDocumentSnapshot } from "@google-cloud/firestore";
import { approvalWaitingReminder } from "../domain/reminders/approval-waiting";
import { addDays } from "../domain/dates/calendar-day";
import { consumerRefundDeadlineReminder } from "../domain/reminders/consumer-refund-deadline";
import { customerOverdueReminder } from "../domain/reminders/customer-overdue";
import { instalmentDueReminder } from "../domain/reminders/instalment-due";
import { legalRatesMissingReminders } from "../domain/reminders/legal-rates-missing";
import type { Reminder } from "../domain/reminders/reminder";
import { reminderSettingsSchema } from "../domain/reminders/reminder-settings";
import { COMPANIES, CUSTOMERS, INSTALMENTS, INVOICES, REFUNDS, USERS } from "../model/collections";
import type { CustomerDoc } from "../model/customer";
import { insurersSchema } from "../domain/customers/insurers";
import { insurerDeclarationReminder } from "../domain/reminders/insurer-declaration";
import { directReader } from "../storage/doc-reader";
import { companyLegalRates } from "../workflow/company-legal-rates";
import { invoiceCopies, type InvoiceDoc } from "../model/invoice";
import { AWAITING_APPROVAL, type InstalmentDoc, type RefundDoc, type RefundStatus } from "../model/refund";
import type { CompanyReminders, ReminderSource } from "./reminder-source";

/** What every reminder about an open invoice says of it. The query selects by the copies; the message says what the sealed invoice says. */
function openInvoiceFacts(companyId: string, invoiceId: string, d: InvoiceDoc) {
  const sealed = invoiceCopies(d.content);
  return {
    companyId,
    invoiceId,
    number: sealed.number,
    issuedOn: sealed.issuedOn,
    dueDate: sealed.dueDate,
    openAmount: d.openAmount,
  };
}

/** Firestore's bound on the values of an `in` filter. */
const IN_LIMIT = 30;

/** Refunds still to be paid: the consumer deadline keeps running until `refunded`. */
const NOT_YET_REFUNDED: RefundStatus[] = [...AWAITING_APPROVAL, "approved"];

export function firestoreReminderSource(db: Firestore): ReminderSource {
  let reads = 0;
  const errors: { target: string; message: string }[] = [];

  async function* stream<T>(query: Query): AsyncIterable<{ id: string; data: T }> {
    for await (const doc of query.stream() as AsyncIterable<QueryDocumentSnapshot>) {
      reads++;
      yield { id: doc.id, data: doc.data() as T };
    }
  }

  /**
   * Turns each due document into its reminder. One document the engine
   * cannot handle (e.g. a rate table not yet updated for the half-year) must
   * not hold back every other reminder: it is skipped and reported.
   */
  async function* evaluate<T>(
    query: Query,
    target: (id: string, data: T) => string,
    rule: (id: string, data: T) => Reminder | null,
  ): AsyncIterable<Reminder> {
    for await (const { id, data } of stream<T>(query)) {
      try {
        const reminder = rule(id, data);
        if (reminder) yield reminder;
      } catch (error) {
        errors.push({ target: target(id, data), message: String((error as Error).message ?? error) });
      }
    }
  }

  /**
   * For each configured insurer: its insured customers (equality on the
   * cover's insurer, the name checkedInsurance stores), then only their open
   * invoices past the day the reminder starts (due date + daysAfterDue −
   * remindDaysBefore), on (customerKey, paidOn, dueDate). Uninsured
   * customers' invoices are never read.
   */
  async function* insurerDeclarations(company: CompanyReminders, today: string): AsyncIterable<Reminder> {
    const { companyId, settings } = company;
    const base = db.collection(COMPANIES).doc(companyId);
    for (const insurer of company.insurers ?? []) {
      const startsAfter = Math.max(insurer.daysAfterDue - insurer.remindDaysBefore, 1);
      const insured = base.collection(CUSTOMERS).where("insurance.insurer", "==", insurer.name);
      for await (const { data: customer } of stream<CustomerDoc>(insured)) {
        if (customer.mergedInto) continue;
        for (let i = 0; i < customer.keys.length; i += IN_LIMIT) {
          const invoices = base
            .collection(INVOICES)
            .where("customerKey", "in", customer.keys.slice(i, i + IN_LIMIT))
            .where("paidOn", "==", null)
            .where("dueDate", "<=", addDays(today, -startsAfter));
          yield* evaluate<InvoiceDoc>(
            invoices,
            (id) => `invoice/${id}`,
            (id, d) => {
              // Penalties are not a sale the policy covers: only trade receivables are declared.
              if (d.content.type === "penalty") return null;
              return insurerDeclarationReminder(
                {
                  ...openInvoiceFacts(companyId, id, d),
                  customerName: customer.name,
                  siren: customer.siren ?? null,
                  disputed: d.dunning?.disputed === true,
                  declaredOn: d.insuranceClaim?.declaredOn ?? null,
                  factor: d.content.factoring?.factor ?? null,
                },
                insurer,
                settings,
                today,
              );
            },
          );
        }
      }
    }
  }

  return {
    documentsRead: () => reads,
    errors: () => errors,

    async *companies() {
      type Company = { reminderSettings?: unknown; settings?: { insurers?: unknown } };
      for await (const { id, data } of stream<Company>(db.collection(COMPANIES))) {
        const parsed = reminderSettingsSchema.safeParse(data.reminderSettings);
        // A company without valid settings has nobody to remind yet; the add-on asks for them.
        if (!parsed.success) continue;
        const insurers = insurersSchema.safeParse(data.settings?.insurers ?? []);
        yield { companyId: id, settings: parsed.data, ...(insurers.success ? { insurers: insurers.data } : {}) };
      }
    },

    async *dueReminders(company: CompanyReminders, today: string): AsyncIterable<Reminder> {
      const { companyId, settings } = company;
      const base = db.collection(COMPANIES).doc(companyId);

      const rates = await companyLegalRates(directReader(db, companyId));
      const missing = legalRatesMissingReminders({ companyId, admins: [], rates }, settings, today);
      if (missing.length > 0) {
        const admins: string[] = [];
        for await (const { id } of stream(base.collection(USERS).where("roles", "array-contains", "admin")))
          admins.push(id);
        yield* legalRatesMissingReminders({ companyId, admins, rates }, settings, today);
      }

      const waiting = base
        .collection(REFUNDS)
        .where("status", "in", AWAITING_APPROVAL)
        .where("waitingSinceDay", "<=", addDays(today, -settings.approval.afterDays));
      yield* evaluate<RefundDoc>(
        waiting,
        (id) => `refund/${id}`,
        (id, d) =>
          d.waitingStep && d.waitingSinceDay
            ? approvalWaitingReminder(
                {
                  companyId,
                  requestId: id,
                  requestNumber: d.number,
                  customerName: d.customerName,
                  amount: d.grossAmount,
                  step: d.waitingStep,
                  waitingSince: d.waitingSinceDay,
                  approvers: d.pendingApprovers ?? [],
                },
                settings,
                today,
              )
            : null,
      );

      const instalments = db
        .collectionGroup(INSTALMENTS)
        .where("companyId", "==", companyId)
        .where("status", "==", "due")
        .where("dueDate", "<=", addDays(today, settings.instalment.daysBefore));
      yield* evaluate<InstalmentDoc>(
        instalments,
        (_id, d) => `refund/${d.refundId}/instalment/${d.number}`,
        (_id, d) =>
          instalmentDueReminder({ ...d, requestId: d.refundId, requestNumber: d.refundNumber }, settings, today),
      );

      const consumer = base
        .collection(REFUNDS)
        .where("status", "in", NOT_YET_REFUNDED)
        .where("consumerRefundDeadline", "<=", addDays(today, settings.consumerRefund.warnDaysBefore));
      yield* evaluate<RefundDoc>(
        consumer,
        (id) => `refund/${id}`,
        (id, d) =>
          d.lateRefundScale && d.proposal?.terminationDate
            ? consumerRefundDeadlineReminder(
                {
                  companyId,
                  requestId: id,
                  requestNumber: d.number,
                  customerName: d.customerName,
                  amount: d.grossAmount,
                  scale: d.lateRefundScale,
                  terminationDate: d.proposal.terminationDate,
                },
                settings,
                today,
                rates,
              )
            : null,
      );

      yield* insurerDeclarations(company, today);

      const overdue = base
        .collection(INVOICES)
        .where("paidOn", "==", null)
        .where("dueDate", "<=", addDays(today, -settings.dunning.levelDays[0]));
      yield* evaluate<InvoiceDoc>(
        overdue,
        (id) => `invoice/${id}`,
        (id, d) => {
          const sealed = invoiceCopies(d.content);
          return customerOverdueReminder(
            {
              ...openInvoiceFacts(companyId, id, d),
              customerName: d.content.customer.name,
              customerKind: d.content.customer.kind,
              customerEmail: d.content.customer.email ?? null,
              disputed: d.dunning?.disputed === true,
              promiseUntil: d.dunning?.promiseUntil ?? null,
              contractRate: sealed.contractPenaltyRate,
              lastLetter: d.lastDunningLetter ?? null,
              penaltyInvoice: sealed.type === "penalty",
              invoicedPenalties: d.penaltyClaims ?? [],
              ...(sealed.factor ? { factor: sealed.factor } : {}),
            },
            settings,
            today,
            rates,
          );
        },
      );
    },
  };
}
