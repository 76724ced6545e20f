import {
  EngineRuleError,
  EngineValidationError,
  VatReturnBuilder,
  finalInvoiceVatLines,
  vatPeriod,
  type VatDocumentInput,
} from "../../functions/src/domain";

const Q1 = vatPeriod({ period: "2026-Q1" });

function deposit(overrides: Partial<VatDocumentInput> = {}): VatDocumentInput {
  // domain.md worked example 1: 3,600.00 + 720.00 at 20 %, invoiced and cashed on 15/01/2026.
  return {
    source: "deposit",
    number: "FA2026-0042",
    date: "2026-01-15",
    postedOn: "2026-01-15",
    cashedOn: "2026-01-15",
    supplyKind: "goods",
    lines: [{ vatRate: "20", net: "3600.00", vat: "720.00" }],
    ledgerVat: "720.00",
    entries: ["EC-2026-000001"],
    ...overrides,
  };
}

describe("vatPeriod", () => {
  test("quarters and months, with their French names and last days", () => {
    expect(Q1).toEqual({ key: "2026-Q1", start: "2026-01-01", end: "2026-03-31", label: "1er trimestre 2026" });
    expect(vatPeriod({ period: "2028-Q4" })).toMatchObject({
      start: "2028-10-01",
      end: "2028-12-31",
      label: "4e trimestre 2028",
    });
    expect(vatPeriod({ month: "2028-02" })).toMatchObject({
      start: "2028-02-01",
      end: "2028-02-29",
      label: "février 2028",
    });
  });

  test("anything else is refused in French, naming the parameter", () => {
    for (const query of [
      {},
      { period: "2026-Q5" },
      { period: "2026-1" },
      { month: "2026-3" },
      { period: "2026-Q1", month: "2026-01" },
    ]) {
      expect(() => vatPeriod(query)).toThrow(EngineValidationError);
    }
    expect(() => vatPeriod({ month: "2026-00" })).toThrow("Paramètre « month » : un mois comme 2026-03.");
  });
});

test("a final invoice makes chargeable its lines less its deposits, per rate (domain.md worked example 2)", () => {
  // 12,000.00 net, 2,400.00 VAT, less the 3,600.00 / 720.00 deposit: 8,400.00 / 1,680.00 (the 44571 credit of the entry).
  expect(
    finalInvoiceVatLines(
      [
        { vatRate: "20", net: "12000.00", vat: "2400.00" },
        { vatRate: "5.5", net: "100.00", vat: "5.50" },
      ],
      [[{ vatRate: "20", net: "3600.00", vat: "720.00" }]],
    ),
  ).toEqual([
    { vatRate: "20", net: "8400.00", vat: "1680.00" },
    { vatRate: "5.5", net: "100.00", vat: "5.50" },
  ]);
});

test("a deposit and the credit note refunding it net to zero, the credit note apart on B5 and 21 (worked example 1)", () => {
  const builder = new VatReturnBuilder(Q1, { vatOnDebits: false });
  builder.add(deposit());
  builder.add({
    source: "creditNote",
    number: "AV2026-0001",
    date: "2026-03-10",
    postedOn: "2026-03-10",
    lines: [{ vatRate: "20", net: "3600.00", vat: "720.00" }],
    ledgerVat: "-720.00",
    entries: ["EC-2026-000002"],
  });
  const result = builder.result();
  expect(result.total).toEqual({ base: "0.00", vat: "0.00" });
  expect(result.ca3.map((l) => [l.line, l.base, l.vat])).toEqual([
    ["A1", "3600.00", null],
    ["B5", "3600.00", null],
    ["08", "3600.00", "720.00"],
    ["09", "0.00", "0.00"],
    ["9B", "0.00", "0.00"],
    ["14", "0.00", "0.00"],
    ["16", null, "720.00"],
    ["21", null, "720.00"],
    ["16 − 21", null, "0.00"],
  ]);
  expect(result.rates[0].sources.find((s) => s.source === "creditNote")!.documents).toEqual([
    expect.objectContaining({ number: "AV2026-0001", base: "-3600.00", vat: "-720.00", chargeability: "creditNote" }),
  ]);
});

test("a services deposit is chargeable on cashing, or on its invoice under the option for debits (worked example 3, CGI art. 269-2)", () => {
  const services = deposit({
    supplyKind: "services",
    date: "2026-01-28",
    postedOn: "2026-02-03",
    cashedOn: "2026-02-03",
    lines: [{ vatRate: "20", net: "2000.00", vat: "400.00" }],
    ledgerVat: "400.00",
  });
  const on = (vatOnDebits: boolean) => {
    const builder = new VatReturnBuilder(vatPeriod({ month: "2026-02" }), { vatOnDebits });
    builder.add(services);
    return builder.result();
  };
  expect(on(false).rates[0].sources[0].documents[0]).toMatchObject({
    chargeability: "cashing",
    chargeableOn: "2026-02-03",
  });
  expect(on(false).warnings).toEqual([]);
  // With the option, due on 28/01: January's return; a February return lists it with a warning.
  expect(on(true).rates[0].sources[0].documents[0]).toMatchObject({
    chargeability: "debits",
    chargeableOn: "2026-01-28",
  });
  expect(on(true).warnings).toEqual([expect.stringContaining("à déclarer en janvier 2026")]);
  // What the engine decided when the deposit was recorded (before the company took the option) prevails.
  const recorded = new VatReturnBuilder(vatPeriod({ month: "2026-02" }), { vatOnDebits: true });
  recorded.add({ ...services, vatDue: { basis: "cashing", date: "2026-02-03" } });
  expect(recorded.result().rates[0].sources[0].documents[0]).toMatchObject({
    chargeability: "cashing",
    chargeableOn: "2026-02-03",
  });
});

test("arrhes outside the scope (rate 0) add nothing to the CA3 rate lines", () => {
  const builder = new VatReturnBuilder(Q1, { vatOnDebits: false });
  builder.add(deposit({ lines: [{ vatRate: "0", net: "500.00", vat: "0.00" }], ledgerVat: "0.00" }));
  const result = builder.result();
  expect([result.rates, result.total.vat, result.documents]).toEqual([[], "0.00", 1]);
});

test("figures that differ from 44571 by a cent, or a 44571 movement without a document, are refused", () => {
  const builder = new VatReturnBuilder(Q1, { vatOnDebits: false });
  builder.add(deposit({ ledgerVat: "720.01" }));
  expect(() => builder.result()).toThrow(EngineRuleError);

  const other = new VatReturnBuilder(Q1, { vatOnDebits: false });
  other.add(deposit());
  other.addUnexplained({ entry: "EC-2026-000009", pieceRef: "OD-1", amount: "15.00" });
  try {
    other.result();
    throw new Error("not refused");
  } catch (error) {
    expect(error).toBeInstanceOf(EngineRuleError);
    expect((error as EngineRuleError).code).toBe("VAT_LEDGER_MISMATCH");
    expect((error as EngineRuleError).details).toEqual([
      {
        path: "OD-1",
        message: "Écriture EC-2026-000009 (OD-1) : 15,00\u00a0€ au compte 44571 sans pièce de TVA connue.",
      },
    ]);
  }
});
