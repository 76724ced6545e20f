/** B2B late-payment penalties, aged balance, rate tables. */
import {
  ECB_REFERENCE_RATES,
  EngineRuleError,
  LEGAL_INTEREST_RATES,
  ageBucket,
  agedBalance,
  latePaymentPenalties,
  legalInterestRate,
  ecbReferenceRate,
  penaltyRate,
} from "../../functions/src/domain";

describe("late-payment penalties (L441-10, D441-5)", () => {
  it("run from the day after the due date at ECB + 10 points, plus the €40 indemnity", () => {
    // 10,000.00 × 12.15 % × 30 / 365 = 99.863…
    expect(latePaymentPenalties({ amount: "10000.00", dueDate: "2026-01-31", asOf: "2026-03-02" })).toEqual({
      daysLate: 30,
      segments: [{ from: "2026-02-01", to: "2026-03-02", days: 30, rate: "12.15", amount: "99.86" }],
      penalties: "99.86",
      indemnity: "40.00",
      total: "139.86",
      legalBasis: "Code de commerce L441-10, D441-5",
    });
  });

  it("change rate with the half-year (ECB rate on 1 January / 1 July)", () => {
    const result = latePaymentPenalties({ amount: "10000.00", dueDate: "2025-06-20", asOf: "2025-07-10" });
    expect(result.segments.map((s) => [s.from, s.to, s.days, s.rate])).toEqual([
      ["2025-06-21", "2025-06-30", 10, "13.15"],
      ["2025-07-01", "2025-07-10", 10, "12.15"],
    ]);
    expect(result.penalties).toBe("69.32");
  });

  it("never go below 3 × the legal rate, even when the contract says less", () => {
    expect(penaltyRate("2026-02-01", "5")).toBe("7.86");
    expect(penaltyRate("2026-02-01", "15")).toBe("15");
  });

  it("are nothing, and no indemnity, when paid on time", () => {
    expect(latePaymentPenalties({ amount: "100.00", dueDate: "2026-03-01", asOf: "2026-03-01" })).toMatchObject({
      daysLate: 0,
      total: "0.00",
      indemnity: "0.00",
    });
  });
});

describe("rate tables", () => {
  it("give the published rates by half-year", () => {
    expect(legalInterestRate("2026-03-15", "consumer")).toBe("6.67");
    expect(legalInterestRate("2026-03-15", "professional")).toBe("2.62");
    expect(legalInterestRate("2025-12-31", "consumer")).toBe("6.65");
    expect(ecbReferenceRate("2025-03-01")).toBe("3.15");
  });

  it.each([
    ["legal interest", LEGAL_INTEREST_RATES.map((r) => ({ from: r.from, rates: [r.consumer, r.professional] }))],
    ["ECB reference", ECB_REFERENCE_RATES.map((r) => ({ from: r.from, rates: [r.rate] }))],
  ])("%s table: one row per half-year, in order, without gaps, rates as decimal strings", (_, rows) => {
    rows.forEach((row, i) => {
      expect(row.from).toMatch(/^\d{4}-(01|07)-01$/);
      row.rates.forEach((rate) => expect(rate).toMatch(/^\d+(\.\d+)?$/));
      if (i === 0) return;
      const previous = rows[i - 1].from;
      const expected = previous.endsWith("-01-01")
        ? `${previous.slice(0, 4)}-07-01`
        : `${Number(previous.slice(0, 4)) + 1}-01-01`;
      expect(row.from).toBe(expected);
    });
  });

  it("name the missing half-year instead of reusing an old rate", () => {
    let error: unknown;
    try {
      legalInterestRate("2026-07-01", "consumer");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EngineRuleError);
    expect((error as EngineRuleError).code).toBe("RATE_NOT_AVAILABLE");
    expect((error as EngineRuleError).message).toBe(
      "Le taux de l'intérêt légal du 2e semestre 2026 n'est pas encore renseigné : un administrateur l'ajoute depuis le menu Acompte › Taux légaux, dès sa publication.",
    );
  });
});

describe("aged balance", () => {
  it.each([
    [-5, "notDue"],
    [0, "notDue"],
    [1, "days1to30"],
    [30, "days1to30"],
    [31, "days31to60"],
    [60, "days31to60"],
    [61, "days61to90"],
    [90, "days61to90"],
    [91, "over90"],
  ])("%i days past due → %s", (days, bucket) => {
    expect(ageBucket(days)).toBe(bucket);
  });

  it("buckets open invoices per customer, credits apart", () => {
    const result = agedBalance({
      asOf: "2026-03-31",
      items: [
        { customer: "Martin", reference: "FA10", kind: "invoice", dueDate: "2026-04-15", amount: "500.00" },
        { customer: "Dupont", reference: "FA11", kind: "invoice", dueDate: "2026-03-01", amount: "1200.00" },
        { customer: "Dupont", reference: "FA12", kind: "invoice", dueDate: "2025-12-01", amount: "300.50" },
        { customer: "Dupont", reference: "AV3", kind: "credit", dueDate: "2026-03-10", amount: "200.00" },
      ],
    });
    expect(result.rows).toEqual([
      {
        customer: "Dupont",
        notDue: "0.00",
        days1to30: "1200.00",
        days31to60: "0.00",
        days61to90: "0.00",
        over90: "300.50",
        total: "1500.50",
        unallocatedCredits: "200.00",
        net: "1300.50",
      },
      {
        customer: "Martin",
        notDue: "500.00",
        days1to30: "0.00",
        days31to60: "0.00",
        days61to90: "0.00",
        over90: "0.00",
        total: "500.00",
        unallocatedCredits: "0.00",
        net: "500.00",
      },
    ]);
    expect(result.total).toMatchObject({ total: "2000.50", unallocatedCredits: "200.00", net: "1800.50" });
  });
});
