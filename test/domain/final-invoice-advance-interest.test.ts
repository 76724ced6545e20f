/**
 * Code de la consommation L214-2: « les sommes versées d'avance sur le prix
 * […] sont productives, au taux légal en matière civile, d'intérêts qui
 * courent à l'expiration d'un délai de trois mois à compter du versement
 * jusqu'à la réalisation de la livraison […]. Ces intérêts sont déduits du
 * solde à verser au moment de la livraison. » Worked examples computed by
 * hand; simple interest on 365 days, per half-year, half-up to the cent.
 * The 2nd half-year 2026 rate below is a test value, not a published one.
 */
import {
  EngineRuleError,
  SHIPPED_LEGAL_RATES,
  finalInvoice,
  finalInvoiceEntry,
  withAddedHalfYears,
} from "../../functions/src/domain";

const ORDER = { supplyKind: "goods" as const, lines: [{ vatRate: "20", net: "12000.00" }] };
/** 30 % deposit of the order: 3 600,00 HT + 720,00 TVA = 4 320,00 TTC, cashed on 15/01/2026. */
const DEPOSIT = {
  number: "FA2026-0042",
  date: "2026-01-15",
  paidDate: "2026-01-15",
  lines: [{ vatRate: "20", net: "3600.00", vat: "720.00" }],
};
const WITH_H2 = withAddedHalfYears(SHIPPED_LEGAL_RATES, [
  { from: "2026-07-01", consumer: "7.00", professional: "3.00", ecb: "2.00", source: "Arrêté de test" },
]);

const lines = (entry: ReturnType<typeof finalInvoiceEntry>) => entry.lines.map((l) => [l.account, l.debit, l.credit]);

test("worked example: a consumer's 4 320,00 € advance held five months earns 48,16 € of interest, deducted from the balance, VAT unchanged", () => {
  // Cashed 15/01/2026, delivered (final invoice) 15/06/2026. Interest runs after 15/04/2026 (three months):
  // 16/04 → 30/04 = 15 days, May = 31, 01/06 → 15/06 = 15: 61 days at the consumer rate of the 1st half-year
  // 2026, 6,67 %: 4 320,00 × 6,67 % × 61 / 365 = 48,1556… → 48,16 €.
  // Balance: 14 400,00 − 4 320,00 = 10 080,00; less the interest: 10 031,84 €.
  const invoice = finalInvoice({ ...ORDER, deposits: [DEPOSIT], customerKind: "b2c", date: "2026-06-15" });
  expect(invoice.advanceInterest).toEqual({
    label:
      "Intérêts au taux légal sur les sommes versées d'avance, jusqu'à la livraison du 15/06/2026 (sans TVA, déduits du solde)",
    legalBasis: "Code de la consommation L214-2",
    until: "2026-06-15",
    lines: [
      {
        reference: "FA2026-0042 du 15/01/2026",
        base: "4320.00",
        paidDate: "2026-01-15",
        startsAfter: "2026-04-15",
        days: 61,
        amount: "48.16",
        segments: [{ from: "2026-04-16", to: "2026-06-15", days: 61, rate: "6.67", amount: "48.16" }],
      },
    ],
    total: "48.16",
    deducted: "48.16",
    notDeducted: "0.00",
  });
  expect(invoice.amountDue).toBe("10031.84");
  // Interest is not a price: the VAT stays the full price's, less the deposit's already due.
  expect(invoice.total).toEqual({ net: "12000.00", vat: "2400.00", gross: "14400.00" });
  expect(invoice.vatDue).toBe("1680.00");

  // Folded into the final invoice's entry: D6618 48,16, 411 debited by the amount due only.
  const entry = finalInvoiceEntry({
    date: "2026-06-15",
    pieceRef: "FA2026-0050",
    supplyKind: "goods",
    lines: invoice.lines,
    deposits: invoice.depositsByRate,
    advanceInterest: invoice.advanceInterest!.deducted,
  });
  expect(lines(entry)).toEqual([
    ["411", "10031.84", "0.00"],
    ["4191", "3600.00", "0.00"],
    ["6618", "48.16", "0.00"],
    ["707", "0.00", "12000.00"],
    ["44571", "0.00", "1680.00"],
  ]);
});

