/**
 * The customer risk profile (#16): the classes and French reasons of four
 * seeded customers worked out by hand to the day and the cent, the weak
 * signals between two profiles, and properties (class monotone in lateness,
 * exposure formula, no signal between equal profiles).
 */
import fc from "fast-check";
import {
  EngineValidationError,
  RISK_CLASS_LABELS,
  customerExposure,
  money,
  riskClassRank,
  riskProfile,
  weakSignals,
  type CustomerInvoiceHistory,
  type RiskInputs,
  type RiskProfile,
} from "../../../functions/src/domain";
import { amountString } from "../arbitraries";
import { AS_OF, DISPUTER, GOOD_PAYER, OVER_LIMIT, SLOWING_PAYER, asKnownOn, invoice } from "./risk-seeds";

/** Messages use a narrow no-break space in amounts and a no-break space before units: compared as plain spaces. */
const plain = (texts: string[]) => texts.map((t) => t.replace(/[\u202f\u00a0]/g, " "));

describe("risk profile of seeded customers (as of 30/11/2026)", () => {
  it("a good payer is class A: 1,3 day weighted (2 400,00 € paid 3 days late of 5 400,00 € due), one sentence with its figures", () => {
    const p = riskProfile(GOOD_PAYER);
    expect(p).toMatchObject({
      weightedDaysLate: "1.3", // 2400 × 3 / (1200 + 2400 + 1800) = 1.33
      trend: { recent: "0.0", previous: "2.0", worsening: false },
      lateShare: "0.33",
      overdueAmount: "0.00",
      maxDunningLevel: 0,
      brokenPromises: 0,
      disputes: 0,
      exposure: "6500.00", // 3000 not yet due + 5000 orders − 1500 deposits
      creditLimit: "20000.00",
      overCreditLimit: false,
      overInsuredLimit: false,
      riskClass: "A",
    });
    expect(plain(p.reasons)).toEqual([
      "Aucun seuil de risque atteint : retard moyen pondéré de 1,3 jour et 33 % des factures réglées en retard sur les 12 derniers mois.",
    ]);
    // The French way: narrow no-break space between thousands, no-break space before the unit.
    expect(riskProfile(OVER_LIMIT).reasons.at(-1)).toContain("13\u202f000,00\u00a0€");
    expect(p.reasons[0]).toContain("1,3\u00a0jour ");
  });

  it("a slowing payer is class B, its trend worsening: 30 days late on the last 3 months against 1 before", () => {
    const p = riskProfile(SLOWING_PAYER);
    expect(p).toMatchObject({
      weightedDaysLate: "12.6", // (3000 × 3 + 4000 × 30 + 2000 × 30 open) / 15000 = 189000 / 15000
      trend: { recent: "30.0", previous: "1.0", worsening: true },
      lateShare: "0.60",
      overdueAmount: "2000.00",
      maxDunningLevel: 1,
      exposure: "2000.00",
      riskClass: "B",
    });
    expect(plain(p.reasons)).toEqual([
      "Retard moyen pondéré de 12,6 jours sur les 12 derniers mois (seuil de la classe B : 5 jours).",
      "3 factures sur 5 réglées en retard ou encore impayées après échéance sur les 12 derniers mois, soit 60 % (seuil de la classe B : 50 %).",
      "Retards en hausse : 30,0 jours sur les factures échues ces 3 derniers mois contre 1,0 jour sur les 9 mois précédents.",
    ]);
  });

  it("a disputer is class B for its disputes; the disputed open invoices count as overdue, not as lateness", () => {
    const p = riskProfile(DISPUTER);
    expect(p).toMatchObject({
      weightedDaysLate: "0.4", // 1000 × 2 / 4500
      lateShare: "0.33",
      overdueAmount: "3300.00",
      disputes: 2,
      exposure: "3300.00",
      riskClass: "B",
    });
    expect(plain(p.reasons)).toEqual([
      "2 factures en litige : FA-2026-000303, 2 500,00 € ; FA-2026-000305, 800,00 € (seuil de la classe B : 1).",
    ]);
  });

  it("a customer months late, under formal notice, with a broken promise, over its limits is class D, worst reason first", () => {
    const p = riskProfile(OVER_LIMIT);
    expect(p).toMatchObject({
      // (5000 × 40 + 3000 × 45 + 3000 × 153 open + 4000 × 61 open) / 15000 = 1038000 / 15000
      weightedDaysLate: "69.2",
      trend: { recent: "61.0", previous: "72.2", worsening: false },
      lateShare: "1.00",
      overdueAmount: "7000.00",
      maxDunningLevel: 3,
      brokenPromises: 1,
      brokenPromiseInvoices: [
        { invoiceId: "F000402", number: "FA-2026-000402", promiseUntil: "2026-10-31", openAmount: "3000.00" },
      ],
      disputes: 0,
      exposure: "13000.00", // 3000 + 4000 open + 8000 orders − 2000 deposits
      overCreditLimit: true,
      overInsuredLimit: true,
      riskClass: "D",
    });
    expect(plain(p.reasons)).toEqual([
      "Retard moyen pondéré de 69,2 jours sur les 12 derniers mois (seuil de la classe D : 30 jours).",
      "3 factures sur 3 réglées en retard ou encore impayées après échéance sur les 12 derniers mois, soit 100 % (seuil de la classe C : 75 %).",
      "Mise en demeure (niveau 3) envoyée pour la facture FA-2026-000402 (seuil de la classe C : niveau 3).",
      "1 promesse de paiement non tenue : FA-2026-000402, paiement promis pour le 31/10/2026, reste dû 3 000,00 € (seuil de la classe C : 1).",
      "Encours de 13 000,00 € au-delà de la limite de crédit de 12 000,00 € (classe C au moins).",
      "Encours de 13 000,00 € au-delà de la limite assurée de 10 000,00 € (classe B au moins).",
    ]);
    expect(RISK_CLASS_LABELS[p.riskClass]).toBe("Classe D – risque très élevé");
  });

  it("follows a company's own thresholds: 12,6 days is class C where C starts at 10 days", () => {
    const p = riskProfile(SLOWING_PAYER, { daysLateB: "3", daysLateC: "10" });
    expect(p.riskClass).toBe("C");
    expect(plain(p.reasons)[0]).toBe(
      "Retard moyen pondéré de 12,6 jours sur les 12 derniers mois (seuil de la classe C : 10 jours).",
    );
    // A criterion switched off (null) no longer grades.
    expect(riskProfile(DISPUTER, { disputesB: null }).riskClass).toBe("A");
  });

  it("an invoice paid 13 months ago leaves the window; one overdue for 13 months never does", () => {
    const old = (payments: CustomerInvoiceHistory["payments"]) => ({
      asOf: AS_OF,
      ordersInProgress: "0.00",
      depositsHeld: "0.00",
      creditLimit: null,
      insuredLimit: null,
      invoices: [
        invoice({ number: "FA-2025-000001", issuedOn: "2025-09-30", dueDate: "2025-10-30", gross: "100.00", payments }),
      ],
    });
    expect(riskProfile(old([{ on: "2025-12-30", amount: "100.00" }])).weightedDaysLate).toBe("0.0");
    expect(riskProfile(old([])).weightedDaysLate).toBe("396.0"); // 30/10/2025 → 30/11/2026
  });
});

