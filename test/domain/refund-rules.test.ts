/** What the law gives back, by reason and kind of deposit, and the compensation without VAT. */
import {
  RefundQuote,
  consumerAdvanceInterest,
  consumerLateRefundIncrease,
  depositInvoice,
  quoteRefund,
  refundApprovalEntries,
  refundEntitlement,
} from "../../functions/src/domain";
import { codeOf } from "./refusals";

const lines = [{ vatRate: "20", net: "1000.00", vat: "200.00" }];
const deposit = (kind: "acompte" | "arrhes", customerKind: "b2b" | "b2c") => ({
  number: "FA2026-0007",
  date: "2026-01-10",
  paidDate: "2026-01-10",
  kind,
  customerKind,
  supplyKind: "goods" as const,
  lines,
});
const base = {
  approvalDate: "2026-02-02",
  schedule: { kind: "single" as const, date: "2026-02-02" },
  scope: { kind: "full" as const },
};

describe("arrhes", () => {
  it("are forfeited when the customer withdraws: the credit note cancels the VAT, the seller keeps the gross as compensation", () => {
    const quote = quoteRefund({
      ...base,
      deposit: deposit("arrhes", "b2c"),
      reason: "customer_cancels",
      scope: { kind: "amount", amount: "100.00" },
    });
    expect(quote.entitlement).toMatchObject({ scope: "whole_balance", forfeited: true, doubled: false });
    expect(quote.creditNote.total).toEqual({ net: "1000.00", vat: "200.00", gross: "1200.00" });
    expect(quote.compensation).toEqual([
      expect.objectContaining({ kind: "arrhes_forfeited", amount: "1200.00", direction: "kept" }),
    ]);
    expect(quote.total).toBe("0.00");
    expect(quote.settlement).toMatchObject({ paidOut: "0.00", offset: [], keptAsCredit: "0.00" });
    expect(quote.schedule).toEqual([]);
    const entries = refundApprovalEntries(quote, { date: "2026-02-02", creditNoteNumber: "AV2026-0001" });
    expect(entries.map((e) => e.lines.map((l) => `${l.account} ${l.debit}/${l.credit}`))).toEqual([
      ["4191 1000.00/0.00", "44571 200.00/0.00", "411 0.00/1200.00"],
      ["411 1200.00/0.00", "7588 0.00/1200.00"],
    ]);
  });

  it("are paid back double when the seller withdraws: credit note + equal compensation without VAT", () => {
    const quote = quoteRefund({ ...base, deposit: deposit("arrhes", "b2b"), reason: "seller_cancels" });
    expect(quote.creditNote.total.gross).toBe("1200.00");
    expect(quote.compensation).toEqual([
      expect.objectContaining({ kind: "arrhes_doubled", amount: "1200.00", direction: "payable" }),
    ]);
    expect(quote.total).toBe("2400.00");
    expect(quote.schedule).toEqual([{ n: 1, dueDate: "2026-02-02", amount: "2400.00" }]);
    const [, compensation] = refundApprovalEntries(quote, { date: "2026-02-02", creditNoteNumber: "AV2026-0002" });
    expect(compensation.lines.map((l) => `${l.account} ${l.debit}/${l.credit}`)).toEqual([
      "411 0.00/1200.00",
      "6588 1200.00/0.00",
    ]);
  });

  it("without VAT on receipt (company setting) are invoiced at rate 0", () => {
    const invoice = depositInvoice({
      customerKind: "b2c",
      supplyKind: "goods",
      order: { lines: [{ vatRate: "20", net: "1000.00" }] },
      deposit: { amount: "300.00" },
      invoiceDate: "2026-01-10",
      cashedDate: "2026-01-10",
      arrhesVatOnReceipt: false,
    });
    expect(invoice.kind).toBe("arrhes");
    expect(invoice.lines).toEqual([{ vatRate: "0", net: "300.00", vat: "0.00", gross: "300.00" }]);
    expect(invoice.vatDue).toEqual({ basis: "none", date: null, period: null });
  });
});

