/**
 * End to end on the emulator: final invoices issued and marked through the
 * api, then the reminders job with its Firestore source and a real SMTP
 * server. An overdue invoice marked disputed, then under a payment promise,
 * gets no dunning letter while an unmarked one does; once the promise has
 * run out, the letters start with the courtesy one and escalate by what
 * was sent, not by the calendar.
 */
import { OUTBOX } from "../../functions/src/model/collections";
import { enqueueReminders } from "../../functions/src/outbox/enqueue";
import { dunningLetterRecord } from "../../functions/src/jobs/dunning-letter-record";
import { firestoreReminderSource } from "../../functions/src/jobs/firestore-reminder-source";
import type { Reminder } from "../../functions/src/domain/reminders/reminder";
import { reminderSettingsSchema } from "../../functions/src/domain/reminders/reminder-settings";
import { ACCOUNTING, C, CUSTOMER, base, dunningKit } from "./support/dunning-kit";
import { SETTINGS } from "./support/seed";

const kit = dunningKit("dunstop");
const fs = kit.fs;

/** The kit's final invoice (12 000,00 € due 22/03/2026): its number. */
async function finalInvoice(orderRef: string, extra: Record<string, unknown> = {}): Promise<string> {
  return (await kit.finalInvoice(orderRef, extra)).number;
}

async function invoiceId(number: string): Promise<string> {
  const snap = await fs.db.collection(`companies/${C}/invoices`).where("number", "==", number).get();
  return snap.docs[0].id;
}

async function mark(number: string, today: string, body: Record<string, unknown>): Promise<void> {
  const id = await invoiceId(number);
  kit.api.setToday(today);
  const answer = await kit.api.call("POST", `${base}/invoices/${id}/dunning`, { as: ACCOUNTING, body });
  expect(answer.status).toBe(200);
}

/** Runs the job at 07:00 Paris on `day`; returns the subjects of the letters it delivered. */
async function runJob(day: string): Promise<string[]> {
  return (await kit.runJob(day)).letters.map((m) => m.subject).sort();
}

test("a disputed, then promised invoice gets no dunning letter; an unmarked one does; the letters start once the promise has run out", async () => {
  const plain = await finalInvoice("CMD-A");
  const marked = await finalInvoice("CMD-B");
  await mark(marked, "2026-03-25", { disputed: true, disputeReason: "Le client conteste la prestation" });

  // 10/04: 19 days late, level 1 (after 7 days) for both; only the unmarked one is chased.
  expect(await runJob("2026-04-10")).toEqual([`Rappel – facture ${plain} – 12\u202f000,00\u00a0€`]);

  // Dispute settled, the customer promises to pay by 30/04: still no letter for it, while the other reaches
  // level 2 on 24/04, 21 − 7 = 14 days after its courtesy letter.
  await mark(marked, "2026-04-14", { disputed: false, promiseUntil: "2026-04-30" });
  expect(await runJob("2026-04-23")).toEqual([]);
  expect(await runJob("2026-04-24")).toEqual([`Second rappel – facture ${plain} – 12\u202f000,00\u00a0€`]);
  expect(await runJob("2026-04-30")).toEqual([]);

  // 05/05: the promise has run out unpaid. The calendar is at level 2 (due date + 21), but no letter was
  // ever sent for this invoice: the courtesy letter goes first.
  expect(await runJob("2026-05-05")).toEqual([`Rappel – facture ${marked} – 12\u202f000,00\u00a0€`]);
  const letter = (await kit.sink.messages()).find((m) => m.subject.includes(marked))!;
  expect(letter.to).toEqual([CUSTOMER.email]);
});

