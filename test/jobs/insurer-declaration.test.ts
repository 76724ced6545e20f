/**
 * The credit insurer's deadline to declare an overdue invoice (déclaration
 * de menace de sinistre), reminded once to accounting through the outbox —
 * also when the job runs twice or dies midway — on the emulator, with the
 * workflow api issuing the invoices and a real SMTP server receiving.
 */
import { join } from "node:path";
import { reminderId } from "../../functions/src/domain/reminders/reminder";
import { customerKey } from "../../functions/src/model/amounts";
import { customerIdOf } from "../../functions/src/model/customer";
import { OUTBOX } from "../../functions/src/model/collections";
import { wordingProblems } from "../support/french-wording";
import { ACCOUNTING, C, CUSTOMER, base, dunningKit } from "./support/dunning-kit";
import { remindersJobTo } from "./support/reminders-to-sink";
import { runTsChild } from "./support/run-child";

const kit = dunningKit("jobinsurer");
const ALLIANZ = {
  name: "Allianz Trade",
  daysAfterDue: 60,
  remindDaysBefore: 10,
  email: "sinistres@allianz-trade.test",
};
const OTHER = { name: "Garage Dupuis SAS", kind: "b2b", siren: "552100554", email: "compta@dupuis.test" };

beforeEach(async () => {
  await kit.fs.db.doc(`companies/${C}`).update({ "settings.insurers": [ALLIANZ] });
});

/** The record of `customer` with Allianz Trade's cover (created, or updated when the invoice already made one). */
async function insure(customer: typeof CUSTOMER) {
  const id = customerIdOf(customerKey(customer as never));
  const insurance = { insurer: "Allianz Trade", limit: "50000.00", grantedOn: "2026-01-05" };
  const existing = await kit.api.call("GET", `${base}/customers/${id}`, { as: ACCOUNTING });
  const answer =
    existing.status === 200
      ? await kit.api.call("POST", `${base}/customers/${id}`, { as: ACCOUNTING, body: { insurance } })
      : await kit.api.call("POST", `${base}/customers`, { as: ACCOUNTING, body: { ...customer, insurance } });
  expect(answer.body.insurance).toEqual(insurance);
}

/** Disputed, so that no dunning letter mixes in: a dispute does not stop the declaration reminder. */
async function dispute(id: string) {
  kit.api.setToday("2026-03-25");
  const answer = await kit.api.call("POST", `${base}/invoices/${id}/dunning`, {
    as: ACCOUNTING,
    body: { disputed: true, disputeReason: "Le client conteste la livraison" },
  });
  expect(answer.status).toBe(200);
}

/**
 * Three final invoices of 12 000,00 € due 22/03/2026 (Allianz Trade: declare by 21/05, remind from 11/05):
 * the insured customer's first (undeclared), its second (declared on 05/05), another customer's (not insured).
 */
async function seed() {
  const first = await kit.finalInvoice("CMD-1");
  const second = await kit.finalInvoice("CMD-2");
  kit.api.setToday("2026-02-20");
  const other = await kit.api.call("POST", `${base}/invoices/final`, {
    as: ACCOUNTING,
    body: {
      orderRef: "CMD-3",
      customer: OTHER,
      supplyKind: "services",
      lines: [{ vatRate: "20", net: "10000.00" }],
      paymentTermsDays: 30,
    },
  });
  expect(other.status).toBe(201);
  await insure(CUSTOMER);
  for (const id of [first.id, second.id, other.body.id]) await dispute(id);
  kit.api.setToday("2026-05-05");
  const declared = await kit.api.call("POST", `${base}/invoices/${second.id}/insurance-claim`, {
    as: ACCOUNTING,
    body: { status: "declared", on: "2026-05-05", reference: "SIN-2026-0042" },
  });
  expect(declared.status).toBe(200);
  return { first, second };
}

const runAt = (iso: string) =>
  remindersJobTo(kit.sink).run({ db: kit.fs.db, now: () => new Date(iso), scheduleTime: iso });

test("one message to accounting on 11/05, with every figure of the declaration; none before, none again", async () => {
  const { first } = await seed();
  expect((await runAt("2026-05-10T05:00:00Z")).due).toBe(0);
  expect(await kit.sink.messages()).toHaveLength(0);

  const run = await runAt("2026-05-11T05:00:00Z");
  expect(run).toMatchObject({ due: 1, created: 1, sent: 1, ruleErrors: [] });
  const [mail] = await kit.sink.messages();
  expect(mail.headers.get("x-acompte-reminder")).toBe(
    reminderId({
      companyId: C,
      rule: "insurer-declaration",
      level: 0,
      target: `invoice/${first.id}`,
      day: "2026-05-21",
    }),
  );
  expect(mail.to).toEqual(["compta@lefevre.fr"]);
  expect(mail.subject).toBe(
    `Déclaration à l'assureur avant le 21/05/2026 – facture ${first.number} – Hôtel Bellevue SARL`,
  );
  // 11/05 is 50 days after 22/03; deadline 22/03 + 60 days = 21/05 (the policy's delay, calendar days).
  expect(mail.text).toContain(
    [
      "Client : Hôtel Bellevue SARL",
      "SIREN : 732 829 320",
      `Facture : ${first.number} du 20/02/2026`,
      "Échéance : 22/03/2026",
      "Montant impayé : 12\u202f000,00\u00a0€",
      "Retard : 50 jours au 11/05/2026",
      "Date limite de déclaration : 21/05/2026",
      "Assureur : Allianz Trade (sinistres@allianz-trade.test)",
    ].join("\n"),
  );
  expect(mail.text).toContain("La facture est en litige : la déclaration reste à faire dans le délai");
  expect(wordingProblems(mail.text)).toEqual([]);

  // Run again the same day, the next days and past the deadline: the same reminder, never a second message.
  for (const at of ["2026-05-11T10:00:00Z", "2026-05-12T05:00:00Z", "2026-05-25T05:00:00Z"])
    expect(await runAt(at)).toMatchObject({ created: 0, sent: 0, ruleErrors: [] });
  expect(await kit.sink.messages()).toHaveLength(1);

  // Declared: the invoice leaves the reminder (a new deadline, e.g. another insurer, would not bring it back).
  kit.api.setToday("2026-05-12");
  await kit.api.call("POST", `${base}/invoices/${first.id}/insurance-claim`, {
    as: ACCOUNTING,
    body: { status: "declared", on: "2026-05-12" },
  });
  expect((await runAt("2026-05-13T05:00:00Z")).due).toBe(0);
});

