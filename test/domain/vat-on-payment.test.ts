/**
 * VAT on payment for services (CGI art. 269-2-c): a company that did not opt
 * for VAT on debits owes the VAT of a services invoice when the customer pays
 * the price, for what is paid. The invoice's VAT waits on 44574 « TVA
 * collectée sur encaissements » and each payment moves its share to 44571.
 */
import fc from "fast-check";
import Decimal from "decimal.js";
import {
  DEFAULT_ACCOUNT_LABELS,
  vatDueOnPayment,
  DEFAULT_CHART_OF_ACCOUNTS,
  VatReturnBuilder,
  entryTotals,
  finalInvoiceEntry,
  vatAwaitsPayment,
  vatChargeableOnPayment,
  vatOnPaymentEntry,
  vatPeriod,
  vatReturnRows,
  vatCellText,
  type JournalEntry,
  type VatShare,
} from "../../functions/src/domain";

/** Credit − debit of an account over entries, summed here from the lines. */
function movement(entries: readonly JournalEntry[], account: string): string {
  return entries
    .flatMap((e) => e.lines)
    .filter((l) => l.account === account)
    .reduce((t, l) => t.plus(l.credit).minus(l.debit), new Decimal(0))
    .toFixed(2);
}

/** Pays `amounts` one after the other on an invoice owing `amountDue`: the transfers each payment makes. */
function pay(due: VatShare[], amountDue: string, amounts: string[]): VatShare[][] {
  let transferred: VatShare[] = [];
  let open = new Decimal(amountDue);
  return amounts.map((a) => {
    open = open.minus(a);
    const step = vatChargeableOnPayment({ due, transferred, amountDue, openAfter: open.toFixed(2) });
    transferred = step.transferred;
    return step.lines;
  });
}

test("the pending account is 44574 « TVA collectée sur encaissements », overridable like the others", () => {
  expect(DEFAULT_CHART_OF_ACCOUNTS.vatAwaitingPayment).toBe("44574");
  expect(DEFAULT_ACCOUNT_LABELS["44574"]).toBe("TVA collectée sur encaissements (en attente)");
  const entry = finalInvoiceEntry({
    date: "2026-03-05",
    pieceRef: "FA-2026-000012",
    supplyKind: "services",
    lines: [{ vatRate: "20", net: "2000.00", vat: "400.00" }],
    vatOnPayment: true,
    chart: { vatAwaitingPayment: "445740" },
  });
  expect(movement([entry], "445740")).toBe("400.00");
});

test("only services of a company without the option for debits wait for payment (CGI art. 269-2-c)", () => {
  expect(vatAwaitsPayment({ supplyKind: "services", vatOnDebits: false, amountDue: "2400.00" })).toBe(true);
  // Goods: chargeable at delivery (art. 269-1-a); under the option for debits: at invoicing (art. 269-2-c).
  expect(vatAwaitsPayment({ supplyKind: "goods", vatOnDebits: false, amountDue: "2400.00" })).toBe(false);
  expect(vatAwaitsPayment({ supplyKind: "services", vatOnDebits: true, amountDue: "2400.00" })).toBe(false);
  // Deposits already paid it all: nothing is left to pay, so nothing waits.
  expect(vatAwaitsPayment({ supplyKind: "services", vatOnDebits: false, amountDue: "0.00" })).toBe(false);
});

test("worked example: services 2,000.00 + 400.00 VAT paid 1,200.00 then 1,200.00 moves 200.00 and 200.00 from 44574 to 44571", () => {
  // CGI art. 269-2-c: VAT on services is chargeable on payment, for the amount paid: 400.00 × 1,200 / 2,400 each time.
  const lines = [{ vatRate: "20" as const, net: "2000.00", vat: "400.00" }];
  const invoice = finalInvoiceEntry({
    date: "2026-03-05",
    pieceRef: "FA-2026-000012",
    supplyKind: "services",
    lines,
    vatOnPayment: true,
  });
  expect(invoice.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
    ["411", "2400.00", "0.00"],
    ["706", "0.00", "2000.00"],
    ["44574", "0.00", "400.00"],
  ]);
  const [first, second] = pay(lines, "2400.00", ["1200.00", "1200.00"]);
  expect([first, second]).toEqual([
    [{ vatRate: "20", net: "1000.00", vat: "200.00" }],
    [{ vatRate: "20", net: "1000.00", vat: "200.00" }],
  ]);
  const transfers = [first, second].map((l, i) =>
    vatOnPaymentEntry({
      date: `2026-04-0${i + 1}`,
      pieceRef: `PAI-0000000${i}`,
      invoiceNumber: "FA-2026-000012",
      lines: l,
    }),
  );
  expect(transfers[0]).toMatchObject({ kind: "vat_on_payment", journal: "OD" });
  expect(transfers[0].lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
    ["44574", "200.00", "0.00"],
    ["44571", "0.00", "200.00"],
  ]);
  for (const e of [invoice, ...transfers]) expect(entryTotals(e).debit).toBe(entryTotals(e).credit);
  // Once paid, nothing waits on 44574 and 44571 holds the whole VAT.
  expect(movement([invoice, ...transfers], "44574")).toBe("0.00");
  expect(movement([invoice, ...transfers], "44571")).toBe("400.00");
  expect(movement([invoice, transfers[0]], "44571")).toBe("200.00");
});