describe("acompte", () => {
  it("a customer's cancellation refunds what is asked (contract or commercial decision)", () => {
    const quote = quoteRefund({
      ...base,
      deposit: deposit("acompte", "b2b"),
      reason: "customer_cancels",
      scope: { kind: "amount", amount: "600.00" },
    });
    expect(quote.entitlement).toMatchObject({ scope: "requested", forfeited: false });
    expect(quote.creditNote.lines).toEqual([{ vatRate: "20", net: "500.00", vat: "100.00", gross: "600.00" }]);
    expect(quote.balanceAfter.total).toEqual({ net: "500.00", vat: "100.00", gross: "600.00" });
  });

  it("a seller's cancellation refunds everything whatever was asked", () => {
    const quote = quoteRefund({
      ...base,
      deposit: deposit("acompte", "b2b"),
      reason: "seller_cancels",
      scope: { kind: "amount", amount: "1.00" },
    });
    expect(quote.creditNote.total.gross).toBe("1200.00");
  });
});

describe("partial refunds on a multi-rate deposit", () => {
  const multi = {
    ...deposit("acompte", "b2b"),
    lines: [
      { vatRate: "20", net: "1000.00", vat: "200.00" },
      { vatRate: "5.5", net: "400.00", vat: "22.00" },
    ],
  };

  it("by amount: shared between rates in proportion to what is left at each", () => {
    const quote = quoteRefund({
      ...base,
      deposit: multi,
      reason: "commercial_gesture",
      scope: { kind: "amount", amount: "711.00" },
    });
    // 711.00 × 1,200.00 / 1,622.00 = 526.02 at 20 % (438.35 + 87.67); the rest, 184.98, at 5.5 % (175.34 + 9.64).
    expect(quote.creditNote.lines).toEqual([
      { vatRate: "20", net: "438.35", vat: "87.67", gross: "526.02" },
      { vatRate: "5.5", net: "175.34", vat: "9.64", gross: "184.98" },
    ]);
  });

  it("by line: VAT per rate on the net, the whole net left takes the whole VAT left", () => {
    const quote = quoteRefund({
      ...base,
      deposit: multi,
      reason: "non_delivery",
      scope: { kind: "lines", lines: [{ vatRate: "5.5", net: "400.00" }] },
    });
    expect(quote.creditNote.lines).toEqual([{ vatRate: "5.5", net: "400.00", vat: "22.00", gross: "422.00" }]);
    expect(
      codeOf(() =>
        quoteRefund({
          ...base,
          deposit: multi,
          reason: "non_delivery",
          scope: { kind: "lines", lines: [{ vatRate: "10", net: "1.00" }] },
        }),
      ),
    ).toBe("RATE_NOT_ON_DEPOSIT");
  });

  it("nothing left to refund is refused", () => {
    expect(
      codeOf(() =>
        quoteRefund({ ...base, deposit: multi, issuedRefunds: [{ lines: multi.lines }], reason: "overpayment" }),
      ),
    ).toBe("NOTHING_TO_REFUND");
  });
});