test("first seen past the deadline (a job outage): one message saying so", async () => {
  const { first } = await seed();
  const run = await runAt("2026-05-25T05:00:00Z");
  expect(run).toMatchObject({ due: 1, sent: 1 });
  const [mail] = await kit.sink.messages();
  expect(mail.subject).toBe(`Délai de déclaration dépassé – facture ${first.number} – Hôtel Bellevue SARL`);
  expect(mail.text).toContain(
    "a expiré le 21/05/2026 : déclarez-la sans attendre et vérifiez auprès de l'assureur que la garantie est maintenue.",
  );
  expect(await runAt("2026-05-26T05:00:00Z")).toMatchObject({ due: 1, created: 0, sent: 0 });
  expect(await kit.sink.messages()).toHaveLength(1);
});

test("a company without insurers configured reads no customer for it and reminds nothing", async () => {
  await seed();
  await kit.fs.db.doc(`companies/${C}`).update({ "settings.insurers": [] });
  const withoutInsurers = await runAt("2026-05-11T05:00:00Z");
  expect(withoutInsurers).toMatchObject({ due: 0 });
  // With them, the run reads the insured customer and its one invoice in the window (the declared one included).
  await kit.fs.db.doc(`companies/${C}`).update({ "settings.insurers": [ALLIANZ] });
  const withInsurers = await runAt("2026-05-11T06:00:00Z");
  expect(Number(withInsurers.documentsRead) - Number(withoutInsurers.documentsRead)).toBe(3);
});

test.each(["lease", "send"] as const)(
  "a run killed after the %s of the message, then run again, delivers it once",
  async (point) => {
    await seed();
    const child = await runTsChild(join(__dirname, "support/run-job-and-die.ts"), [
      kit.fs.projectId,
      String(kit.sink.port),
      point,
      "1",
      "2026-05-11T05:00:00.000Z",
    ]);
    expect(child.signal).toBe("SIGKILL");
    expect(await kit.sink.messages()).toHaveLength(point === "lease" ? 0 : 1);

    // The next run comes after the 5-minute lease.
    expect(await runAt("2026-05-11T05:10:00.000Z")).toMatchObject({ created: 0 });
    expect(await runAt("2026-05-12T05:00:00.000Z")).toMatchObject({ created: 0, sent: 0 });
    const mails = await kit.sink.messages();
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/^Déclaration à l'assureur avant le 21\/05\/2026/);
    const outbox = (await kit.fs.db.collection(OUTBOX).get()).docs.map((d) => d.data());
    expect(outbox.map((o) => [o.rule, o.status])).toEqual([["insurer-declaration", "SENT"]]);
  },
);

test("an insured invoice assigned to a factor is reminded too, naming the factor (a delegated policy may make the declaration its)", async () => {
  const FACTOR = { name: "Factor Ouest", iban: "FR7630004000031234567890143", bic: "BNPAFRPP", account: "467100" };
  await kit.fs.db.doc(`companies/${C}`).update({ "settings.factors": [FACTOR] });
  await insure(CUSTOMER);
  const assigned = await kit.api.call("POST", `${base}/customers/${customerIdOf(customerKey(CUSTOMER as never))}`, {
    as: ACCOUNTING,
    body: { factoring: { status: "assigned", factor: FACTOR.name } },
  });
  expect(assigned.status).toBe(200);
  const factored = await kit.finalInvoice("CMD-1");

  const run = await runAt("2026-05-11T05:00:00Z");
  // The factor collects the invoice, so no dunning letter: the declaration reminder alone.
  expect(run).toMatchObject({ due: 1, sent: 1, ruleErrors: [] });
  const [mail] = await kit.sink.messages();
  expect(mail.subject).toBe(
    `Déclaration à l'assureur avant le 21/05/2026 – facture ${factored.number} – Hôtel Bellevue SARL`,
  );
  expect(mail.text).toContain(
    "La facture est cédée au factor Factor Ouest (affacturage) : si la police d'assurance-crédit lui est déléguée, c'est à lui de faire la déclaration. Vérifiez avec lui qui la fait avant le 21/05/2026.",
  );
  expect(wordingProblems(mail.text)).toEqual([]);
});
