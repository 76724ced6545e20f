/** Deposits on multi-rate orders, ledger charts, settlement. */
import {
  allocatePayment,
  creditNoteEntry,
  paymentReceivedEntry,
  depositInvoice,
  finalInvoice,
  presumedDepositKind,
  refundSchedule,
  settleRefund,
  vatBreakdown,
} from "../../functions/src/domain";
import { splitGross } from "../../functions/src/domain/vat/split-gross";
import { money } from "../../functions/src/domain/money/money";
import { codeOf } from "./refusals";

describe("VAT per rate on the sum of nets (BR-CO-17)", () => {
  it("does not sum rounded line VATs", () => {
    // Three lines of 0.05 at 10 %: per line 0.005 → 0.01 each (0.03), on the sum 0.15 → 0.02.
    expect(
      vatBreakdown([
        { vatRate: "10", net: "0.05" },
        { vatRate: "10", net: "0.05" },
        { vatRate: "10", net: "0.05" },
      ]).lines,
    ).toEqual([{ vatRate: "10", net: "0.15", vat: "0.02", gross: "0.17" }]);
  });

  it("rounds half-up and lists rates highest first", () => {
    expect(
      vatBreakdown([
        { vatRate: "5.5", net: "0.10" },
        { vatRate: "20", net: "0.03" },
      ]).lines.map((l) => [l.vatRate, l.vat]),
    ).toEqual([
      ["20", "0.01"],
      ["5.5", "0.01"],
    ]);
  });
});

describe("deposits", () => {
  const order = {
    lines: [
      { id: "A", vatRate: "20", net: "1000.00" },
      { id: "B", vatRate: "5.5", net: "500.00" },
      { id: "C", vatRate: "20", net: "250.00" },
    ],
  };

  it("a percentage of a multi-rate order is allocated across the lines", () => {
    const invoice = depositInvoice({
      customerKind: "b2b",
      supplyKind: "goods",
      order,
      deposit: { percent: "33.33" },
      invoiceDate: "2026-01-10",
    });
    // 1,750.00 × 33.33 % = 583.275 → 583.28 net, shared 333.30 / 166.65 / 83.33.
    expect(invoice.orderLines).toEqual([
      { id: "A", vatRate: "20", net: "333.30" },
      { id: "B", vatRate: "5.5", net: "166.65" },
      { id: "C", vatRate: "20", net: "83.33" },
    ]);
    expect(invoice.lines).toEqual([
      { vatRate: "20", net: "416.63", vat: "83.33", gross: "499.96" },
      { vatRate: "5.5", net: "166.65", vat: "9.17", gross: "175.82" },
    ]);
    expect(invoice.vatDue).toEqual({ basis: "cashing", date: null, period: null });
  });

  it("a gross amount totals exactly what was cashed", () => {
    const invoice = depositInvoice({
      customerKind: "b2b",
      supplyKind: "goods",
      order,
      deposit: { amount: "1000.00" },
      invoiceDate: "2026-01-10",
      cashedDate: "2026-01-12",
    });
    expect(invoice.total.gross).toBe("1000.00");
    expect(invoice.lines.map((l) => l.vatRate)).toEqual(["20", "5.5"]);
  });

  it("leaves out rates the deposit does not reach, and refuses a deposit that rounds to zero", () => {
    const invoice = depositInvoice({
      customerKind: "b2b",
      supplyKind: "goods",
      order: {
        lines: [
          { vatRate: "20", net: "100.00" },
          { vatRate: "10", net: "0.00" },
        ],
      },
      deposit: { percent: "10" },
      invoiceDate: "2026-01-10",
    });
    expect(invoice.lines).toEqual([{ vatRate: "20", net: "10.00", vat: "2.00", gross: "12.00" }]);
    expect(
      codeOf(() =>
        depositInvoice({
          customerKind: "b2b",
          supplyKind: "goods",
          order: { lines: [{ vatRate: "20", net: "0.01" }] },
          deposit: { percent: "1" },
          invoiceDate: "2026-01-10",
        }),
      ),
    ).toBe("DEPOSIT_ZERO");
  });

  it("refuses a deposit above the order", () => {
    expect(
      codeOf(() =>
        depositInvoice({
          customerKind: "b2b",
          supplyKind: "goods",
          order,
          deposit: { amount: "99999.00" },
          invoiceDate: "2026-01-10",
        }),
      ),
    ).toBe("DEPOSIT_ABOVE_ORDER");
  });

  it("presumes arrhes for consumers and acompte between businesses unless the contract says", () => {
    expect(presumedDepositKind("b2c")).toBe("arrhes");
    expect(presumedDepositKind("b2c", "acompte")).toBe("acompte");
    expect(presumedDepositKind("b2b")).toBe("acompte");
  });

  it("splits a gross amount with BR-CO-17 VAT when possible, else with the VAT included in the gross", () => {
    expect(splitGross(money("1.13"), "20")).toEqual({ net: money("0.94"), vat: money("0.19") });
    // No net n gives n + round(n × 20 %) = 1.11: the VAT included, round(1.11 / 6), is 0.19.
    expect(splitGross(money("1.11"), "20")).toEqual({ net: money("0.92"), vat: money("0.19") });
  });

  it("refuses a final invoice whose deposits exceed it", () => {
    expect(
      codeOf(() =>
        finalInvoice({
          supplyKind: "services",
          lines: [{ vatRate: "20", net: "100.00" }],
          deposits: [{ number: "FA1", date: "2026-01-01", lines: [{ vatRate: "20", net: "200.00", vat: "40.00" }] }],
        }),
      ),
    ).toBe("DEPOSITS_ABOVE_INVOICE");
  });
});

