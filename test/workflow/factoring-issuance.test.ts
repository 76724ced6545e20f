/**
 * Factoring at issue (#16 slice 6): a final invoice of a customer assigned
 * to a factor seals the factor's details and the subrogation mention, and
 * its receivable moves from 411 to the factor's account in the same
 * transaction. An assigned customer whose factor is not configured is
 * refused before any number is taken.
 */
import { subrogationMention } from "../../functions/src/domain";
import { customerIdOf } from "../../functions/src/model/customer";
import { TestApi, snapshotAll } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY } from "./fixtures";

const FACTOR = { name: "Factor Ouest", iban: "FR7630004000031234567890143", bic: "BNPAFRPP", account: "467100" };
const suite = workflowSuite("wffactor", { paymentTerms: { kind: "days", days: 30 }, factors: [FACTOR] });
const fs = suite.fs;
let api: TestApi;
const base = `/v1/companies/${C}`;
const customerId = customerIdOf("siren:732829320");
beforeEach(() => (api = suite.api));

const FINAL = {
  orderRef: DEPOSIT_BODY.orderRef,
  supplyKind: "goods",
  lines: [{ vatRate: "20", net: "12000.00", label: "Agencement salle" }],
};

async function entryLines() {
  const entries = await fs.db.collection(`companies/${C}/journalEntries`).orderBy("seq").get();
  return entries.docs.map((d) => ({
    kind: d.get("content.kind"),
    journal: d.get("content.journal"),
    pieceRef: d.get("content.pieceRef"),
    lines: d
      .get("content.lines")
      .map((l: { account: string; debit: string; credit: string }) => [l.account, l.debit, l.credit]),
  }));
}

async function assign(factor: string) {
  const answer = await api.call("POST", `${base}/customers/${customerId}`, {
    as: ACCOUNTING,
    key: `assign-${factor}`,
    body: { factoring: { status: "assigned", factor } },
  });
  expect(answer.status).toBe(200);
}

test("an assigned customer's final invoice seals the factor and the mention, and its receivable moves to the factor's account", async () => {
  expect((await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY })).status).toBe(201);
  await assign("factor ouest");
  api.setToday("2026-02-20");
  const inv = await api.call("POST", `${base}/invoices/final`, { as: ACCOUNTING, body: FINAL });
  expect(inv.status).toBe(201);
  expect(inv.body.content.factoring).toEqual({
    factor: "Factor Ouest",
    iban: FACTOR.iban,
    bic: "BNPAFRPP",
    mention: subrogationMention("Factor Ouest"),
    account: "467100",
  });
  const stored = await fs.db.doc(`companies/${C}/invoices/${inv.body.id}`).get();
  expect([stored.get("factor"), stored.get("openAmount")]).toEqual(["Factor Ouest", "10080.00"]);

  const [, invoiceEntry, assignment] = await entryLines();
  expect(invoiceEntry.lines[0]).toEqual(["411", "10080.00", "0.00"]);
  expect(assignment).toEqual({
    kind: "factoring_assignment",
    journal: "OD",
    pieceRef: inv.body.number,
    lines: [
      ["467100", "10080.00", "0.00"],
      ["411", "0.00", "10080.00"],
    ],
  });
  // The chain (invoice and both entries) still verifies.
  const verify = await api.call("GET", `${base}/audit/verify`, { as: ADMIN });
  expect(verify.status).toBe(200);
  expect(verify.body).toMatchObject({ ok: true, findings: [] });
});

test("a customer not assigned, or an invoice its deposits settle, is not factored", async () => {
  expect((await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY })).status).toBe(201);
  const plain = await api.call("POST", `${base}/invoices/final`, { as: ACCOUNTING, body: FINAL });
  expect(plain.status).toBe(201);
  expect(plain.body.content.factoring).toBeUndefined();
  expect((await entryLines()).map((e) => e.kind)).toEqual(["deposit_cashed", "final_invoice"]);

  // Another order, assigned now, but fully paid by its deposit: nothing for the factor to collect.
  await assign("Factor Ouest");
  const order = { ...DEPOSIT_BODY, orderRef: "CMD-2026-018", deposit: { percent: "100" } };
  expect((await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: order })).status).toBe(201);
  const settled = await api.call("POST", `${base}/invoices/final`, {
    as: ACCOUNTING,
    body: { ...FINAL, orderRef: "CMD-2026-018" },
  });
  expect(settled.status).toBe(201);
  expect([settled.body.content.amountDue, settled.body.content.factoring]).toEqual(["0.00", undefined]);
  expect((await entryLines()).map((e) => e.kind)).not.toContain("factoring_assignment");
});

test("an assigned customer whose factor the company has not configured is refused before the number, nothing written", async () => {
  expect((await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY })).status).toBe(201);
  // A record assigned before the company's factors were listed (or the factor removed since).
  await fs.db
    .doc(`companies/${C}/customers/${customerId}`)
    .update({ factoring: { status: "assigned", factor: "Eurofactor" } });
  const before = await snapshotAll(fs.db);
  const refused = await api.call("POST", `${base}/invoices/final`, { as: ACCOUNTING, body: FINAL });
  expect(refused.status).toBe(409);
  expect(refused.body.error).toMatchObject({
    code: "FACTOR_NOT_CONFIGURED",
    message: expect.stringMatching(
      /^Le client Hôtel Bellevue SARL est affacturé par Eurofactor, mais ce factor n'est pas configuré/,
    ),
  });
  expect(await snapshotAll(fs.db)).toEqual(before);
});
