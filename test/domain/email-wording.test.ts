/**
 * The French wording check (issue #12) over the e-mails the jobs send: each
 * reminder, at each of its levels, built by the real rules from
 * representative documents, reads French — amounts 1 234,56 €, dates
 * 30/11/2026, no field path, no code.
 */
import { approvalWaitingReminder } from "../../functions/src/domain/reminders/approval-waiting";
import { consumerRefundDeadlineReminder } from "../../functions/src/domain/reminders/consumer-refund-deadline";
import { customerOverdueReminder, type OverdueInvoice } from "../../functions/src/domain/reminders/customer-overdue";
import { instalmentDueReminder } from "../../functions/src/domain/reminders/instalment-due";
import { reminderSettingsSchema } from "../../functions/src/domain/reminders/reminder-settings";
import type { Reminder } from "../../functions/src/domain/reminders/reminder";
import { wordingProblems } from "../support/french-wording";

const settings = reminderSettingsSchema.parse({
  companyName: "Menuiserie Lefèvre",
  recipients: { treasury: ["tresorerie@lefevre.fr"], accounting: ["compta@lefevre.fr"] },
});
const invoice: OverdueInvoice = {
  companyId: "lefevre",
  invoiceId: "inv1",
  number: "FA-2026-000050",
  issuedOn: "2026-01-01",
  dueDate: "2026-01-31",
  openAmount: "12345.67",
  customerName: "Durand SARL",
  customerKind: "b2b",
  customerEmail: "compta@durand.fr",
  disputed: false,
  promiseUntil: null,
  lastLetter: null,
};

const EMAILS: [string, Reminder | null][] = [
  [
    "approval waiting",
    approvalWaitingReminder(
      {
        companyId: "lefevre",
        requestId: "r7",
        requestNumber: "RB-2026-000007",
        customerName: "Dupont & Fils",
        amount: "4320.00",
        step: "accounting_approver",
        waitingSince: "2026-03-02",
        approvers: ["zoe@lefevre.fr"],
      },
      settings,
      "2026-03-04",
    ),
  ],
  ...(["2026-03-12", "2026-03-16"] as const).map((today): [string, Reminder | null] => [
    `instalment due on ${today}`,
    instalmentDueReminder(
      {
        companyId: "lefevre",
        requestId: "r3",
        requestNumber: "RB-2026-000003",
        creditNoteNumber: "AV-2026-000001",
        customerName: "Durand SARL",
        number: 2,
        count: 3,
        amount: "1440.50",
        dueDate: "2026-03-15",
      },
      settings,
      today,
    ),
  ]),
  ...(["2026-03-12", "2026-03-20"] as const).map((today): [string, Reminder | null] => [
    `consumer refund deadline on ${today}`,
    consumerRefundDeadlineReminder(
      {
        companyId: "lefevre",
        requestId: "r9",
        requestNumber: "RB-2026-000009",
        customerName: "Mme Martin",
        amount: "1000.00",
        scale: "L241-4",
        terminationDate: "2026-03-01",
      },
      settings,
      today,
    ),
  ]),
  ["customer overdue, first letter", customerOverdueReminder(invoice, settings, "2026-02-07")],
];

test.each(EMAILS)("%s reads French", (_, email) => {
  expect(email).not.toBeNull();
  const texts = [email!.subject, email!.text, email!.summary];
  expect(texts.flatMap((t) => wordingProblems(t).map((p) => `${p} in: ${t}`))).toEqual([]);
});