test("an odd split rounds half-up to the cent and the last payment takes exactly what is left", () => {
  // 1,000.00 / 2,400.00 of 400.00 = 166.666… → 166.67 (net 833.333… → 833.33); the rest: 233.33 (net 1,166.67).
  const due = [{ vatRate: "20" as const, net: "2000.00", vat: "400.00" }];
  expect(pay(due, "2400.00", ["1000.00", "1400.00"])).toEqual([
    [{ vatRate: "20", net: "833.33", vat: "166.67" }],
    [{ vatRate: "20", net: "1166.67", vat: "233.33" }],
  ]);
  // Three thirds of 100.00 VAT: the shares follow the cumulative amount paid (33.33, 66.67, 100.00), never drift.
  const third = [{ vatRate: "20" as const, net: "500.00", vat: "100.00" }];
  expect(pay(third, "600.00", ["200.00", "200.00", "200.00"]).map((l) => l[0].vat)).toEqual([
    "33.33",
    "33.34",
    "33.33",
  ]);
});

test("mixed rates, net of a deposit already taxed on cashing: each rate its share, the last payment the remainder", () => {
  // Invoice 1,000.00 at 20 % (200.00), 500.00 at 10 % (50.00), 300.00 at 5.5 % (16.50), less a 20 % deposit of
  // 200.00 + 40.00 taxed when cashed: due 800.00/160.00, 500.00/50.00, 300.00/16.50; amount due 1,826.50.
  const due: VatShare[] = [
    { vatRate: "20", net: "800.00", vat: "160.00" },
    { vatRate: "10", net: "500.00", vat: "50.00" },
    { vatRate: "5.5", net: "300.00", vat: "16.50" },
  ];
  const [first, last] = pay(due, "1826.50", ["1000.00", "826.50"]);
  // 1,000.00 / 1,826.50: 160.00 → 87.599… = 87.60; 50.00 → 27.374… = 27.37; 16.50 → 9.033… = 9.03 (nets 438.00, 273.75, 164.25).
  expect(first).toEqual([
    { vatRate: "20", net: "438.00", vat: "87.60" },
    { vatRate: "10", net: "273.75", vat: "27.37" },
    { vatRate: "5.5", net: "164.25", vat: "9.03" },
  ]);
  expect(last).toEqual([
    { vatRate: "20", net: "362.00", vat: "72.40" },
    { vatRate: "10", net: "226.25", vat: "22.63" },
    { vatRate: "5.5", net: "135.75", vat: "7.47" },
  ]);
  const invoice = finalInvoiceEntry({
    date: "2026-03-05",
    pieceRef: "FA-2026-000013",
    supplyKind: "services",
    lines: [
      { vatRate: "20", net: "1000.00", vat: "200.00" },
      { vatRate: "10", net: "500.00", vat: "50.00" },
      { vatRate: "5.5", net: "300.00", vat: "16.50" },
    ],
    deposits: [{ vatRate: "20", net: "200.00", vat: "40.00" }],
    vatOnPayment: true,
  });
  const transfers = [first, last].map((l) =>
    vatOnPaymentEntry({ date: "2026-04-01", pieceRef: "PAI-00000001", invoiceNumber: "FA-2026-000013", lines: l }),
  );
  expect(movement([invoice], "44574")).toBe("226.50");
  expect(movement([invoice], "44571")).toBe("0.00");
  expect(movement([invoice, ...transfers], "44574")).toBe("0.00");
  expect(movement([invoice, ...transfers], "44571")).toBe("226.50");
});

test("goods, and services under the option for debits, still credit 44571 at the invoice date", () => {
  const entry = finalInvoiceEntry({
    date: "2026-03-01",
    pieceRef: "FA2026-0050",
    supplyKind: "goods",
    lines: [{ vatRate: "20", net: "12000.00", vat: "2400.00" }],
    deposits: [{ vatRate: "20", net: "3600.00", vat: "720.00" }],
  });
  expect([movement([entry], "44571"), movement([entry], "44574")]).toEqual(["1680.00", "0.00"]);
});

