/**
 * The advice where a deposit is recorded (#16 slice 4), pure: the policy's
 * terms for the stored class, class B's for a customer without a profile,
 * the limit warning on what the order adds (its gross less the deposit cashed
 * on it), and that amount computed as the deposit invoice computes it.
 */
import fc from "fast-check";
import {
  DEFAULT_DEPOSIT_POLICY,
  depositAdvice,
  depositShortfall,
  depositInvoice,
  money,
  orderAddedExposure,
  recommendTerms,
  vatBreakdown,
} from "../../../functions/src/domain";
import { amountString } from "../arbitraries";

const plain = (text: string | null) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");
const CLASS_D = { riskClass: "D" as const, exposure: "13000.00", creditLimit: "12000.00", insuredLimit: null };

describe("depositAdvice", () => {
  it("a class-D customer: 100 % before production, cash, and the credit limit passed by 11 080,00 €", () => {
    const advice = depositAdvice(CLASS_D, "10080.00");
    expect(advice.recommendation).toMatchObject(DEFAULT_DEPOSIT_POLICY.D);
    expect(plain(advice.warning)).toBe(
      "Avec cette commande de 10 080,00 €, l'encours du client passerait de 13 000,00 € à 23 080,00 €, au-delà de sa limite de crédit de 12 000,00 € (dépassement de 11 080,00 €).",
    );
    expect(advice.message).toBe(`${advice.recommendation.message} ${advice.warning}`);
  });

  it("without a profile: class B's terms said as an assumption, no warning even over the limits", () => {
    const advice = depositAdvice(
      { riskClass: null, exposure: null, creditLimit: "100.00", insuredLimit: null },
      "5000.00",
    );
    expect(advice).toMatchObject({ riskClass: null, warning: null, recommendation: { riskClass: "B" } });
    expect(plain(advice.message)).toBe(
      "Pas encore de profil de paiement pour ce client : conditions de la classe B par prudence, acompte recommandé de 30 %, paiement à 30 jours.",
    );
  });

  it("follows the company's policy for the class", () => {
    const policy = { D: { depositPercent: "80", paymentTermsDays: 0, beforeProduction: true } };
    expect(depositAdvice(CLASS_D, "0.00", policy).recommendation.depositPercent).toBe("80");
  });

  it("within the limits: no warning", () => {
    expect(depositAdvice({ ...CLASS_D, creditLimit: "30000.00" }, "10080.00").warning).toBeNull();
  });
});

describe("orderAddedExposure", () => {
  it("12 000,00 HT at 20 % with 30 % cashed adds 14 400,00 − 4 320,00 = 10 080,00", () => {
    expect(orderAddedExposure({ net: "12000.00", vatRate: "20" }, { percent: "30" })).toBe("10080.00");
    expect(orderAddedExposure({ gross: "14400.00" }, { amount: "4320.00" })).toBe("10080.00");
    expect(orderAddedExposure({ gross: "14400.00" })).toBe("14400.00");
    // A deposit above the order (refused when recorded) never makes the exposure fall.
    expect(orderAddedExposure({ gross: "100.00" }, { amount: "150.00" })).toBe("0.00");
  });

  it("by percentage, the deposit is the deposit invoice's gross (net rounded first, VAT on it)", () => {
    const rates = fc.constantFrom("20", "10", "5.5", "2.1");
    const percents = fc.integer({ min: 1, max: 100 }).map(String);
    fc.assert(
      fc.property(amountString(100, 100_000_000), rates, percents, (net, vatRate, percent) => {
        const invoice = depositInvoice({
          customerKind: "b2b",
          supplyKind: "goods",
          order: { lines: [{ vatRate, net }] },
          deposit: { percent },
          invoiceDate: "2026-01-15",
        });
        const expected = money(vatBreakdown([{ vatRate, net }]).total.gross).minus(invoice.total.gross);
        expect(orderAddedExposure({ net, vatRate }, { percent })).toBe(expected.toFixed(2));
      }),
    );
  });

  it("refuses both a percentage and an amount, in French", () => {
    expect(() => orderAddedExposure({ gross: "100.00" }, { amount: "10.00", percent: "10" })).toThrow(/pas les deux/);
  });
});

describe("depositShortfall", () => {
  const C = recommendTerms("C"); // 50 %

  it("a percentage below the class's: said with both percentages; at or above it: nothing", () => {
    expect(plain(depositShortfall({ percent: "30" }, recommendTerms("D")))).toBe(
      "Acompte de 30 % inférieur aux 100 % recommandés pour la classe D.",
    );
    expect(plain(depositShortfall({ percent: "49.5" }, C))).toBe(
      "Acompte de 49,5 % inférieur aux 50 % recommandés pour la classe C.",
    );
    expect(depositShortfall({ percent: "50" }, C)).toBeNull();
    expect(depositShortfall({ percent: "60" }, C)).toBeNull();
  });

  it("a gross amount: compared with the class's share of the order's gross (the deposit plus what the order adds)", () => {
    // 2 000,00 cashed + 12 400,00 added = 14 400,00 TTC; 50 % of it is 7 200,00.
    expect(plain(depositShortfall({ gross: "2000.00", orderAmount: "12400.00" }, C))).toBe(
      "Acompte de 2 000,00 € inférieur aux 50 % recommandés pour la classe C (7 200,00 € sur cette commande).",
    );
    expect(depositShortfall({ gross: "7200.00", orderAmount: "7200.00" }, C)).toBeNull();
    // 50 % of 100,01 is 50,005, half-up 50,01: a cent short is short.
    expect(plain(depositShortfall({ gross: "50.00", orderAmount: "50.01" }, C))).toBe(
      "Acompte de 50,00 € inférieur aux 50 % recommandés pour la classe C (50,01 € sur cette commande).",
    );
    expect(depositShortfall({ gross: "50.01", orderAmount: "50.00" }, C)).toBeNull();
    // A deposit above the order (orderAddedExposure says 0,00 then): never short.
    expect(depositShortfall({ gross: "500.00", orderAmount: "0.00" }, recommendTerms("D"))).toBeNull();
  });
});
