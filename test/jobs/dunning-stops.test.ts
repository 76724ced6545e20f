/**
 * End to end on the emulator: final invoices issued and marked through the
 * api, then the reminders job with its Firestore source and a real SMTP
 * server. An overdue invoice marked disputed, then under a payment promise,
 * gets no dunning letter while an unmarked one does; once the promise has
 * run out, the letter goes.
 */
import { startSmtpSink, SmtpSink } from "../../functions/dev/smtp-sink";
import { remindersJob } from "../../functions/src/jobs/reminders-job";
import { firestoreReminderSource } from "../../functions/src/jobs/firestore-reminder-source";
import { smtpTransport } from "../../functions/src/mail/smtp-transport";
import { testFirestore } from "../support/firestore";
import { TestApi, seedCompany, startTestApi } from "../support/workflow-api";
import { SETTINGS } from "./support/seed";

const fs = testFirestore("dunstop");
const C = "durand";
const ACCOUNTING = "alice@durand.fr";
const base = `/v1/companies/${C}`;
const CUSTOMER = { name: "Hôtel Bellevue SARL", kind: "b2b", siren: "732829320", email: "compta@bellevue.fr" };
let api: TestApi;
let sink: SmtpSink;

beforeAll(async () => {
  api = await startTestApi(fs.db);
});
afterAll(async () => {
  await api.close();
  await fs.close();
});
beforeEach(async () => {
  await fs.clear();
  await seedCompany(fs.db, C, { [ACCOUNTING]: ["accounting_approver"] });
  await fs.db.doc(`companies/${C}`).update({ reminderSettings: SETTINGS });
  sink = await startSmtpSink();
});
afterEach(() => sink.stop());

/** A final invoice of 10,000.00 net at 20 % (12,000.00 due) issued on 20/02/2026, due 22/03/2026. */
async function finalInvoice(orderRef: string, extra: Record<string, unknown> = {}): Promise<string> {
  api.setToday("2026-02-20");
  const inv = await api.call("POST", `${base}/invoices/final`, {
    as: ACCOUNTING,
    body: {
      orderRef,
      customer: CUSTOMER,
      supplyKind: "services",
      lines: [{ vatRate: "20", net: "10000.00" }],
      paymentTermsDays: 30,
      ...extra,
    },
  });
  expect(inv.status).toBe(201);
  expect(inv.body).toMatchObject({ openAmount: "12000.00", dueDate: "2026-03-22" });
  return inv.body.number;
}

async function mark(number: string, today: string, body: Record<string, unknown>): Promise<void> {
  const snap = await fs.db.collection(`companies/${C}/invoices`).where("number", "==", number).get();
  api.setToday(today);
  const answer = await api.call("POST", `${base}/invoices/${snap.docs[0].id}/dunning`, { as: ACCOUNTING, body });
  expect(answer.status).toBe(200);
}

/** Runs the job at 07:00 Paris on `day`; returns the subjects of the letters it delivered. */
async function runJob(day: string): Promise<string[]> {
  const before = sink.messages().length;
  const job = remindersJob({
    source: firestoreReminderSource,
    transport: smtpTransport({ host: sink.host, port: sink.port }),
    from: "Acompte <relances@acompte.test>",
    messageIdDomain: "acompte.test",
  });
  const result = await job.run({
    db: fs.db,
    now: () => new Date(`${day}T05:00:00Z`),
    scheduleTime: `${day}T05:00:00Z`,
  });
  expect(result.ruleErrors).toEqual([]);
  return sink
    .messages()
    .slice(before)
    .map((m) => m.subject)
    .sort();
}

test("a disputed, then promised invoice gets no dunning letter; an unmarked one does; the letter goes once the promise has run out", async () => {
  const plain = await finalInvoice("CMD-A");
  const marked = await finalInvoice("CMD-B");
  await mark(marked, "2026-03-25", { disputed: true, disputeReason: "Le client conteste la prestation" });

  // 10/04: 19 days late, level 1 (after 7 days) for both; only the unmarked one is chased.
  expect(await runJob("2026-04-10")).toEqual([`Rappel – facture ${plain} – 12\u202f000,00\u00a0€`]);

  // Dispute settled, the customer promises to pay by 30/04: still no letter for it, while the other reaches level 2.
  await mark(marked, "2026-04-14", { disputed: false, promiseUntil: "2026-04-30" });
  expect(await runJob("2026-04-20")).toEqual([`Second rappel – facture ${plain} – 12\u202f000,00\u00a0€`]);
  expect(await runJob("2026-04-30")).toEqual([]);

  // 05/05: the promise has run out unpaid: the letter due now (level 2, 21 days after the due date) goes.
  expect(await runJob("2026-05-05")).toEqual([`Second rappel – facture ${marked} – 12\u202f000,00\u00a0€`]);
  const letter = sink.messages().find((m) => m.subject.includes(marked))!;
  expect(letter.to).toEqual([CUSTOMER.email]);
});

test("a contract penalty rate below 3 × the legal rate is raised to that floor in the letter", async () => {
  const low = await finalInvoice("CMD-C", { penaltyRate: "1" });
  const high = await finalInvoice("CMD-D", { penaltyRate: "15" });
  await runJob("2026-04-10");
  const text = (number: string) => sink.messages().find((m) => m.subject.includes(number))!.text;
  // 12,000.00 × 19 days / 365: at 3 × 2.62 % = 7.86 % (H1 2026 legal rate, professional creditor) → 49.10,
  // not 6.25 at the contract's 1 %; at the contract's 15 % (above the floor) → 93.70.
  expect(text(low)).toContain("49,10\u00a0€ à ce jour (19 jours)");
  expect(text(high)).toContain("93,70\u00a0€ à ce jour (19 jours)");
  expect(text(low)).toContain("40,00\u00a0€");
});
