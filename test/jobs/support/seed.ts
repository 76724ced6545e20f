/**
 * A small company for the job tests, in the workflow's layout, with a fixed
 * "today" of Tuesday 10 March 2026 (Paris). Every document says in a comment
 * whether a reminder is due for it.
 */
import type { Firestore } from "@google-cloud/firestore";

export const TODAY = "2026-03-10";
export const RUN_AT = new Date("2026-03-10T06:00:00Z"); // 07:00 in Paris

export const SETTINGS = {
  companyName: "Menuiserie Lefèvre",
  approval: { afterDays: 2, repeatEveryDays: 2 },
  instalment: { daysBefore: 3, overdueRepeatEveryDays: 7 },
  recipients: { treasury: ["tresorerie@lefevre.fr"], accounting: ["compta@lefevre.fr"] },
};

export async function seedCompany(db: Firestore, companyId = "lefevre"): Promise<void> {
  const company = db.collection("companies").doc(companyId);
  await company.set({ name: "Menuiserie Lefèvre", reminderSettings: SETTINGS });
  const refund = (id: string, data: Record<string, unknown>) => company.collection("refunds").doc(id).set(data);
  const waiting = (id: string, status: string, step: string, since: string, approvers: string[]) =>
    refund(id, {
      number: `RB-2026-00000${id.slice(3)}`,
      status,
      waitingStep: step,
      waitingSinceDay: since,
      pendingApprovers: approvers,
      customerName: `Client ${id}`,
      grossAmount: "1200.00",
    });
  await waiting("DR-1", "submitted", "sales_approver", "2026-03-08", ["vente@lefevre.fr"]); // due: 2 days
  await waiting("DR-2", "sales_approved", "accounting_approver", "2026-03-01", ["compta@lefevre.fr"]); // due: 9 days, occurrence 09/03
  await waiting("DR-3", "submitted", "sales_approver", "2026-03-09", ["vente@lefevre.fr"]); // not yet: 1 day
  await refund("DR-4", { status: "rejected", waitingSinceDay: "2026-02-01", pendingApprovers: ["vente@lefevre.fr"] }); // closed
  await refund("DR-5", {
    number: "RB-2026-000005",
    status: "approved",
    customerName: "Client DR-5",
    grossAmount: "3600.00",
    creditNoteNumber: "AV-2026-000001",
  });

  const instalment = (n: number, dueDate: string, status: string) =>
    company
      .collection("refunds")
      .doc("DR-5")
      .collection("instalments")
      .doc(String(n))
      .set({
        companyId,
        refundId: "DR-5",
        refundNumber: "RB-2026-000005",
        creditNoteNumber: "AV-2026-000001",
        customerName: "Client DR-5",
        number: n,
        count: 4,
        amount: "900.00",
        dueDate,
        status,
        paidOn: status === "paid" ? dueDate : null,
      });
  await instalment(1, "2026-02-20", "paid"); // paid: nothing
  await instalment(2, "2026-03-05", "due"); // overdue since 06/03
  await instalment(3, "2026-03-13", "due"); // due in 3 days: remind now
  await instalment(4, "2026-04-10", "due"); // far: nothing

  // Consumer refunds (non-delivery, L241-4): deadline = termination + 14 days.
  const consumer = (id: string, status: string, terminationDate: string, deadline: string) =>
    refund(id, {
      number: `RB-2026-00000${id.slice(3)}`,
      status,
      customerName: `Client ${id}`,
      grossAmount: "1200.00",
      proposal: { reason: "non_delivery", terminationDate },
      lateRefundScale: "L241-4",
      consumerRefundDeadline: deadline,
    });
  await consumer("DR-6", "approved", "2026-02-20", "2026-03-06"); // 4 days late: 10 % = 120.00, step since 07/03
  await consumer("DR-7", "approved", "2026-03-05", "2026-03-19"); // warning only from 16/03: not even read
  await consumer("DR-8", "refunded", "2026-02-01", "2026-02-15"); // paid: not read

  const invoice = (id: string, dueDate: string, extra: Record<string, unknown>, customer: Record<string, unknown>) =>
    company
      .collection("invoices")
      .doc(id)
      .set({
        type: "final",
        number: `FA-2026-0000${id.slice(1)}`,
        gross: "5000.00",
        openAmount: "5000.00",
        issuedOn: "2026-01-02",
        dueDate,
        paidOn: null,
        // What the readers take from the sealed content (the copies above only select the documents).
        content: {
          type: "final",
          typeCode: "380",
          number: `FA-2026-0000${id.slice(1)}`,
          date: "2026-01-02",
          customer,
          orderRef: "",
          lines: [],
          total: { net: "4166.67", vat: "833.33", gross: "5000.00" },
          amountDue: "5000.00",
          dueDate,
        },
        ...extra,
      });
  const durand = { name: "Durand SARL", kind: "b2b", email: "compta@durand.fr", siren: "123456789" };
  // F1: courtesy letter sent 08/02: firm reminder (level 2) due from 08/02 + 14 = 22/02.
  await invoice("F1", "2026-02-01", { lastDunningLetter: { level: 1, sentOn: "2026-02-08" } }, durand);
  await invoice("F2", "2026-02-01", { dunning: { disputed: true } }, durand); // disputed: read, silent
  await invoice("F3", "2026-02-01", { dunning: { promiseUntil: "2026-03-15" } }, durand); // promise: read, silent
  await invoice("F4", "2026-01-15", { paidOn: "2026-02-01", openAmount: "0.00" }, durand); // paid: not read
  await invoice("F5", "2026-03-05", {}, durand); // 5 days: not read yet
  // F6: firm letter sent 10/02: formal notice (level 3) due from 10/02 + 24 = 06/03; no e-mail: to accounting.
  await invoice(
    "F6",
    "2026-01-20",
    { lastDunningLetter: { level: 2, sentOn: "2026-02-10" } },
    { name: "M. Petit", kind: "b2c" },
  );
}

/** The reminders the seed must produce on TODAY: rule, target, day, recipients. */
export const EXPECTED = [
  { rule: "approval-waiting", level: 0, target: "refund/DR-1/sales", day: "2026-03-10", to: ["vente@lefevre.fr"] },
  {
    rule: "approval-waiting",
    level: 0,
    target: "refund/DR-2/accounting",
    day: "2026-03-09",
    to: ["compta@lefevre.fr"],
  },
  {
    rule: "instalment-due",
    level: 2,
    target: "refund/DR-5/instalment/2",
    day: "2026-03-06",
    to: ["tresorerie@lefevre.fr"],
  },
  {
    rule: "instalment-due",
    level: 1,
    target: "refund/DR-5/instalment/3",
    day: "2026-03-10",
    to: ["tresorerie@lefevre.fr"],
  },
  { rule: "consumer-refund-deadline", level: 2, target: "refund/DR-6", day: "2026-03-07", to: ["compta@lefevre.fr"] },
  {
    rule: "customer-overdue",
    level: 2,
    target: "invoice/F1",
    day: "2026-02-22",
    to: ["compta@durand.fr", "compta@lefevre.fr"],
  },
  { rule: "customer-overdue", level: 3, target: "invoice/F6", day: "2026-03-06", to: ["compta@lefevre.fr"] },
];