describe("ledger", () => {
  it("uses a company's own accounts when given", () => {
    const entry = creditNoteEntry({
      date: "2026-03-10",
      pieceRef: "AV1",
      lines: [{ vatRate: "20", net: "100.00", vat: "20.00" }],
      chart: { customers: "4110001", depositsReceived: "4191000" },
    });
    expect(entry.lines.map((l) => l.account)).toEqual(["4191000", "44571", "4110001"]);
  });
});

describe("customer payments", () => {
  it("post D512 / C411", () => {
    const entry = paymentReceivedEntry({ date: "2026-05-10", pieceRef: "PAY-1", amount: "10080.00" });
    expect(entry.kind).toBe("payment_received");
    expect(entry.lines.map((l) => `${l.account} ${l.debit}/${l.credit}`)).toEqual([
      "411 0.00/10080.00",
      "512 10080.00/0.00",
    ]);
  });

  it("are matched to invoices in the order given, the excess left unapplied", () => {
    expect(
      allocatePayment({
        amount: "1500.00",
        invoices: [
          { id: "FA1", outstanding: "1000.00" },
          { id: "FA2", outstanding: "800.00" },
        ],
      }),
    ).toEqual({
      allocations: [
        { id: "FA1", amount: "1000.00", left: "0.00" },
        { id: "FA2", amount: "500.00", left: "300.00" },
      ],
      unapplied: "0.00",
    });
    expect(allocatePayment({ amount: "50.00", invoices: [{ id: "FA1", outstanding: "20.00" }] }).unapplied).toBe(
      "30.00",
    );
  });
});

describe("settlement", () => {
  const openInvoices = [
    { number: "FA2026-0060", dueDate: "2026-03-15", outstanding: "500.00" },
    { number: "FA2026-0050", dueDate: "2026-02-15", outstanding: "1000.00" },
  ];

  it("proposes offsets against open invoices, oldest due first", () => {
    expect(settleRefund({ total: "1200.00", openInvoices })).toEqual({
      paidOut: "0.00",
      offset: [
        { invoiceNumber: "FA2026-0050", amount: "1000.00" },
        { invoiceNumber: "FA2026-0060", amount: "200.00" },
      ],
      keptAsCredit: "0.00",
      proposed: true,
    });
  });

  it("follows a chosen split: offsets, kept as credit, the rest paid out", () => {
    expect(
      settleRefund({
        total: "1200.00",
        openInvoices,
        choice: { offsets: [{ invoiceNumber: "FA2026-0060", amount: "100.00" }], keepAsCredit: "300.00" },
      }),
    ).toEqual({
      paidOut: "800.00",
      offset: [{ invoiceNumber: "FA2026-0060", amount: "100.00" }],
      keptAsCredit: "300.00",
      proposed: false,
    });
  });

  it("refuses offsets on unknown invoices, above their outstanding, or above the total", () => {
    expect(
      codeOf(() =>
        settleRefund({
          total: "100.00",
          openInvoices,
          choice: { offsets: [{ invoiceNumber: "FA9", amount: "1.00" }] },
        }),
      ),
    ).toBe("OFFSET_INVOICE_UNKNOWN");
    expect(
      codeOf(() =>
        settleRefund({
          total: "900.00",
          openInvoices,
          choice: { offsets: [{ invoiceNumber: "FA2026-0060", amount: "600.00" }] },
        }),
      ),
    ).toBe("OFFSET_ABOVE_OUTSTANDING");
    expect(
      codeOf(() =>
        settleRefund({
          total: "100.00",
          openInvoices,
          choice: { offsets: [{ invoiceNumber: "FA2026-0060", amount: "100.00" }], keepAsCredit: "1.00" },
        }),
      ),
    ).toBe("SETTLEMENT_ABOVE_TOTAL");
  });
});

describe("schedules", () => {
  it("by percentages, remainder on the last", () => {
    const plan = {
      kind: "percentages" as const,
      instalments: [
        { dueDate: "2026-04-01", percent: "33.33" },
        { dueDate: "2026-05-01", percent: "33.33" },
        { dueDate: "2026-06-01", percent: "33.34" },
      ],
    };
    expect(refundSchedule({ total: "100.01", approvalDate: "2026-03-10", plan }).map((i) => i.amount)).toEqual([
      "33.33",
      "33.33",
      "33.35",
    ]);
  });

  it("equal instalments keep the day of month, clamped to short months", () => {
    expect(
      refundSchedule({
        total: "90.00",
        approvalDate: "2026-01-01",
        plan: { kind: "equal", count: 3, firstDate: "2026-01-31", intervalMonths: 1 },
      }).map((i) => i.dueDate),
    ).toEqual(["2026-01-31", "2026-02-28", "2026-03-31"]);
  });

  it("refuses more instalments than cents", () => {
    expect(
      codeOf(() =>
        refundSchedule({
          total: "0.02",
          approvalDate: "2026-01-01",
          plan: { kind: "equal", count: 3, firstDate: "2026-01-31" },
        }),
      ),
    ).toBe("SCHEDULE_INSTALMENT_ZERO");
  });

  it("refuses percentages that do not total 100", () => {
    let message = "";
    try {
      refundSchedule({
        total: "10.00",
        approvalDate: "2026-01-01",
        plan: {
          kind: "percentages",
          instalments: [
            { dueDate: "2026-02-01", percent: "50" },
            { dueDate: "2026-03-01", percent: "40" },
          ],
        },
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe("Échéances : les pourcentages totalisent 90 % au lieu de 100 %.");
  });
});
