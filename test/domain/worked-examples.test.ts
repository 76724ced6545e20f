/** The four worked examples of shared/domain.md, reproduced to the cent. */
import {
  JournalEntry,
  Money,
  formatMoney,
  money,
  creditNoteEntry,
  depositCashedEntry,
  depositInvoice,
  dsoCountBack,
  dsoRatio,
  finalInvoice,
  finalInvoiceEntry,
  quoteRefund,
  refundApprovalEntries,
  refundPaidEntry,
  vatDueDate,
} from "../../functions/src/domain";

/** An entry as "D512 4320.00" / "C4191 3600.00" strings, order kept. */
function postings(entry: JournalEntry): string[] {
  return entry.lines.map((l) => (l.debit !== "0.00" ? `D${l.account} ${l.debit}` : `C${l.account} ${l.credit}`));
}

describe("example 1: goods deposit and full refund", () => {
  const invoice = depositInvoice({
    customerKind: "b2b",
    supplyKind: "goods",
    order: { lines: [{ vatRate: "20", net: "12000.00" }] },
    deposit: { percent: "30" },
    invoiceDate: "2026-01-15",
    cashedDate: "2026-01-15",
  });

  it("invoices 30 % of 12,000.00 net at 20 %: 3,600.00 + 720.00 = 4,320.00, VAT due at cashing", () => {
    expect(invoice.total).toEqual({ net: "3600.00", vat: "720.00", gross: "4320.00" });
    expect(invoice.lines).toEqual([{ vatRate: "20", net: "3600.00", vat: "720.00", gross: "4320.00" }]);
    expect(invoice.kind).toBe("acompte");
    expect(invoice.vatDue).toEqual({ basis: "cashing", date: "2026-01-15", period: "2026-01" });
  });

  it("posts D512 4,320.00 / C4191 3,600.00 / C44571 720.00 when cashed", () => {
    const entry = depositCashedEntry({ date: "2026-01-15", pieceRef: "FA2026-0042", lines: invoice.lines });
    expect(postings(entry)).toEqual(["D512 4320.00", "C4191 3600.00", "C44571 720.00"]);
  });

  const quote = quoteRefund({
    deposit: {
      number: "FA2026-0042",
      date: "2026-01-15",
      paidDate: "2026-01-15",
      kind: "acompte",
      customerKind: "b2b",
      supplyKind: "goods",
      lines: invoice.lines,
    },
    reason: "seller_cancels",
    scope: { kind: "full" },
    approvalDate: "2026-03-10",
    schedule: { kind: "single", date: "2026-03-10" },
  });

  it("issues a credit note citing FA2026-0042 du 15/01/2026 for 3,600.00 / 720.00 / 4,320.00", () => {
    expect(quote.creditNote.cites.reference).toBe("FA2026-0042 du 15/01/2026");
    expect(quote.creditNote.total).toEqual({ net: "3600.00", vat: "720.00", gross: "4320.00" });
    expect(quote.compensation).toEqual([]);
    expect(quote.total).toBe("4320.00");
    expect(quote.settlement).toEqual({ paidOut: "4320.00", offset: [], keptAsCredit: "0.00", proposed: true });
    expect(quote.schedule).toEqual([{ n: 1, dueDate: "2026-03-10", amount: "4320.00" }]);
    expect(quote.balanceAfter.total.gross).toBe("0.00");
  });

  it("posts D4191 3,600.00, D44571 720.00 / C411 4,320.00, then D411 / C512 4,320.00 when paid", () => {
    const [creditNote, ...others] = refundApprovalEntries(quote, {
      date: "2026-03-10",
      creditNoteNumber: "AV2026-0001",
    });
    expect(others).toEqual([]);
    expect(postings(creditNote)).toEqual(["D4191 3600.00", "D44571 720.00", "C411 4320.00"]);
    expect(creditNote).toEqual(
      creditNoteEntry({ date: "2026-03-10", pieceRef: "AV2026-0001", lines: quote.creditNote.lines }),
    );
    const paid = refundPaidEntry({ date: "2026-03-10", pieceRef: "AV2026-0001", amount: quote.schedule[0].amount });
    expect(postings(paid)).toEqual(["D411 4320.00", "C512 4320.00"]);
  });

  it("leaves net VAT at 0.00 and every account at zero", () => {
    const entries = [
      depositCashedEntry({ date: "2026-01-15", pieceRef: "FA2026-0042", lines: invoice.lines }),
      ...refundApprovalEntries(quote, { date: "2026-03-10", creditNoteNumber: "AV2026-0001" }),
      refundPaidEntry({ date: "2026-03-10", pieceRef: "AV2026-0001", amount: "4320.00" }),
    ];
    const balances = new Map<string, Money>();
    for (const line of entries.flatMap((e) => e.lines)) {
      balances.set(line.account, (balances.get(line.account) ?? money("0")).plus(line.debit).minus(line.credit));
    }
    expect(Object.fromEntries([...balances].map(([account, balance]) => [account, formatMoney(balance)]))).toEqual({
      "512": "0.00",
      "4191": "0.00",
      "44571": "0.00",
      "411": "0.00",
    });
  });
});

