/**
 * Legal rates are the engine's input: the shipped tables plus the
 * half-years a company's admins add (« Taux légaux »), never a deploy.
 * The added rates below are test values, not published ones.
 */
import {
  EngineRuleError,
  SHIPPED_LEGAL_RATES,
  halfYearsToAdd,
  latePaymentPenalties,
  quoteRefund,
  withAddedHalfYears,
  type HalfYearRates,
} from "../../functions/src/domain";
import { legalRatesMissingReminders } from "../../functions/src/domain/reminders/legal-rates-missing";
import type { ReminderSettings } from "../../functions/src/domain/reminders/reminder-settings";

const H2_2026: HalfYearRates = {
  from: "2026-07-01",
  consumer: "7.00",
  professional: "3.00",
  ecb: "2.00",
  source: "Arrêté de test, JO de test ; décision BCE de test",
};
const WITH_H2 = withAddedHalfYears(SHIPPED_LEGAL_RATES, [H2_2026]);

function refusal(run: () => unknown): EngineRuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineRuleError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** A consumer's goods advance of 1 200,00 € TTC paid on 01/04/2026, refunded on 30/09/2026 for non-delivery. */
const consumerQuote = {
  deposit: {
    number: "FA-2026-000031",
    date: "2026-04-01",
    paidDate: "2026-04-01",
    kind: "acompte" as const,
    customerKind: "b2c" as const,
    supplyKind: "goods" as const,
    lines: [{ vatRate: "20", net: "1000.00", vat: "200.00" }],
  },
  reason: "non_delivery" as const,
  scope: { kind: "full" as const },
  terminationDate: "2026-09-20",
  approvalDate: "2026-09-30",
  schedule: { kind: "single" as const, date: "2026-09-30" },
};

describe("legal rates as the engine's input", () => {
  it("adds a half-year after the shipped ones and never replaces a shipped row", () => {
    const rates = withAddedHalfYears(SHIPPED_LEGAL_RATES, [
      H2_2026,
      { ...H2_2026, from: "2026-01-01", consumer: "99.00" },
    ]);
    expect(rates.legalInterest.at(-1)).toMatchObject({ from: "2026-07-01", consumer: "7.00", professional: "3.00" });
    expect(rates.ecb.at(-1)).toMatchObject({ from: "2026-07-01", rate: "2.00" });
    expect(rates.legalInterest.find((r) => r.from === "2026-01-01")?.consumer).toBe("6.67");
  });

  it("L214-2 interest of the second half-year 2026: refused without its rate, computed once it is added", () => {
    const error = refusal(() => quoteRefund(consumerQuote));
    expect(error.code).toBe("RATE_NOT_AVAILABLE");
    expect(error.message).toBe(
      "Le taux de l'intérêt légal du 2e semestre 2026 n'est pas encore renseigné : un administrateur l'ajoute depuis le menu Acompte › Taux légaux, dès sa publication.",
    );
    const quote = quoteRefund(consumerQuote, WITH_H2);
    // Interest runs after 01/07/2026 (three months after payment): 02/07 to 30/09, 91 days.
    // 1 200,00 × 7,00 % × 91 / 365 = 20,942… → 20,94 €.
    expect(quote.compensation).toEqual([
      expect.objectContaining({ kind: "advance_interest", amount: "20.94", direction: "payable" }),
    ]);
    expect(quote.total).toBe("1220.94");
  });

  it("B2B penalties of the second half-year 2026 use the added ECB and legal rates (L441-10)", () => {
    const input = { amount: "10000.00", dueDate: "2026-06-30", asOf: "2026-07-31" };
    expect(refusal(() => latePaymentPenalties(input)).code).toBe("RATE_NOT_AVAILABLE");
    // max(2,00 + 10, 3 × 3,00) = 12 %; 10 000,00 × 12 % × 31 / 365 = 101,917… → 101,92 €.
    expect(latePaymentPenalties(input, WITH_H2)).toMatchObject({
      segments: [{ from: "2026-07-01", to: "2026-07-31", days: 31, rate: "12", amount: "101.92" }],
      penalties: "101.92",
    });
  });

  it.each([
    ["2026-06-14", []],
    ["2026-06-15", ["2026-07-01"]],
    ["2026-12-02", ["2026-07-01"]],
    ["2026-12-15", ["2026-07-01", "2027-01-01"]],
  ])("on %s the admins must add %j", (today, expected) => {
    expect(halfYearsToAdd(today, SHIPPED_LEGAL_RATES)).toEqual(expected);
  });

  it("asks for nothing once the half-years are there", () => {
    expect(halfYearsToAdd("2026-12-02", WITH_H2)).toEqual([]);
    expect(halfYearsToAdd("2026-12-15", WITH_H2)).toEqual(["2027-01-01"]);
  });
});

describe("the reminder of missing legal rates", () => {
  const settings = {
    companyName: "Menuiserie Durand SAS",
    recipients: { treasury: ["t@acme.fr"], accounting: ["compta@acme.fr"], auditors: [] },
  } as unknown as ReminderSettings;

  it("goes to the admins, one per missing half-year, dated 15 June / 15 December whatever the run day", () => {
    const watch = { companyId: "acme", admins: ["zoe@acme.fr", "adam@acme.fr"], rates: SHIPPED_LEGAL_RATES };
    const reminders = legalRatesMissingReminders(watch, settings, "2026-12-20");
    expect(reminders.map((r) => [r.target, r.day, r.to])).toEqual([
      ["legal-rates/2026-07-01", "2026-06-15", ["adam@acme.fr", "zoe@acme.fr"]],
      ["legal-rates/2027-01-01", "2026-12-15", ["adam@acme.fr", "zoe@acme.fr"]],
    ]);
    expect(legalRatesMissingReminders(watch, settings, "2026-12-31").map((r) => r.day)).toEqual(
      reminders.map((r) => r.day),
    );
    expect(reminders[1].subject).toBe("Taux légaux du 1er semestre 2027 à renseigner");
    expect(reminders[1].text).toContain("menu Acompte › Taux légaux");
    expect(reminders[1].text).toContain("à partir du 01/01/2027");
  });

  it("falls back to the accounting recipients when the company has no admin", () => {
    const [reminder] = legalRatesMissingReminders(
      { companyId: "acme", admins: [], rates: SHIPPED_LEGAL_RATES },
      settings,
      "2026-12-02",
    );
    expect(reminder.to).toEqual(["compta@acme.fr"]);
  });
});