describe("refusals are French and name the field", () => {
  const refusal = (inputs: unknown, thresholds?: unknown) => {
    try {
      riskProfile(inputs as RiskInputs, thresholds as never);
    } catch (e) {
      expect(e).toBeInstanceOf(EngineValidationError);
      return (e as EngineValidationError).details.map((d) => d.message);
    }
    throw new Error("accepted");
  };

  it("a negative limit, a payment after the as-of date, an open amount above the gross", () => {
    const bad = {
      ...OVER_LIMIT,
      creditLimit: "-5.00",
      invoices: [
        { ...OVER_LIMIT.invoices[0], openAmount: "6000.00", payments: [{ on: "2026-12-01", amount: "5000.00" }] },
      ],
    };
    expect(refusal(bad)).toEqual([
      "Reste dû (ligne 1) : le reste dû dépasse le montant TTC.",
      "Limite de crédit : le montant ne peut pas être négatif.",
    ]);
    // Checked once the fields are well formed.
    expect(refusal({ ...bad, creditLimit: null, invoices: [{ ...bad.invoices[0], openAmount: "0.00" }] })).toEqual([
      "Date du règlement (ligne 1) : le règlement est postérieur à la date d'arrêté.",
    ]);
  });

  it("thresholds out of order or an unknown class", () => {
    expect(refusal(GOOD_PAYER, { daysLateC: "4", overCreditLimitClass: "E" })).toEqual([
      "Classe au-delà de la limite de crédit : doit être une classe de risque (A, B, C ou D).",
    ]);
    expect(refusal(GOOD_PAYER, { daysLateC: "4" })).toEqual([
      "Seuil de retard moyen pondéré de la classe C (jours) : doit être supérieur au seuil de la classe B (5).",
    ]);
    expect(refusal(GOOD_PAYER, { lateShareB: "1.5" })).toEqual([
      'Seuil de part de factures en retard de la classe B : doit être une part supérieure à 0 et au plus 1, deux décimales au plus (exemple : "0.25" pour 25 %).',
    ]);
  });
});