test("an invoice 60 days overdue whose letters were paused gets level 1, then level 2 only after the spacing, each once", async () => {
  const number = await finalInvoice("CMD-E");
  const id = await invoiceId(number);
  await mark(number, "2026-03-25", { disputed: false, promiseUntil: "2026-05-20" });
  expect(await runJob("2026-03-29")).toEqual([]);
  expect(await runJob("2026-05-20")).toEqual([]);

  // 21/05: 60 days after the due date (22/03), past every delay (7 / 21 / 45): still the courtesy letter.
  const textOf = async (subject: string) => (await kit.sink.messages()).find((m) => m.subject === subject)!.text;
  const courtesy = `Rappel – facture ${number} – 12\u202f000,00\u00a0€`;
  expect(await runJob("2026-05-21")).toEqual([courtesy]);
  expect(await textOf(courtesy)).not.toContain("précédent");
  const recorded = async () => (await fs.db.doc(`companies/${C}/invoices/${id}`).get()).get("lastDunningLetter");
  expect(await recorded()).toEqual({ level: 1, sentOn: "2026-05-21" });
  expect(await runJob("2026-05-21")).toEqual([]);

  // Level 2 no sooner than 21 − 7 = 14 days after level 1 went out: 04/06.
  expect(await runJob("2026-06-03")).toEqual([]);
  const firm = `Second rappel – facture ${number} – 12\u202f000,00\u00a0€`;
  expect(await runJob("2026-06-04")).toEqual([firm]);
  expect(await textOf(firm)).toContain(`Malgré notre précédent rappel du 21/05/2026, la facture ${number}`);
  expect(await runJob("2026-06-04")).toEqual([]);

  // The formal notice 45 − 21 = 24 days after the firm letter: 28/06; nothing after it.
  expect(await runJob("2026-06-27")).toEqual([]);
  expect(await runJob("2026-06-28")).toEqual([`Mise en demeure de payer – facture ${number} – 12\u202f000,00\u00a0€`]);
  expect(await runJob("2026-09-01")).toEqual([]);
  expect(await recorded()).toEqual({ level: 3, sentOn: "2026-06-28" });

  const outbox = await fs.db.collection(OUTBOX).where("target", "==", `invoice/${id}`).get();
  expect(outbox.docs.map((d) => [d.get("level"), d.get("status")]).sort()).toEqual([
    [1, "SENT"],
    [2, "SENT"],
    [3, "SENT"],
  ]);
});

test("two runs racing on an invoice, even on different days, enqueue and record its next letter once", async () => {
  const id = await invoiceId(await finalInvoice("CMD-F"));
  const settings = reminderSettingsSchema.parse(SETTINGS);
  const due: Reminder[] = [];
  for await (const r of firestoreReminderSource(fs.db).dueReminders({ companyId: C, settings }, "2026-04-10"))
    due.push(r);
  expect(due).toMatchObject([{ rule: "customer-overdue", level: 1, target: `invoice/${id}`, day: "2026-03-29" }]);
  const enqueue = (r: Reminder, today: string) =>
    enqueueReminders(fs.db, [r], {
      now: new Date(`${today}T05:00:00Z`),
      messageIdDomain: "acompte.test",
      linkedWrite: dunningLetterRecord(fs.db, today),
    });
  // A run just before midnight and one just after, both having read the invoice before either wrote: two ids.
  const results = await Promise.all([
    enqueue(due[0], "2026-04-10"),
    enqueue({ ...due[0], day: "2026-04-11" }, "2026-04-11"),
  ]);
  expect(results.map((r) => r.created).sort()).toEqual([0, 1]);
  const outbox = await fs.db.collection(OUTBOX).where("target", "==", `invoice/${id}`).get();
  expect(outbox.size).toBe(1);
  const recorded = (await fs.db.doc(`companies/${C}/invoices/${id}`).get()).get("lastDunningLetter");
  expect(recorded).toEqual({
    level: 1,
    sentOn: outbox.docs[0].get("day") === "2026-03-29" ? "2026-04-10" : "2026-04-11",
  });
});

test("a contract penalty rate below 3 × the legal rate is raised to that floor in the letter", async () => {
  const low = await finalInvoice("CMD-C", { penaltyRate: "1" });
  const high = await finalInvoice("CMD-D", { penaltyRate: "15" });
  await runJob("2026-04-10");
  const text = async (number: string) => (await kit.sink.messages()).find((m) => m.subject.includes(number))!.text;
  // 12,000.00 × 19 days / 365: at 3 × 2.62 % = 7.86 % (H1 2026 legal rate, professional creditor) → 49.10,
  // not 6.25 at the contract's 1 %; at the contract's 15 % (above the floor) → 93.70.
  expect(await text(low)).toContain("49,10\u00a0€ à ce jour (19 jours)");
  expect(await text(high)).toContain("93,70\u00a0€ à ce jour (19 jours)");
  expect(await text(low)).toContain("40,00\u00a0€");
});