test("each advance counts from its own payment, split at the half-year; one held under three months earns nothing", () => {
  // 1 200,00 € cashed 10/02/2026, delivery 20/08/2026: interest after 10/05/2026.
  //   11/05 → 30/06 = 21 + 30 = 51 days at 6,67 %: 1 200 × 6,67 % × 51 / 365 = 11,1836… → 11,18
  //   01/07 → 20/08 = 31 + 20 = 51 days at 7,00 % (test rate): 1 200 × 7 % × 51 / 365 = 11,7370… → 11,74
  // 600,00 € cashed 01/06/2026: three months end 01/09/2026, after the delivery: no interest.
  const invoice = finalInvoice(
    {
      ...ORDER,
      deposits: [
        {
          number: "FA2026-0043",
          date: "2026-02-10",
          paidDate: "2026-02-10",
          lines: [{ vatRate: "20", net: "1000.00", vat: "200.00" }],
        },
        {
          number: "FA2026-0060",
          date: "2026-06-01",
          paidDate: "2026-06-01",
          lines: [{ vatRate: "20", net: "500.00", vat: "100.00" }],
        },
      ],
      customerKind: "b2c",
      date: "2026-08-20",
    },
    WITH_H2,
  );
  expect(
    invoice.advanceInterest?.lines.map((l) => [l.reference, l.segments.map((s) => [s.days, s.rate, s.amount])]),
  ).toEqual([
    [
      "FA2026-0043 du 10/02/2026",
      [
        [51, "6.67", "11.18"],
        [51, "7.00", "11.74"],
      ],
    ],
  ]);
  expect(invoice.advanceInterest?.total).toBe("22.92");
  // 14 400,00 − 1 800,00 − 22,92
  expect(invoice.amountDue).toBe("12577.08");
});

test("no interest for a company, for services, or without the delivery date", () => {
  const b2b = finalInvoice({ ...ORDER, deposits: [DEPOSIT], customerKind: "b2b", date: "2026-06-15" });
  const services = finalInvoice({
    ...ORDER,
    supplyKind: "services",
    deposits: [DEPOSIT],
    customerKind: "b2c",
    date: "2026-06-15",
  });
  const undated = finalInvoice({ ...ORDER, deposits: [DEPOSIT], customerKind: "b2c" });
  for (const invoice of [b2b, services, undated]) {
    expect(invoice.advanceInterest).toBeNull();
    expect(invoice.amountDue).toBe("10080.00");
  }
});

test("interest above the balance is deducted up to the balance; the rest stays owed outside the invoice", () => {
  // Whole price paid in advance on 15/01/2026 (14 400,00 €), delivered 15/06/2026: 61 days at 6,67 %:
  // 14 400 × 6,67 % × 61 / 365 = 160,5186… → 160,52 €; the balance is 0,00: nothing can be deducted.
  const invoice = finalInvoice({
    ...ORDER,
    deposits: [{ ...DEPOSIT, lines: [{ vatRate: "20", net: "12000.00", vat: "2400.00" }] }],
    customerKind: "b2c",
    date: "2026-06-15",
  });
  expect(invoice.advanceInterest).toMatchObject({ total: "160.52", deducted: "0.00", notDeducted: "160.52" });
  expect(invoice.amountDue).toBe("0.00");
});

test("a half-year without rates refuses the invoice with the French message naming it", () => {
  let error: unknown;
  try {
    finalInvoice({ ...ORDER, deposits: [DEPOSIT], customerKind: "b2c", date: "2026-08-20" });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(EngineRuleError);
  expect((error as EngineRuleError).code).toBe("RATE_NOT_AVAILABLE");
  expect((error as EngineRuleError).message).toContain("2e semestre 2026");
  expect((error as EngineRuleError).message).toContain("Taux légaux");
});