describe("weak signals", () => {
  it("the slowing payer's lateness passing the class B threshold is told once", () => {
    const before = riskProfile(asKnownOn(SLOWING_PAYER, "2026-08-31"));
    expect(before.riskClass).toBe("A");
    const now = riskProfile(SLOWING_PAYER);
    const signals = weakSignals(before, now);
    expect(signals.map((s) => ({ ...s, message: plain([s.message])[0] }))).toEqual([
      {
        kind: "lateness_worsened",
        message:
          "Retards de paiement en hausse : retard moyen pondéré de 12,6 jours sur les 12 derniers mois (1,0 jour au 31/08/2026), seuil de la classe B (5 jours) franchi.",
      },
    ]);
    expect(weakSignals(now, now)).toEqual([]);
  });

  it("a first profile already in trouble tells its broken promise and both limits, each once", () => {
    const now = riskProfile(OVER_LIMIT);
    expect(weakSignals(null, now).map((s) => [s.kind, plain([s.message])[0], s.invoiceId])).toEqual([
      [
        "lateness_worsened",
        "Retards de paiement en hausse : retard moyen pondéré de 69,2 jours sur les 12 derniers mois, seuil de la classe D (30 jours) franchi.",
        undefined,
      ],
      [
        "promise_broken",
        "Promesse de paiement non tenue : la facture FA-2026-000402 devait être réglée au plus tard le 31/10/2026 ; reste dû 3 000,00 €.",
        "F000402",
      ],
      [
        "credit_limit_passed",
        "Limite de crédit dépassée : encours de 13 000,00 € pour une limite de crédit de 12 000,00 €, soit 1 000,00 € au-delà.",
        undefined,
      ],
      [
        "insured_limit_passed",
        "Limite assurée dépassée : encours de 13 000,00 € pour une limite assurée de 10 000,00 €, soit 3 000,00 € au-delà.",
        undefined,
      ],
    ]);
    expect(weakSignals(now, riskProfile(OVER_LIMIT))).toEqual([]);
  });

  it("a promise renewed and broken again on the same invoice is a new signal; a good payer's first profile none", () => {
    const now = riskProfile(OVER_LIMIT);
    const renewed = riskProfile({
      ...OVER_LIMIT,
      asOf: "2026-12-20",
      invoices: OVER_LIMIT.invoices.map((i) => (i.promiseUntil ? { ...i, promiseUntil: "2026-12-15" } : i)),
    });
    expect(weakSignals(now, renewed).map((s) => s.kind)).toEqual(["promise_broken"]);
    expect(weakSignals(null, riskProfile(GOOD_PAYER))).toEqual([]);
  });

  it("a limit passed, then respected, then passed again is told each time it is passed; company thresholds decide the band", () => {
    const over = riskProfile(OVER_LIMIT);
    const within = riskProfile({ ...OVER_LIMIT, creditLimit: "20000.00" });
    expect(weakSignals(over, within).map((s) => s.kind)).toEqual([]);
    expect(weakSignals(within, over).map((s) => s.kind)).toEqual(["credit_limit_passed"]);
    // 12,6 days: class B by default, nothing new where B starts at 15 days.
    const before = riskProfile(asKnownOn(SLOWING_PAYER, "2026-08-31"));
    const now = riskProfile(SLOWING_PAYER);
    expect(
      weakSignals(before, now, { daysLateB: "15", daysLateC: "20" }).map((s) => [s.kind, plain([s.message])[0]]),
    ).toEqual([
      [
        "lateness_worsened",
        "Retards de paiement en hausse : 30,0 jours de retard moyen sur les factures échues ces 3 derniers mois contre 1,0 jour sur les 9 mois précédents.",
      ],
    ]);
  });
});