test("whatever the payments, each rate's transfers add up to its pending VAT and each stays within a cent of its share", () => {
  const cents = (d: Decimal) => d.toFixed(2);
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom("20", "10", "5.5", "2.1"), fc.integer({ min: 1, max: 5_000_000 })), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 }),
      (rates, weights) => {
        const due: VatShare[] = [...new Map(rates).entries()].map(([vatRate, c]) => {
          const net = new Decimal(c).dividedBy(100);
          return {
            vatRate: vatRate as VatShare["vatRate"],
            net: cents(net),
            vat: cents(net.times(vatRate).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)),
          };
        });
        const amountDue = due.reduce((t, d) => t.plus(d.net).plus(d.vat), new Decimal(0));
        // Split the amount due along the weights, in cents, the last payment taking what is left.
        const total = weights.reduce((a, b) => a + b, 0);
        const amounts = weights.map((w) => amountDue.times(w).dividedBy(total).toDecimalPlaces(2, Decimal.ROUND_DOWN));
        amounts[amounts.length - 1] = amountDue.minus(amounts.slice(0, -1).reduce((t, a) => t.plus(a), new Decimal(0)));
        const steps = pay(due, cents(amountDue), amounts.map(cents));
        let paid = new Decimal(0);
        const sums = new Map<string, Decimal>();
        steps.forEach((lines, k) => {
          paid = paid.plus(amounts[k]);
          for (const l of lines) {
            sums.set(l.vatRate, (sums.get(l.vatRate) ?? new Decimal(0)).plus(l.vat));
            const exact = new Decimal(due.find((d) => d.vatRate === l.vatRate)!.vat).times(paid).dividedBy(amountDue);
            expect(sums.get(l.vatRate)!.minus(exact).abs().lessThanOrEqualTo("0.005")).toBe(true);
          }
        });
        for (const d of due) expect(cents(sums.get(d.vatRate)!)).toBe(d.vat);
      },
    ),
    { numRuns: 200 },
  );
});

test("the VAT return lists a payment's VAT under « Prestations encaissées », chargeable on the payment date, with its invoice", () => {
  const april = new VatReturnBuilder(vatPeriod({ month: "2026-04" }), { vatOnDebits: false });
  const payment = {
    source: "payment" as const,
    number: "PAI-a1b2c3d4",
    date: "2026-04-10",
    invoice: "FA-2026-000012",
    postedOn: "2026-04-10",
    supplyKind: "services" as const,
    lines: [{ vatRate: "20" as const, net: "1000.00", vat: "200.00" }],
    ledgerVat: "200.00",
    entries: ["EC-2026-000031"],
  };
  april.add(payment);
  const result = april.result();
  const figure = result.rates[0].sources.find((s) => s.source === "payment")!;
  expect([figure.label, figure.base, figure.vat]).toEqual([
    "Prestations encaissées (TVA sur les encaissements)",
    "1000.00",
    "200.00",
  ]);
  expect(figure.documents).toEqual([
    {
      number: "PAI-a1b2c3d4",
      date: "2026-04-10",
      invoice: "FA-2026-000012",
      postedOn: "2026-04-10",
      chargeability: "payment",
      chargeableOn: "2026-04-10",
      base: "1000.00",
      vat: "200.00",
    },
  ]);
  // It is taxable turnover of the period: CA3 A1 and line 08.
  expect(result.ca3.filter((l) => ["A1", "08"].includes(l.line)).map((l) => [l.line, l.base, l.vat])).toEqual([
    ["A1", "1000.00", null],
    ["08", "1000.00", "200.00"],
  ]);
  expect(result.warnings).toEqual([]);
  const rows = vatReturnRows(result).map((r) => r.map(vatCellText));
  expect(rows).toContainEqual(
    expect.arrayContaining(["PAI-a1b2c3d4 (facture FA-2026-000012)", "Encaissement du prix"]),
  );

  // Received on 30/03 but recorded in April: March's VAT, flagged like a deposit recorded late.
  const late = new VatReturnBuilder(vatPeriod({ month: "2026-04" }), { vatOnDebits: false });
  late.add({ ...payment, date: "2026-03-30" });
  expect(late.result().warnings).toEqual([expect.stringContaining("à déclarer en mars 2026")]);
});

test("arrhes outside VAT deducted from a services invoice leave nothing waiting at 0 %: only the taxed rates wait for payment", () => {
  // Found by the model-based test: arrhes of 0,01 € at 0 % (outside VAT, no VAT on receipt) deducted from a 20 %
  // services invoice gave a 0 % line of −0,01 € net that the transfer entry refused.
  const due = vatDueOnPayment(
    [{ vatRate: "20", net: "10.00", vat: "2.00" }],
    [[{ vatRate: "0", net: "0.01", vat: "0.00" }]],
  );
  expect(due).toEqual([{ vatRate: "20", net: "10.00", vat: "2.00" }]);
  expect(vatDueOnPayment([{ vatRate: "0", net: "10.00", vat: "0.00" }], [])).toEqual([]);
  // Net of a deposit already taxed at 20 %: only what the invoice adds waits.
  expect(
    vatDueOnPayment(
      [{ vatRate: "20", net: "1000.00", vat: "200.00" }],
      [[{ vatRate: "20", net: "300.00", vat: "60.00" }]],
    ),
  ).toEqual([{ vatRate: "20", net: "700.00", vat: "140.00" }]);
});
