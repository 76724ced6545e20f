/**
 * End to end on the emulator: an invoice assigned to a factor when it was
 * issued is the factor's to collect (notified factoring with subrogation,
 * C. civ. 1346-1): the reminders job never sends it a dunning letter, run
 * after run, while the same customer's invoice issued before the assignment
 * is chased as usual (docs/customers-risk.md « Factoring », « Dunning »).
 */
import { OUTBOX } from "../../functions/src/model/collections";
import { ACCOUNTING, C, CUSTOMER, base, dunningKit } from "./support/dunning-kit";

const kit = dunningKit("dunfactor");
const FACTOR = { name: "Factor Ouest", iban: "FR7630004000031234567890143", account: "467100" };

test("a factored overdue invoice gets no letter however often the job runs; the customer's other invoice does", async () => {
  await kit.fs.db.doc(`companies/${C}`).update({ "settings.factors": [FACTOR] });
  // Issued before the customer was assigned: the company's to collect.
  const plain = await kit.finalInvoice("CMD-A");
  // Its record, assigned to the factor from now on.
  const assigned = await kit.api.call("POST", `${base}/customers`, {
    as: ACCOUNTING,
    body: { ...CUSTOMER, factoring: { status: "assigned", factor: FACTOR.name } },
  });
  expect([assigned.status, assigned.body.error?.message]).toEqual([201, undefined]);
  const factored = await kit.finalInvoice("CMD-B");
  const stored = await kit.fs.db.doc(`companies/${C}/invoices/${factored.id}`).get();
  expect(stored.get("factor")).toBe(FACTOR.name);

  const subjects = async (day: string) => (await kit.runJob(day)).letters.map((m) => m.subject);
  // 10/04: 19 days late, past the first level (7 days): only the plain invoice; a second run the same day sends nothing.
  expect(await subjects("2026-04-10")).toEqual([`Rappel – facture ${plain.number} – 12\u202f000,00\u00a0€`]);
  expect(await subjects("2026-04-10")).toEqual([]);
  // Its firm letter and formal notice follow; the factored invoice never gets any level.
  expect(await subjects("2026-04-24")).toEqual([`Second rappel – facture ${plain.number} – 12\u202f000,00\u00a0€`]);
  expect(await subjects("2026-05-18")).toEqual([
    `Mise en demeure de payer – facture ${plain.number} – 12\u202f000,00\u00a0€`,
  ]);
  expect(await subjects("2026-06-30")).toEqual([]);

  const outbox = await kit.fs.db.collection(OUTBOX).where("target", "==", `invoice/${factored.id}`).get();
  expect(outbox.size).toBe(0);
  expect(
    (await kit.fs.db.doc(`companies/${C}/invoices/${factored.id}`).get()).get("lastDunningLetter"),
  ).toBeUndefined();
});