/** A random customer history as of 30/11/2026: invoices issued over 18 months, paid in 0–2 payments or open. */
const history = fc
  .array(
    fc.record({
      issuedDaysAgo: fc.integer({ min: 0, max: 540 }),
      terms: fc.constantFrom(0, 30, 45, 60),
      gross: amountString(100, 5_000_000),
      paidAfterDays: fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 2 }),
      disputed: fc.boolean(),
      dunningLevel: fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3),
    }),
    { maxLength: 12 },
  )
  .map((rows) =>
    rows.map((r, n) => {
      const day = (offset: number) =>
        new Date(Date.parse(`${AS_OF}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
      const issuedOn = day(-r.issuedDaysAgo);
      const payDays = r.paidAfterDays.map((d) => Math.min(d, r.issuedDaysAgo)).sort((a, b) => a - b);
      // One payment settles it all; two settle half then the rest.
      const half = money(r.gross).dividedBy(2).toDecimalPlaces(2).toFixed(2);
      const amounts = payDays.length === 2 ? [half, money(r.gross).minus(half).toFixed(2)] : [r.gross];
      return invoice({
        number: `FA-2026-${String(n + 1).padStart(6, "0")}`,
        issuedOn,
        dueDate: day(-r.issuedDaysAgo + r.terms),
        gross: r.gross,
        payments: payDays
          .map((d, i) => ({ on: day(-r.issuedDaysAgo + d), amount: amounts[i] }))
          .filter((p) => money(p.amount).greaterThan(0)),
        disputed: r.disputed,
        dunningLevel: r.dunningLevel,
      });
    }),
  );

const customer = fc.record({
  invoices: history,
  ordersInProgress: amountString(0, 10_000_000),
  depositsHeld: amountString(0, 10_000_000),
  creditLimit: fc.option(amountString(0, 10_000_000)),
  insuredLimit: fc.option(amountString(0, 10_000_000)),
});

describe("properties", () => {
  it("paying later never gives a better class nor a lower lateness", () => {
    fc.assert(
      fc.property(
        customer,
        fc.array(fc.integer({ min: 0, max: 90 }), { minLength: 30, maxLength: 30 }),
        (c, delays) => {
          const base: RiskInputs = { asOf: AS_OF, ...c };
          let k = 0;
          const later: RiskInputs = {
            ...base,
            invoices: base.invoices.map((i) => ({
              ...i,
              payments: i.payments.map((p) => {
                const shifted = new Date(Date.parse(`${p.on}T00:00:00Z`) + delays[k++ % delays.length] * 86_400_000);
                const on = shifted.toISOString().slice(0, 10);
                return { ...p, on: on > AS_OF ? AS_OF : on };
              }),
            })),
          };
          const a = riskProfile(base);
          const b = riskProfile(later);
          expect(riskClassRank(b.riskClass)).toBeGreaterThanOrEqual(riskClassRank(a.riskClass));
          expect(Number(b.weightedDaysLate)).toBeGreaterThanOrEqual(Number(a.weightedDaysLate));
          expect(Number(b.lateShare)).toBeGreaterThanOrEqual(Number(a.lateShare));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("exposure = open receivables + orders in progress − deposits held, never below 0, compared strictly with the limits", () => {
    fc.assert(
      fc.property(customer, (c) => {
        const p = riskProfile({ asOf: AS_OF, ...c });
        const open = c.invoices.reduce((t, i) => t.plus(i.openAmount), money(0));
        const expected = open.plus(c.ordersInProgress).minus(c.depositsHeld);
        expect(p.exposure).toBe((expected.isNegative() ? money(0) : expected).toFixed(2));
        expect(customerExposure(c.invoices, c.ordersInProgress, c.depositsHeld)).toBe(p.exposure);
        expect(p.overCreditLimit).toBe(c.creditLimit !== null && money(p.exposure).greaterThan(c.creditLimit));
        expect(p.overInsuredLimit).toBe(c.insuredLimit !== null && money(p.exposure).greaterThan(c.insuredLimit));
      }),
      { numRuns: 200 },
    );
  });

  it("two equal profiles yield no signal; a signal's transition is told once (the next profile compared with itself)", () => {
    fc.assert(
      fc.property(customer, customer, (c1, c2) => {
        const p1: RiskProfile = riskProfile({ asOf: AS_OF, ...c1 });
        const p2: RiskProfile = riskProfile({ asOf: AS_OF, ...c2 });
        expect(weakSignals(p1, structuredClone(p1))).toEqual([]);
        expect(weakSignals(p2, p2)).toEqual([]);
        for (const s of weakSignals(p1, p2)) expect(s.message).toMatch(/^[A-ZÉ].*\.$/);
      }),
      { numRuns: 100 },
    );
  });
});
