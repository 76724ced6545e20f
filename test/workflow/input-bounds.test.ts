/**
 * The product's bounds on what people send (docs/input-validation.md):
 * amounts up to 999 999 999,99 € — totals included, so that no later
 * computation meets the engine's own limits — dates from 01/01/2000 to ten
 * years ahead, payment promises of at most six months (a company setting).
 * Refused at once with a French 400 naming the field, nothing stored.
 */
import { addMonths, frenchDate } from "../../functions/src/domain/dates/calendar-date";
import { parisDay } from "../../functions/src/domain/dates/calendar-day";
import { snapshotAll } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, refundBody } from "./fixtures";
import { workflowSuite } from "./suite";

const suite = workflowSuite("wfbounds");
const fs = suite.fs;
const base = `/v1/companies/${C}`;
/** « 999 999 999,99 € » as French readers write it (narrow no-break spaces). */
const MAX = "999\u202f999\u202f999,99\u00a0€";

const CUSTOMER = DEPOSIT_BODY.customer;
const outsideAny = /la date doit être comprise entre le 01\/01\/2000 et le/;
const external = (amounts: Record<string, unknown>, number = "2026-F-0001") => ({
  number,
  date: "2026-01-10",
  customer: CUSTOMER,
  ...amounts,
});

/** A call that must be refused 400 with one detail at `path` matching `message`, nothing stored. */
async function refused400(method: string, path: string, as: string, body: unknown, at: string, message: RegExp) {
  const before = await snapshotAll(fs.db);
  const answer = await suite.api.call(method, path, { as, body });
  expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 400, code: "VALIDATION_FAILED" });
  expect(answer.body.error.details).toEqual([
    expect.objectContaining({ path: at, message: expect.stringMatching(message) }),
  ]);
  expect(await snapshotAll(fs.db)).toEqual(before);
  return answer.body.error.details[0].message as string;
}

describe("amounts", () => {
  test("an external invoice of 13-digit net and VAT is refused on each amount, naming the field", async () => {
    const before = await snapshotAll(fs.db);
    const answer = await suite.api.call("POST", `${base}/invoices/external`, {
      as: ACCOUNTING,
      body: external({ total: { net: "1234567890123.45", vat: "246913578024.69" } }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([
      { path: "total.net", message: `Montant HT : le montant dépasse le maximum de ${MAX}.` },
      { path: "total.vat", message: `Montant de TVA : le montant dépasse le maximum de ${MAX}.` },
    ]);
    expect(await snapshotAll(fs.db)).toEqual(before);
    await refused400(
      "POST",
      `${base}/invoices/external`,
      ACCOUNTING,
      external({ lines: [{ vatRate: "20", net: "9999999999999.99", vat: "10.00" }] }),
      "lines.0.net",
      new RegExp(`montant dépasse le maximum de ${MAX}`),
    );
  });

  test("amounts each within the bound whose total is not: refused on the total, with its amount", async () => {
    const message = await refused400(
      "POST",
      `${base}/invoices/external`,
      ACCOUNTING,
      external({ total: { net: "900000000.00", vat: "180000000.00" } }),
      "total",
      /dépasse/,
    );
    expect(message).toBe(
      `Total : le total TTC de la facture (1\u202f080\u202f000\u202f000,00\u00a0€) dépasse le maximum de ${MAX}.`,
    );
    await refused400(
      "POST",
      `${base}/invoices/external`,
      ACCOUNTING,
      external({
        lines: [
          { vatRate: "20", net: "500000000.00", vat: "100000000.00" },
          { vatRate: "5.5", net: "400000000.00", vat: "22000000.00" },
        ],
      }),
      "lines",
      /le total TTC de la facture \(1\u202f022\u202f000\u202f000,00\u00a0€\) dépasse/,
    );
    // An order of 200 lines each within the bound, above it in all: the deposit invoice would be.
    const lines = Array.from({ length: 2 }, () => ({ vatRate: "20", net: "500000000.00" }));
    await refused400(
      "POST",
      `${base}/deposits`,
      ACCOUNTING,
      { ...DEPOSIT_BODY, order: { lines } },
      "order.lines",
      /le total TTC de la commande \(1\u202f200\u202f000\u202f000,00\u00a0€\) dépasse/,
    );
  });

  test("an invoice of exactly the bound is recorded, and quotes for its customer still work", async () => {
    const depositId = (await suite.api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY })).body
      .id;
    const recorded = await suite.api.call("POST", `${base}/invoices/external`, {
      as: ACCOUNTING,
      body: external({ total: { net: "833333333.33", vat: "166666666.66" } }),
    });
    expect([recorded.status, recorded.body.gross]).toEqual([201, "999999999.99"]);
    suite.api.setToday("2026-03-10");
    const quote = await suite.api.call("POST", `${base}/refunds/quote`, { as: REQUESTER, body: refundBody(depositId) });
    expect(quote.status).toBe(200);
    // The engine took the invoice in: the refund is proposed as an offset against it.
    expect(quote.body.settlement.offset).toEqual([{ invoiceNumber: "2026-F-0001", amount: "4320.00" }]);
  });

  test("a payment of 9 999 999 999 999,99 € and an order line above the bound are refused", async () => {
    await refused400(
      "POST",
      `${base}/payments`,
      ACCOUNTING,
      { customer: CUSTOMER, date: "2026-01-12", amount: "9999999999999.99", means: "virement", invoiceIds: [] },
      "amount",
      new RegExp(`^Montant : le montant dépasse le maximum de ${MAX}\\.$`),
    );
    await refused400(
      "POST",
      `${base}/deposits`,
      ACCOUNTING,
      { ...DEPOSIT_BODY, order: { lines: [{ vatRate: "20", net: "1000000000.00" }] } },
      "order.lines.0.net",
      /dépasse le maximum/,
    );
  });
});

describe("dates", () => {
  const window = { min: "01/01/2000", max: frenchDate(addMonths(parisDay(new Date()), 120)) };
  const outside = new RegExp(`la date doit être comprise entre le ${window.min} et le ${window.max}`);

  test("year 0000, 1999 and 9999 are refused, naming the field and the window", async () => {
    await refused400(
      "POST",
      `${base}/deposits`,
      ACCOUNTING,
      { ...DEPOSIT_BODY, cashedDate: "0000-01-01" },
      "cashedDate",
      outside,
    );
    const message = await refused400(
      "POST",
      `${base}/invoices/external`,
      ACCOUNTING,
      external({ date: "1999-12-31", total: { net: "100.00", vat: "20.00" } }),
      "date",
      outside,
    );
    expect(message).toMatch(/^Date : la date doit être comprise entre le 01\/01\/2000 et le \d\d\/\d\d\/\d{4}\.$/);
    await refused400(
      "POST",
      `${base}/payments`,
      ACCOUNTING,
      { customer: CUSTOMER, date: "9999-12-31", amount: "10.00", means: "virement", invoiceIds: [] },
      "date",
      outside,
    );
  });

  test("equal instalments whose last one would fall beyond the window are refused on their count", async () => {
    const depositId = (await suite.api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY })).body
      .id;
    suite.api.setToday("2026-03-10");
    await refused400(
      "POST",
      `${base}/refunds`,
      REQUESTER,
      refundBody(depositId, { kind: "equal", count: 120, firstDate: "2026-03-31", intervalMonths: 12 }),
      "schedule.count",
      /la dernière échéance tomberait le 31\/03\/2145 : la date doit être comprise/,
    );
  });
});

