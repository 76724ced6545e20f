import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Decimal from "decimal.js";
import { vatCellText, vatReturnRows, type VatReturn } from "../../functions/src/domain";
import { TestApi } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, SALES, refundBody } from "./fixtures";

// Threshold 1,000 €: the credit note of the seeded quarter needs both approvals, as a real one of 3,044 € would.
const suite = workflowSuite("wfvat", { approvalThreshold: "1000.00" });
const fs = suite.fs;
let api: TestApi;
const base = `/v1/companies/${C}`;
beforeEach(() => (api = suite.api));

const CAFE = { name: "Café des Arts SAS", kind: "b2b", siren: "443061841" };
const PHARMA = { name: "Pharmacie du Port", kind: "b2b", siren: "552081317" };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of several routes
async function ok(res: { status: number; body: any }, status: number) {
  expect([res.status, res.body.error?.message]).toEqual([status, undefined]);
  return res;
}

/**
 * The first quarter of 2026, company without the option for debits:
 * - 05/01 services deposit, 40 % of 5,000.00 at 10 % and 2,000.00 at 5.5 %, cashed 30/12/2025;
 * - 15/01 goods deposit (worked example 1): 3,600.00 + 720.00 at 20 %;
 * - 20/01 goods deposit at 2.1 % (medicines): 50 % of 1,000.00;
 * - 20/02 final invoice of the 20 % order (worked example 2): 12,000.00 less the deposit;
 * - 25/02 final invoice of the 2.1 % order: 1,000.00 less its deposit;
 * - 05/03 final invoice of a services order without deposit: 1,500.00 at 20 %, its VAT waiting on 44574;
 * - 10/03 credit note refunding the whole services deposit, set against the services invoice (same customer):
 *   that pays it, so its 300.00 of VAT moves to 44571 that day (CGI art. 269-2-c);
 * - 02/04 (next quarter) a deposit cashed on 30/03.
 */
async function seedQuarter() {
  api.setToday("2026-01-05");
  const services = await ok(
    await api.call("POST", `${base}/deposits`, {
      as: ACCOUNTING,
      body: {
        ...DEPOSIT_BODY,
        customer: CAFE,
        orderRef: "CMD-2026-020",
        supplyKind: "services",
        order: {
          lines: [
            { vatRate: "10", net: "5000.00", label: "Travaux de rénovation" },
            { vatRate: "5.5", net: "2000.00", label: "Isolation" },
          ],
        },
        deposit: { percent: "40" },
        cashedDate: "2025-12-30",
      },
    }),
    201,
  );
  api.setToday("2026-01-15");
  await ok(await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY }), 201);
  api.setToday("2026-01-20");
  await ok(
    await api.call("POST", `${base}/deposits`, {
      as: ACCOUNTING,
      body: {
        ...DEPOSIT_BODY,
        customer: PHARMA,
        orderRef: "CMD-2026-021",
        order: { lines: [{ vatRate: "2.1", net: "1000.00", label: "Médicaments remboursables" }] },
        deposit: { percent: "50" },
        cashedDate: "2026-01-20",
      },
    }),
    201,
  );
  api.setToday("2026-02-20");
  await ok(
    await api.call("POST", `${base}/invoices/final`, {
      as: ACCOUNTING,
      body: { orderRef: DEPOSIT_BODY.orderRef, supplyKind: "goods", lines: [{ vatRate: "20", net: "12000.00" }] },
    }),
    201,
  );
  api.setToday("2026-02-25");
  await ok(
    await api.call("POST", `${base}/invoices/final`, {
      as: ACCOUNTING,
      body: { orderRef: "CMD-2026-021", supplyKind: "goods", lines: [{ vatRate: "2.1", net: "1000.00" }] },
    }),
    201,
  );
  api.setToday("2026-03-05");
  const consulting = await ok(
    await api.call("POST", `${base}/invoices/final`, {
      as: ACCOUNTING,
      body: {
        orderRef: "CMD-2026-022",
        customer: CAFE,
        supplyKind: "services",
        lines: [{ vatRate: "20", net: "1500.00", label: "Conseil" }],
      },
    }),
    201,
  );
  api.setToday("2026-03-10");
  const req = await ok(
    await api.call("POST", `${base}/refunds`, {
      as: REQUESTER,
      body: refundBody(services.body.id, { kind: "single", date: "2026-03-31" }),
    }),
    201,
  );
  for (const who of [ACCOUNTING, SALES])
    await ok(await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: who }), 200);
  api.setToday("2026-04-02");
  await ok(
    await api.call("POST", `${base}/deposits`, {
      as: ACCOUNTING,
      body: { ...DEPOSIT_BODY, orderRef: "CMD-2026-030", cashedDate: "2026-03-30" },
    }),
    201,
  );
  expect(req.body.quote.settlement.offset).toEqual([
    { invoiceNumber: consulting.body.content.number, amount: "1800.00" },
  ]);
  return { consultingNumber: consulting.body.content.number as string };
}