describe("example 2: final invoice after that deposit", () => {
  const deposit = {
    number: "FA2026-0042",
    date: "2026-01-15",
    lines: [{ vatRate: "20", net: "3600.00", vat: "720.00" }],
  };
  const invoice = finalInvoice({
    supplyKind: "goods",
    lines: [{ vatRate: "20", net: "12000.00" }],
    deposits: [deposit],
  });

  it("shows 12,000.00 + 2,400.00 = 14,400.00, less 4,320.00 → 10,080.00, VAT due 1,680.00", () => {
    expect(invoice.total).toEqual({ net: "12000.00", vat: "2400.00", gross: "14400.00" });
    expect(invoice.deposits).toEqual([
      {
        number: "FA2026-0042",
        date: "2026-01-15",
        reference: "FA2026-0042 du 15/01/2026",
        net: "3600.00",
        vat: "720.00",
        gross: "4320.00",
      },
    ]);
    expect(invoice.amountDue).toBe("10080.00");
    expect(invoice.vatDue).toBe("1680.00");
    expect(invoice.vatDueByRate).toEqual([{ vatRate: "20", vat: "1680.00" }]);
  });

  it("posts D411 10,080.00, D4191 3,600.00 / C707 12,000.00, C44571 1,680.00", () => {
    const entry = finalInvoiceEntry({
      date: "2026-04-30",
      pieceRef: "FA2026-0099",
      supplyKind: "goods",
      lines: invoice.lines,
      deposits: deposit.lines,
    });
    expect(postings(entry)).toEqual(["D411 10080.00", "D4191 3600.00", "C707 12000.00", "C44571 1680.00"]);
  });
});

describe("example 3: service deposit, when VAT is due", () => {
  const invoice = depositInvoice({
    customerKind: "b2b",
    supplyKind: "services",
    order: { lines: [{ vatRate: "20", net: "2000.00" }] },
    deposit: { amount: "2400.00" },
    invoiceDate: "2026-01-28",
    cashedDate: "2026-02-03",
  });

  it("invoices 2,000.00 + 400.00 VAT", () => {
    expect(invoice.total).toEqual({ net: "2000.00", vat: "400.00", gross: "2400.00" });
  });

  it("puts the 400.00 in the February return (cashing)", () => {
    expect(invoice.vatDue).toEqual({ basis: "cashing", date: "2026-02-03", period: "2026-02" });
    // Paid after the invoice date: the deposit invoice shows the payment date.
    expect(invoice.paymentDateToShow).toBe("2026-02-03");
    expect(invoice.documentType).toBe("386");
  });

  it("puts it in January under the option for debits", () => {
    expect(
      vatDueDate({ supplyKind: "services", invoiceDate: "2026-01-28", cashedDate: "2026-02-03", vatOnDebits: true }),
    ).toEqual({
      basis: "invoicing",
      date: "2026-01-28",
      period: "2026-01",
    });
  });

  it("keeps goods at cashing even with the option for debits (it covers services only)", () => {
    expect(
      vatDueDate({ supplyKind: "goods", invoiceDate: "2026-01-28", cashedDate: "2026-02-03", vatOnDebits: true })
        .period,
    ).toBe("2026-02");
  });
});

describe("example 4: DSO, Q1 2026", () => {
  it("ratio method: 150,000 / 360,000 × 90 = 37.50 days", () => {
    expect(dsoRatio({ receivables: "150000.00", sales: "360000.00", from: "2026-01-01", to: "2026-03-31" })).toEqual({
      days: "37.50",
      periodDays: 90,
    });
  });

  it("count-back: 31 + 20,000 / 120,000 × 28 = 35.67 days", () => {
    const months = [
      { month: "2026-01", sales: "110000.00" },
      { month: "2026-02", sales: "120000.00" },
      { month: "2026-03", sales: "130000.00" },
    ];
    expect(dsoCountBack({ receivables: "150000.00", months })).toEqual({
      days: "35.67",
      monthsUsed: 2,
      exhausted: false,
    });
  });
});