describe("payment promises", () => {
  async function openInvoice(): Promise<string> {
    const answer = await suite.api.call("POST", `${base}/invoices/external`, {
      as: ACCOUNTING,
      body: external({ total: { net: "1000.00", vat: "200.00" }, dueDate: "2026-02-09" }),
    });
    expect(answer.status).toBe(201);
    return answer.body.id;
  }

  test("a promise until 9999-12-31 is outside the date window; beyond 6 months, refused with the last day allowed", async () => {
    const id = await openInvoice();
    await refused400(
      "POST",
      `${base}/invoices/${id}/dunning`,
      ACCOUNTING,
      { disputed: false, promiseUntil: "9999-12-31" },
      "promiseUntil",
      outsideAny,
    );
    // Today is 15/01/2026: six months run to 15/07/2026.
    await refused400(
      "POST",
      `${base}/invoices/${id}/dunning`,
      ACCOUNTING,
      { disputed: false, promiseUntil: "2026-07-16" },
      "promiseUntil",
      /^Date de promesse de paiement : le 16\/07\/2026 est à plus de 6 mois, indiquez une date jusqu'au 15\/07\/2026\.$/,
    );
    const lastDay = await suite.api.call("POST", `${base}/invoices/${id}/dunning`, {
      as: ACCOUNTING,
      body: { disputed: false, promiseUntil: "2026-07-15" },
    });
    expect([lastDay.status, lastDay.body.dunning.promiseUntil]).toEqual([200, "2026-07-15"]);
  });

  test("a company that allows 12 months gets them", async () => {
    await fs.db.doc(`companies/${C}`).update({ "settings.paymentPromiseMaxMonths": 12 });
    const id = await openInvoice();
    const allowed = await suite.api.call("POST", `${base}/invoices/${id}/dunning`, {
      as: ACCOUNTING,
      body: { disputed: false, promiseUntil: "2027-01-15" },
    });
    expect(allowed.status).toBe(200);
    await refused400(
      "POST",
      `${base}/invoices/${id}/dunning`,
      ACCOUNTING,
      { disputed: false, promiseUntil: "2027-01-16" },
      "promiseUntil",
      /à plus de 12 mois, indiquez une date jusqu'au 15\/01\/2027/,
    );
  });
});