/** Credit − debit on 44571 of the journal entries dated in [start, end], read straight from Firestore. */
async function ledger44571(start: string, end: string): Promise<string> {
  const entries = await fs.db.collection(`companies/${C}/journalEntries`).get();
  let total = new Decimal(0);
  for (const doc of entries.docs) {
    const date = doc.get("date") as string;
    if (date < start || date > end) continue;
    for (const l of doc.get("content.lines") as { account: string; debit: string; credit: string }[])
      if (l.account === "44571") total = total.plus(l.credit).minus(l.debit);
  }
  return total.toFixed(2);
}

function ca3(body: VatReturn) {
  return body.ca3.map((l) => [l.line, l.base, l.vat]);
}

test("the seeded quarter's VAT figures equal the 44571 movements and the CA3 lines computed by hand; left in test-artifacts/fec/", async () => {
  const { consultingNumber } = await seedQuarter();
  const res = await api.call("GET", `${base}/vat-return?period=2026-Q1`, { as: ACCOUNTING });
  await ok(res, 200);
  const body = res.body as VatReturn;

  // The ledger itself, summed here without the code under test: 244.00 + 720.00 + 10.50 + 1,680.00 + 10.50 + 300.00 − 244.00.
  const ledger = await ledger44571("2026-01-01", "2026-03-31");
  expect(ledger).toBe("2721.00");
  expect([body.total.vat, body.ledgerVat]).toEqual([ledger, ledger]);

  // CA3 by hand (CGI art. 269-2: deposits on cashing; final invoices net of the deposits' VAT; credit notes apart):
  // 20 %: deposit 3,600.00 / 720.00 + final invoice (12,000.00 − 3,600.00) = 8,400.00 / 1,680.00 + the services
  //       invoice paid on 10/03 by the refund set against it, 1,500.00 / 300.00 (chargeable on payment, art. 269-2-c) → 13,500.00 / 2,700.00 (line 08);
  // 5.5 %: deposit 40 % × 2,000.00 = 800.00, VAT 5.5 % = 44.00 (line 09);
  // 10 %: deposit 40 % × 5,000.00 = 2,000.00, VAT 200.00 (line 9B);
  // 2.1 %: deposit 500.00 / 10.50 + final invoice (1,000.00 − 500.00) = 500.00 / 10.50 → 1,000.00 / 21.00 (line 14, annexe 3310-A);
  // A1 = 13,500 + 800 + 2,000 + 1,000 = 17,300.00; credit note of the services deposit: 2,800.00 HT on B5, 244.00 on line 21;
  // line 16 = 2,700 + 44 + 200 + 21 = 2,965.00; 2,965.00 − 244.00 = 2,721.00 = the 44571 movement.
  expect(ca3(body)).toEqual([
    ["A1", "17300.00", null],
    ["B5", "2800.00", null],
    ["08", "13500.00", "2700.00"],
    ["09", "800.00", "44.00"],
    ["9B", "2000.00", "200.00"],
    ["14", "1000.00", "21.00"],
    ["16", null, "2965.00"],
    ["21", null, "244.00"],
    ["16 − 21", null, "2721.00"],
  ]);
  expect(body.documents).toBe(7);

  // Split by source, each figure with its documents.
  const at = (rate: string) => body.rates.find((r) => r.vatRate === rate)!;
  const figures = (rate: string) =>
    at(rate).sources.map((s) => [s.source, s.base, s.vat, s.documents.map((d) => [d.base, d.vat, d.chargeability])]);
  expect(figures("20")).toEqual([
    ["deposit", "3600.00", "720.00", [["3600.00", "720.00", "cashing"]]],
    ["finalInvoice", "8400.00", "1680.00", [["8400.00", "1680.00", "delivery"]]],
    ["payment", "1500.00", "300.00", [["1500.00", "300.00", "payment"]]],
    ["creditNote", "0.00", "0.00", []],
  ]);
  // The payment's figure names its piece (the credit note whose refund paid the invoice), its day and the invoice.
  const paid = at("20").sources.find((s) => s.source === "payment")!.documents[0];
  const creditNote = at("10").sources.find((s) => s.source === "creditNote")!.documents[0];
  expect([paid.number, paid.date, paid.chargeableOn, paid.invoice]).toEqual([
    creditNote.number,
    "2026-03-10",
    "2026-03-10",
    consultingNumber,
  ]);
  expect(figures("10")).toEqual([
    ["deposit", "2000.00", "200.00", [["2000.00", "200.00", "cashing"]]],
    ["finalInvoice", "0.00", "0.00", []],
    ["payment", "0.00", "0.00", []],
    ["creditNote", "-2000.00", "-200.00", [["-2000.00", "-200.00", "creditNote"]]],
  ]);
  expect(at("10").net).toEqual({ base: "0.00", vat: "0.00" });
  // The services deposit cashed in December is declared late; the services invoice, paid, needs no warning.
  const deposit10 = at("10").sources[0].documents[0];
  expect([deposit10.chargeableOn, deposit10.postedOn]).toEqual(["2025-12-30", "2026-01-05"]);
  expect(body.warnings).toEqual([
    expect.stringMatching(/^Acompte .* : TVA exigible le 30\/12\/2025 \(encaissement\).*décembre 2025/),
  ]);

  // The deposit cashed on 30/03 but recorded on 02/04 moves 44571 in April: April's return, flagged as March's VAT.
  const april = await ok(await api.call("GET", `${base}/vat-return?month=2026-04`, { as: ADMIN }), 200);
  expect([april.body.total.vat, april.body.ledgerVat]).toEqual([
    "720.00",
    await ledger44571("2026-04-01", "2026-04-30"),
  ]);
  expect(april.body.warnings).toEqual([expect.stringContaining("à déclarer en mars 2026")]);

  mkdirSync("test-artifacts/fec", { recursive: true });
  const csv = vatReturnRows(body)
    .map((row) =>
      row
        .map(vatCellText)
        .map((cell) => (/[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
        .join(";"),
    )
    .join("\r\n");
  writeFileSync(join("test-artifacts/fec", "TVA-2026-T1.csv"), `\ufeff${csv}\r\n`);
});

test("a company under the option for debits owes a services invoice's VAT at its date: no warning", async () => {
  await fs.db.doc(`companies/${C}`).update({ "settings.vatOnDebits": true });
  api.setToday("2026-02-10");
  await ok(
    await api.call("POST", `${base}/invoices/final`, {
      as: ACCOUNTING,
      body: {
        orderRef: "CMD-2026-040",
        customer: CAFE,
        supplyKind: "services",
        lines: [{ vatRate: "20", net: "2000.00" }],
      },
    }),
    201,
  );
  const res = await ok(await api.call("GET", `${base}/vat-return?month=2026-02`, { as: ACCOUNTING }), 200);
  const doc = (res.body as VatReturn).rates[0].sources[1].documents[0];
  // 2,000.00 × 20 % = 400.00, chargeable on the invoice date (CGI art. 269-2-c, option for debits).
  expect([doc.base, doc.vat, doc.chargeability, doc.chargeableOn]).toEqual([
    "2000.00",
    "400.00",
    "debits",
    "2026-02-10",
  ]);
  expect(res.body.warnings).toEqual([]);
  expect(res.body.total.vat).toBe(await ledger44571("2026-02-01", "2026-02-28"));
});

test("figures that would differ from 44571 are refused with the document at fault; bad periods and other roles too", async () => {
  await ok(await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY }), 201);
  const entries = await fs.db.collection(`companies/${C}/journalEntries`).get();
  // Damage the stored journal (a hand edit): the deposit's VAT line credited 0.01 more than its invoice says.
  const lines = entries.docs[0].get("content.lines");
  const vat = lines.findIndex((l: { account: string }) => l.account === "44571");
  lines[vat] = { ...lines[vat], credit: "720.01" };
  await entries.docs[0].ref.update({ "content.lines": lines });

  const res = await api.call("GET", `${base}/vat-return?month=2026-01`, { as: ACCOUNTING });
  expect(res.status).toBe(422);
  expect(res.body.error.code).toBe("VAT_LEDGER_MISMATCH");
  expect(res.body.error.message).toBe(
    "Les chiffres de TVA de janvier 2026 ne sont pas égaux aux mouvements du compte 44571 : l'écart suivant est à corriger avant de déclarer.",
  );
  expect(res.body.error.details).toEqual([
    {
      path: "FA-2026-000001",
      message:
        "FA-2026-000001 : 720,00\u00a0€ de TVA d'après la pièce, 720,01\u00a0€ au compte 44571 (écriture EC-2026-000001).",
    },
  ]);

  const bad = await api.call("GET", `${base}/vat-return?period=2026-T1`, { as: ADMIN });
  expect([bad.status, bad.body.error.message]).toEqual([
    400,
    "Paramètre « period » : un trimestre comme 2026-Q1 (ou le mois dans « month », comme 2026-03).",
  ]);
  const month = await api.call("GET", `${base}/vat-return?month=2026-13`, { as: ADMIN });
  expect([month.status, month.body.error.message]).toEqual([400, "Paramètre « month » : un mois comme 2026-03."]);
  expect((await api.call("GET", `${base}/vat-return?period=2026-Q1`, { as: REQUESTER })).status).toBe(403);
  expect((await api.call("GET", `${base}/vat-return?period=2026-Q1`, { as: SALES })).status).toBe(403);
});
