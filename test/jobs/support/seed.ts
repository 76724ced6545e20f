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
  await refund("DR-5", { status: "approved", customerName: "Client DR-5", grossAmount: "3600.00", creditNoteNumber: "AV-2026-000001" });

  const instalment = (n: number, dueDate: string, status: string) =>
    company.collection("refunds").doc("DR-5").collection("instalments").doc(String(n)).set({
      companyId,
      refundId: "DR-5",
      creditNoteNumber: "AV-2026-000001",
      customerName: "Client DR-5",
      number: n,
      count: 4,
      amount: "900.00",
      dueDate,
      status,
    });
  await instalment(1, "2026-02-20", "paid"); // paid: nothing
  await instalment(2, "2026-03-05", "due"); // overdue since 06/03
  await instalment(3, "2026-03-13", "due"); // due in 3 days: remind now
  await instalment(4, "2026-04-10", "due"); // far: nothing
}

/** The reminders the seed must produce on TODAY: rule, target, day, recipients. */
export const EXPECTED = [
  { rule: "approval-waiting", target: "refund/DR-1/sales", day: "2026-03-10", to: ["vente@lefevre.fr"] },
  { rule: "approval-waiting", target: "refund/DR-2/accounting", day: "2026-03-09", to: ["compta@lefevre.fr"] },
  { rule: "instalment-due", target: "refund/DR-5/instalment/2", day: "2026-03-06", to: ["tresorerie@lefevre.fr"] },
  { rule: "instalment-due", target: "refund/DR-5/instalment/3", day: "2026-03-10", to: ["tresorerie@lefevre.fr"] },
];
