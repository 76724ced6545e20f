/**
 * End to end on the emulator: a late B2B invoice, its penalty invoice issued
 * through the api, then the reminders job with its Firestore source and a
 * real SMTP server. The letters after the penalty invoice cite it (number,
 * date, amounts) and ask en sus only the penalties accrued since its date,
 * never the €40 indemnity again (Code de commerce L441-10, D441-5).
 *
 * Figures with the shipped rates: first half of 2026 at 2,15 % (ECB,
 * 1 January 2026) + 10 points = 12,15 %, 365-day year, on 12 000,00 €:
 * 12 000 × 12,15 % = 1 458,00 € a year.
 */
import { verifyChains } from "../../functions/src/integrity/chain-verifier";
import type { Reminder } from "../../functions/src/domain/reminders/reminder";
import { reminderSettingsSchema } from "../../functions/src/domain/reminders/reminder-settings";
import { dunningLetterRecord } from "../../functions/src/jobs/dunning-letter-record";
import { firestoreReminderSource } from "../../functions/src/jobs/firestore-reminder-source";
import { enqueueReminders } from "../../functions/src/outbox/enqueue";
import { SETTINGS } from "./support/seed";
import { ACCOUNTING, C, base, dunningKit } from "./support/dunning-kit";

const kit = dunningKit("dunpenalty");
const { fs, runJob } = kit;

test("after a penalty invoice, the late invoice's letters cite it and ask only the penalties accrued since", async () => {
  // 10 000,00 € net at 20 % = 12 000,00 € issued 20/02/2026, due 22/03/2026.
  const { id, number } = await kit.finalInvoice("CMD-P");

  // 29/03, courtesy letter: 23/03 to 29/03 = 7 days, 1 458 × 7 / 365 = 27,961… → 27,96 €, + 40,00 € = 67,96 €.
  const courtesy = await runJob("2026-03-29");
  expect(courtesy.letters).toHaveLength(1);
  expect(courtesy.letters[0].text).toContain("27,96\u00a0€ à ce jour (7 jours)");
  expect(courtesy.letters[0].text).toContain("soit 67,96\u00a0€ en plus du principal");

  // 05/04, the company invoices the penalties: 23/03 to 05/04 = 14 days, 1 458 × 14 / 365 = 55,923… → 55,92 €,
  // + the 40,00 € indemnity = 95,92 €.
  kit.api.setToday("2026-04-05");
  const claim = await kit.api.call("POST", `${base}/invoices/${id}/penalties`, { as: ACCOUNTING, body: {} });
  expect(claim.status).toBe(201);
  expect(claim.body.content.penaltyClaim).toMatchObject({ penalties: "55.92", indemnity: "40.00" });
  const penaltyNumber: string = claim.body.number;
  // The claim's transaction summarised it on the late invoice: what the job reads.
  const stored = (await fs.db.doc(`companies/${C}/invoices/${id}`).get()).get("penaltyClaims");
  expect(stored).toEqual([
    { invoiceId: claim.body.id, number: penaltyNumber, date: "2026-04-05", penalties: "55.92", indemnity: "40.00" },
  ]);

  // The summary is receivable state the chain verifier knows: the invoices' chain and fields still check.
  expect((await verifyChains(fs.db, C)).findings).toEqual([]);

  // 12/04, firm letter (29/03 + 21 − 7 days): the penalty invoice cited; since 06/04: 7 days → 27,96 € en sus.
  // Without it the letter would ask 23/03 to 12/04 = 21 days, 1 458 × 21 / 365 = 83,88 €, and 40,00 € again.
  const firm = await runJob("2026-04-12");
  expect(firm.letters.map((l) => l.subject)).toEqual([`Second rappel – facture ${number} – 12\u202f000,00\u00a0€`]);
  const text = firm.letters[0].text;
  expect(text).toContain(
    `vous ont été facturées par notre facture de pénalités n° ${penaltyNumber} du 05/04/2026 (pénalités de retard : 55,92\u00a0€ ; ` +
      "indemnité forfaitaire pour frais de recouvrement : 40,00\u00a0€), soit 95,92\u00a0€, à régler séparément.",
  );
  expect(text).toContain(
    "Depuis le 06/04/2026, de nouvelles pénalités courent sur les 12\u202f000,00\u00a0€ restant dus : 27,96\u00a0€ à ce jour (7 jours) en sus, sans TVA.",
  );
  expect(text).not.toContain("83,88");
  expect(text).not.toContain("(article D441-5)");
  // The company and the one overdue invoice: the penalty invoice (due 05/05) is not read, nor queried per invoice.
  expect(firm.documentsRead).toBe(2);

  // 06/05, formal notice (12/04 + 45 − 21 days): since 06/04, 31 days, 1 458 × 31 / 365 = 123,830… → 123,83 €.
  const notice = await runJob("2026-05-06");
  expect(notice.letters.map((l) => l.subject)).toEqual([
    `Mise en demeure de payer – facture ${number} – 12\u202f000,00\u00a0€`,
  ]);
  expect(notice.letters[0].text).toContain(`n° ${penaltyNumber} du 05/04/2026`);
  expect(notice.letters[0].text).toContain(": 123,83\u00a0€ à ce jour (31 jours) en sus, sans TVA.");

  // 12/05, the penalty invoice itself is 7 days late: its courtesy letter claims no penalty on the penalties.
  const own = await runJob("2026-05-12");
  expect(own.letters.map((l) => l.subject)).toEqual([`Rappel – facture ${penaltyNumber} – 95,92\u00a0€`]);
  expect(own.letters[0].text).not.toContain("L441-10");
});

test("a letter computed before a penalty invoice was issued is not enqueued; the next run sends it citing the invoice", async () => {
  const late = await kit.finalInvoice("CMD-R");
  // The run reads the invoice on 29/03 and computes its courtesy letter (no penalty invoice yet)…
  const settings = reminderSettingsSchema.parse(SETTINGS);
  const due: Reminder[] = [];
  for await (const r of firestoreReminderSource(fs.db).dueReminders({ companyId: C, settings }, "2026-03-29"))
    due.push(r);
  expect(due).toHaveLength(1);
  expect(due[0].text).toContain("soit 67,96\u00a0€ en plus du principal");
  // …while accounting invoices the penalties: 23/03 to 29/03, 7 days, 27,96 € + 40,00 €.
  kit.api.setToday("2026-03-29");
  const claim = await kit.api.call("POST", `${base}/invoices/${late.id}/penalties`, { as: ACCOUNTING, body: {} });
  expect(claim.status).toBe(201);
  const options = { now: new Date("2026-03-29T05:00:00Z"), messageIdDomain: "acompte.test" };
  const stale = await enqueueReminders(fs.db, due, {
    ...options,
    linkedWrite: dunningLetterRecord(fs.db, "2026-03-29"),
  });
  expect(stale.created).toBe(0);
  expect((await fs.db.doc(`companies/${C}/invoices/${late.id}`).get()).get("lastDunningLetter")).toBeUndefined();

  // The job's run that day writes the courtesy letter anew: it cites the penalty invoice and asks nothing more.
  const run = await runJob("2026-03-29");
  expect(run.letters).toHaveLength(1);
  expect(run.letters[0].text).toContain(`n° ${claim.body.number} du 29/03/2026`);
  // The same 67,96 €, now as invoiced, not asked again on top of the principal.
  expect(run.letters[0].text).toContain("soit 67,96\u00a0€, à régler séparément. Aucune pénalité n'a couru depuis.");
  expect(run.letters[0].text).not.toContain("en plus du principal");
});
