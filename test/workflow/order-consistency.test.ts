/**
 * Rules that need more than one document: an order's deposits together,
 * a final invoice per VAT rate against its deposits, a payment against the
 * date of the invoice it pays, one final invoice per order whoever issued it.
 * Each refusal is French, 4xx, and changes nothing.
 */
import { TestApi, snapshotAll } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY } from "./fixtures";
import { workflowSuite } from "./suite";

const suite = workflowSuite("wforder");
const { fs } = suite;
const base = `/v1/companies/${C}`;
let api: TestApi;
beforeEach(() => (api = suite.api));

/** The order is 12 000,00 € HT at 20 %: 14 400,00 € TTC. */
const deposit = (percent: string, orderRef = DEPOSIT_BODY.orderRef) =>
  api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: { ...DEPOSIT_BODY, orderRef, deposit: { percent } } });

async function refusedUnchanged(call: () => ReturnType<TestApi["call"]>, status: number, code: string) {
  const before = await snapshotAll(fs.db);
  const answer = await call();
  expect(answer.status).toBe(status);
  expect(answer.body.error.code).toBe(code);
  expect(await snapshotAll(fs.db)).toEqual(before);
  return answer.body.error as { message: string; details: { path: string; message: string }[] };
}

test("an order's deposits together stay within the order's total", async () => {
  const first = await deposit("30");
  expect(first.body).toMatchObject({ refundableBalance: "4320.00" });
  const error = await refusedUnchanged(() => deposit("80"), 422, "DEPOSIT_ABOVE_ORDER");
  expect(error.message).toBe(
    "Les acomptes de cette commande (FA-2026-000001) totalisent déjà 4\u202f320,00\u00a0€ TTC : avec ce nouvel acompte de 11\u202f520,00\u00a0€, ils dépasseraient le total de la commande (14\u202f400,00\u00a0€ TTC).",
  );
  expect(error.details).toEqual([{ path: "deposit", message: expect.stringContaining("10\u202f080,00\u00a0€ TTC") }]);
  // Up to the order's total exactly, and another order is not concerned.
  expect((await deposit("70")).status).toBe(201);
  expect((await deposit("80", "CMD-2026-018")).status).toBe(201);
});

test("a final invoice with less at a VAT rate than its deposits at that rate is refused", async () => {
  expect((await deposit("30")).status).toBe(201);
  api.setToday("2026-02-20");
  const error = await refusedUnchanged(
    () =>
      api.call("POST", `${base}/invoices/final`, {
        as: ACCOUNTING,
        body: {
          orderRef: DEPOSIT_BODY.orderRef,
          supplyKind: DEPOSIT_BODY.supplyKind,
          lines: [
            { vatRate: "20", net: "1000.00", label: "Agencement salle" },
            { vatRate: "10", net: "20000.00", label: "Travaux de rénovation" },
          ],
        },
      }),
    422,
    "DEPOSITS_ABOVE_INVOICE",
  );
  expect(error.message).toBe(
    "Les acomptes au taux de 20 % (3\u202f600,00\u00a0€ HT) dépassent la facture à ce taux (1\u202f000,00\u00a0€ HT) : remboursez l'excédent par un avoir.",
  );
});

test("a payment dated before the invoice it pays is refused", async () => {
  expect((await deposit("30")).status).toBe(201);
  api.setToday("2026-02-20");
  const final = await api.call("POST", `${base}/invoices/final`, {
    as: ACCOUNTING,
    body: { orderRef: DEPOSIT_BODY.orderRef, supplyKind: DEPOSIT_BODY.supplyKind, lines: DEPOSIT_BODY.order.lines },
  });
  expect(final.status).toBe(201);
  api.setToday("2026-03-01");
  const pay = (date: string) =>
    api.call("POST", `${base}/payments`, {
      as: ACCOUNTING,
      body: {
        customer: DEPOSIT_BODY.customer,
        date,
        amount: "10080.00",
        means: "virement",
        invoiceIds: [final.body.id],
      },
    });
  const error = await refusedUnchanged(() => pay("2026-02-19"), 422, "PAYMENT_BEFORE_INVOICE");
  expect(error.message).toBe(
    "Le paiement du 19/02/2026 précède la facture FA-2026-000002 du 20/02/2026 : vérifiez sa date, ou enregistrez une somme versée avant la facture comme un acompte.",
  );
  expect(error.details).toEqual([
    { path: "date", message: "Date du paiement : au plus tôt le 20/02/2026, date de la facture FA-2026-000002." },
  ]);
  expect((await pay("2026-02-20")).status).toBe(201);
});

test("an order whose final invoice another tool issued takes no final invoice and no deposit from Acompte", async () => {
  const external = await api.call("POST", `${base}/invoices/external`, {
    as: ACCOUNTING,
    body: {
      number: "2025-F-0917",
      date: "2026-01-10",
      customer: DEPOSIT_BODY.customer,
      orderRef: "ERP-4411",
      lines: [{ vatRate: "20", net: "1000.00", vat: "200.00" }],
    },
  });
  expect(external.status).toBe(201);
  const final = await refusedUnchanged(
    () =>
      api.call("POST", `${base}/invoices/final`, {
        as: ACCOUNTING,
        body: {
          orderRef: "ERP-4411",
          supplyKind: "goods",
          customer: DEPOSIT_BODY.customer,
          lines: [{ vatRate: "20", net: "1000.00", label: "Pièces" }],
        },
      }),
    409,
    "FINAL_INVOICE_EXISTS",
  );
  expect(final.message).toBe(
    "La commande ERP-4411 a déjà une facture de solde (2025-F-0917, émise par un autre outil et enregistrée ici).",
  );
  const late = await refusedUnchanged(() => deposit("30", "ERP-4411"), 409, "FINAL_INVOICE_EXISTS");
  expect(late.message).toMatch(
    /^La commande ERP-4411 a déjà une facture de solde \(2025-F-0917, émise par un autre outil/,
  );
});