describe("consumer rules", () => {
  it("withdrawal is for consumers only", () => {
    expect(
      codeOf(() =>
        refundEntitlement({
          depositKind: "acompte",
          customerKind: "b2b",
          supplyKind: "goods",
          reason: "consumer_withdrawal",
        }),
      ),
    ).toBe("WITHDRAWAL_B2C_ONLY");
  });

  it("withdrawal refunds everything; a refund 25 days after the deadline is increased by 10 % (L242-4)", () => {
    const quote: RefundQuote = quoteRefund({
      ...base,
      deposit: deposit("arrhes", "b2c"),
      reason: "consumer_withdrawal",
      scope: { kind: "amount", amount: "5.00" },
      terminationDate: "2026-01-15",
      refundDate: "2026-02-23",
      schedule: { kind: "single", date: "2026-02-23" },
    });
    expect(quote.creditNote.total.gross).toBe("1200.00");
    expect(quote.compensation).toEqual([
      expect.objectContaining({
        kind: "late_refund_increase",
        amount: "120.00",
        direction: "payable",
        legalBasis: "Code de la consommation L221-24, L242-4",
      }),
    ]);
    expect(quote.total).toBe("1320.00");
  });

  it("warns when the termination date needed for late-refund increases is missing", () => {
    const quote = quoteRefund({ ...base, deposit: deposit("acompte", "b2c"), reason: "non_delivery" });
    expect(quote.warnings).toEqual([
      "Date de résolution ou de rétractation (terminationDate) absente : les majorations pour remboursement tardif ne sont pas calculées.",
    ]);
  });

  it.each([
    [0, "0", "0.00"],
    [1, "10", "100.00"],
    [14, "10", "100.00"],
    [15, "20", "200.00"],
    [30, "20", "200.00"],
    [31, "50", "500.00"],
  ])("L241-4: %i days late → %s %%", (daysLate, percent, amount) => {
    const refundDate = new Date(Date.parse("2026-03-15T00:00:00Z") + daysLate * 86_400_000).toISOString().slice(0, 10);
    const increase = consumerLateRefundIncrease({
      scale: "L241-4",
      amount: "1000.00",
      terminationDate: "2026-03-01",
      refundDate,
    });
    expect(increase).toMatchObject({ deadline: "2026-03-15", daysLate, percent, amount });
  });

  it.each([
    [11, "5"],
    [20, "5"],
    [21, "10"],
    [30, "10"],
    [31, "20"],
    [60, "20"],
    [61, "50"],
    [90, "50"],
    [91, "55"],
    [120, "55"],
    [121, "60"],
    [400, "100"],
  ])("L242-4: %i days late → %s %%", (daysLate, percent) => {
    const refundDate = new Date(Date.parse("2025-01-15T00:00:00Z") + daysLate * 86_400_000).toISOString().slice(0, 10);
    expect(
      consumerLateRefundIncrease({ scale: "L242-4", amount: "1000.00", terminationDate: "2025-01-01", refundDate })
        .percent,
    ).toBe(percent);
  });

  it("L242-4: up to 10 days late, interest at the consumer legal rate for the days late", () => {
    const increase = consumerLateRefundIncrease({
      scale: "L242-4",
      amount: "1000.00",
      terminationDate: "2026-03-01",
      refundDate: "2026-03-25",
    });
    // 1000.00 × 6.67 % × 10 / 365 = 1.827…
    expect(increase).toMatchObject({ daysLate: 10, percent: null, amount: "1.83" });
  });

  it("L214-2: legal interest on a consumer's advance after three months, rate by half-year", () => {
    const interest = consumerAdvanceInterest({ amount: "1000.00", paidDate: "2025-07-15", endDate: "2026-01-31" });
    expect(interest.startsAfter).toBe("2025-10-15");
    expect(interest.segments).toEqual([
      { from: "2025-10-16", to: "2025-12-31", days: 77, rate: "6.65", amount: "14.03" },
      { from: "2026-01-01", to: "2026-01-31", days: 31, rate: "6.67", amount: "5.66" },
    ]);
    expect(interest.amount).toBe("19.69");
    expect(consumerAdvanceInterest({ amount: "1000.00", paidDate: "2026-01-10", endDate: "2026-04-10" }).amount).toBe(
      "0.00",
    );
  });

  it("L214-2 interest is added when a seller fails to deliver goods to a consumer", () => {
    const quote = quoteRefund({
      ...base,
      deposit: { ...deposit("acompte", "b2c"), paidDate: "2025-07-15", date: "2025-07-15" },
      reason: "non_delivery",
      terminationDate: "2026-01-20",
      approvalDate: "2026-01-31",
      schedule: { kind: "single", date: "2026-01-31" },
    });
    expect(quote.compensation).toEqual([
      expect.objectContaining({ kind: "advance_interest", amount: "23.63", direction: "payable" }),
    ]);
    expect(quote.total).toBe("1223.63");
  });
});
