/**
 * Code de la consommation L214-2 on the emulator: the final invoice of a
 * consumer's goods order deducts the legal interest earned by the advances
 * held more than three months (« déduits du solde à verser au moment de la
 * livraison »), shows it with its basis, posts it (D6618 in the invoice's
 * entry) and refuses while a half-year of rates is missing. The 2nd
 * half-year 2026 rates added here are test values, not published ones.
 */
import { TestApi } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY } from "./fixtures";

const suite = workflowSuite("wfl2142");
const { fs } = suite;
const base = `/v1/companies/${C}`;
let api: TestApi;
beforeEach(() => (api = suite.api));

const CONSUMER = { name: "Mme Claire Martin", kind: "b2c", email: "claire.martin@example.fr" };
const FINAL = {
  orderRef: DEPOSIT_BODY.orderRef,
  supplyKind: "goods",
  lines: [{ vatRate: "20", net: "12000.00", label: "Cuisine équipée" }],
};

async function consumerDeposit(cashed: string) {
  api.setToday(cashed);
  const dep = await api.call("POST", `${base}/deposits`, {
    as: ACCOUNTING,
    body: { ...DEPOSIT_BODY, customer: CONSUMER, cashedDate: cashed },
  });
  expect(dep.status).toBe(201);
  return dep.body.id as string;
}

async function entryLines(pieceRef: string) {
  const snap = await fs.db.collection(`companies/${C}/journalEntries`).where("content.pieceRef", "==", pieceRef).get();
  return snap.docs.flatMap((d) =>
    d
      .get("content.lines")
      .map((l: { account: string; debit: string; credit: string }) => [l.account, l.debit, l.credit]),
  );
}

test("worked example: delivered five months after the advance, the final invoice deducts 48,16 € of L214-2 interest and posts it to 6618", async () => {
  await consumerDeposit("2026-01-15");
  api.setToday("2026-06-15");
  const inv = await api.call("POST", `${base}/invoices/final`, { as: ACCOUNTING, body: FINAL });
  expect(inv.status).toBe(201);
  // 4 320,00 € cashed 15/01/2026; interest after 15/04/2026 until the delivery 15/06/2026: 61 days at 6,67 %
  // (consumer rate, 1st half-year 2026): 4 320,00 × 6,67 % × 61 / 365 = 48,1556… → 48,16 €.
  // Amount due: 14 400,00 − 4 320,00 − 48,16 = 10 031,84 €.
  expect(inv.body.content.advanceInterest).toMatchObject({
    legalBasis: "Code de la consommation L214-2",
    label: expect.stringContaining("jusqu'à la livraison du 15/06/2026"),
    total: "48.16",
    deducted: "48.16",
    lines: [{ reference: "FA-2026-000001 du 15/01/2026", base: "4320.00", startsAfter: "2026-04-15", days: 61 }],
  });
  expect(inv.body).toMatchObject({ openAmount: "10031.84", gross: "10031.84", vatDue: "1680.00", warnings: [] });
  expect(inv.body.content.amountDue).toBe("10031.84");
  expect(inv.body.content.total).toEqual({ net: "12000.00", vat: "2400.00", gross: "14400.00" });
  expect(await entryLines(inv.body.number)).toEqual([
    ["411", "10031.84", "0.00"],
    ["4191", "3600.00", "0.00"],
    ["6618", "48.16", "0.00"],
    ["707", "0.00", "12000.00"],
    ["44571", "0.00", "1680.00"],
  ]);

  // The customer pays exactly the amount due: the invoice is settled, nothing left as credit.
  const pay = await api.call("POST", `${base}/payments`, {
    as: ACCOUNTING,
    body: { customer: CONSUMER, date: "2026-06-15", amount: "10031.84", means: "virement", invoiceIds: [inv.body.id] },
  });
  expect(pay.status).toBe(201);
  expect(pay.body.unapplied).toBe("0.00");
  expect((await api.call("GET", `${base}/audit/verify`, { as: ADMIN })).body.ok).toBe(true);
});

test("delivered the day the three months end, the final invoice deducts no interest", async () => {
  await consumerDeposit("2026-01-15");
  api.setToday("2026-04-15");
  const inv = await api.call("POST", `${base}/invoices/final`, { as: ACCOUNTING, body: FINAL });
  expect(inv.status).toBe(201);
  expect(inv.body.content.advanceInterest).toBeUndefined();
  expect(inv.body.openAmount).toBe("10080.00");
  expect((await entryLines(inv.body.number)).map((l) => l[0])).not.toContain("6618");
});

test("a missing half-year of rates refuses the final invoice with the French message, and it succeeds once an admin adds it", async () => {
  await consumerDeposit("2026-03-02");
  api.setToday("2026-08-03");
  const refused = await api.call("POST", `${base}/invoices/final`, { as: ACCOUNTING, body: FINAL });
  expect(refused.status).toBe(422);
  expect(refused.body.error).toMatchObject({
    code: "RATE_NOT_AVAILABLE",
    message:
      "Le taux de l'intérêt légal du 2e semestre 2026 n'est pas encore renseigné : un administrateur l'ajoute depuis le menu Acompte › Taux légaux, dès sa publication.",
  });
  expect((await fs.db.collection(`companies/${C}/invoices`).where("type", "==", "final").get()).size).toBe(0);

  const added = await api.call("POST", `${base}/legal-rates`, {
    as: ADMIN,
    body: { halfYear: "2026-07-01", consumer: "7.00", professional: "3.00", ecb: "2.00", source: "Arrêté de test" },
  });
  expect(added.status).toBe(201);
  const inv = await api.call("POST", `${base}/invoices/final`, { as: ACCOUNTING, body: FINAL });
  expect(inv.status).toBe(201);
  // After 02/06/2026: 03/06 → 30/06 = 28 days at 6,67 %: 4 320 × 6,67 % × 28 / 365 = 22,1044… → 22,10;
  // 01/07 → 03/08 = 34 days at 7,00 % (test rate): 4 320 × 7 % × 34 / 365 = 28,1687… → 28,17. Total 50,27 €.
  expect(inv.body.content.advanceInterest.lines[0].segments.map((s: { amount: string }) => s.amount)).toEqual([
    "22.10",
    "28.17",
  ]);
  expect(inv.body.openAmount).toBe("10029.73");
});
