import fc from "fast-check";
import { BoundedTop } from "../../functions/src/domain/dashboard/bounded-top";
import {
  CustomerTableAccumulator,
  TOP_EXPOSURES,
} from "../../functions/src/domain/dashboard/customer-table-accumulator";
import type {
  CustomerInvoiceFacts,
  CustomerRecordFacts,
} from "../../functions/src/domain/dashboard/customer-table-inputs";
import { Dec } from "../../functions/src/domain/money/money";

// Tuesday 31 March 2026: the DSO window is 01/01 → 31/03, 90 days.
const AS_OF = "2026-03-31";
const profile = (exposure: string, weighted = "0.0", recent = "0.0", previous = "0.0", worsening = false) => ({
  exposure,
  weightedDaysLate: weighted,
  trend: { recent, previous, worsening },
});

describe("customer table", () => {
  it("sums each customer's invoices under all its keys and gives the table row, shares and class counts", () => {
    const acc = new CustomerTableAccumulator(AS_OF);
    const inv = (
      customerKey: string,
      gross: string,
      openAmount: string,
      issuedOn: string,
      type?: "penalty",
      factor?: string,
    ) => acc.addInvoice({ customerKey, gross, openAmount, issuedOn, ...(type ? { type } : {}), factor });
    inv("k1", "2400.00", "1200.00", "2026-01-15");
    inv("k1b", "1200.00", "0.00", "2026-02-10", undefined, "Eurofactor"); // the same customer under a merged key; paid
    inv("k1", "40.00", "40.00", "2026-03-01", "penalty"); // L441-10 penalties: not a sale, not a trade receivable
    inv("k2", "600.00", "600.00", "2025-11-10", undefined, "Eurofactor"); // open, issued before the window: no sales, no DSO
    inv("k9", "200.00", "200.00", "2026-03-02"); // a key no record holds

    const a = acc.addCustomer({
      id: "CLI-A",
      name: "Menuiserie Alpha",
      keys: ["k1", "k1b"],
      creditLimit: "5000.00",
      insurance: { limit: "1000.00" },
      riskClass: "B",
      profile: profile("1500.00", "12.4", "20.0", "8.5", true),
    });
    // DSO = 1 200,00 open ÷ 3 600,00 of sales × 90 days = 30,00; insured = min(1 200,00 ; 1 000,00).
    expect(a).toEqual({
      id: "CLI-A",
      name: "Menuiserie Alpha",
      riskClass: "B",
      exposure: "1500.00",
      creditLimit: "5000.00",
      insuredLimit: "1000.00",
      receivables: "1200.00",
      insured: "1000.00",
      factored: false,
      dsoDays: "30.00",
      daysLate: { weighted: "12.4", recent: "20.0", previous: "8.5", worsening: true },
    });
    // No profile yet: no class, exposure read as its open receivables; invoices assigned to a factor (subrogation, C. civ. 1346-1).
    const b = acc.addCustomer({
      id: "CLI-B",
      name: "Boulangerie Bêta",
      keys: ["k2"],
      factoring: { status: "assigned" },
    });
    expect(b).toMatchObject({ riskClass: null, exposure: "600.00", dsoDays: null, factored: true, daysLate: null });
    expect(acc.addCustomer({ id: "CLI-C", name: "Doublon", keys: ["k3"], mergedInto: "CLI-A" })).toBeNull();

    const f = acc.result();
    expect(f.customers).toBe(2);
    expect(f.dsoWindow).toEqual({ from: "2026-01-01", to: AS_OF });
    // 1 200 + 600 + 200 (no record) open; insured 1 000 / 2 000; factored 600 / 2 000: k2's open invoice
    // assigned to the factor (k1b's is paid: nothing open).
    expect(f.receivables).toEqual({
      total: "2000.00",
      withoutRecord: "200.00",
      insured: "1000.00",
      factored: "600.00",
      insuredShare: "0.5000",
      factoredShare: "0.3000",
    });
    expect(f.byClass).toEqual({
      A: { count: 0, exposure: "0.00" },
      B: { count: 1, exposure: "1500.00" },
      C: { count: 0, exposure: "0.00" },
      D: { count: 0, exposure: "0.00" },
      none: { count: 1, exposure: "600.00" },
    });
    expect(f.exposure).toBe("2100.00");
    expect(f.topExposures.map((r) => r.id)).toEqual(["CLI-A", "CLI-B"]);
  });

  it("refuses an invoice once the customers have started: their totals would be missed", () => {
    const acc = new CustomerTableAccumulator(AS_OF);
    acc.addCustomer({ id: "CLI-A", name: "A", keys: ["k"] });
    expect(() => acc.addInvoice({ customerKey: "k", gross: "1.00", openAmount: "1.00", issuedOn: AS_OF })).toThrow(
      "Les factures sont lues avant les clients.",
    );
  });

  it("keeps the 20 largest exposures, ties by id, and none at 0", () => {
    const acc = new CustomerTableAccumulator(AS_OF);
    for (let i = 0; i < 30; i++)
      acc.addCustomer({
        id: `CLI-${String(i).padStart(2, "0")}`,
        name: `C${i}`,
        keys: [],
        profile: profile(`${i % 25}.00`),
      });
    const top = acc.result().topExposures;
    expect(top).toHaveLength(TOP_EXPOSURES);
    // i % 25: exposures 24 down to 5 once each make the top; 0–4 (twice each, ids 25–29 too) stay out.
    expect(top.map((r) => `${r.exposure}/${r.id}`).slice(0, 3)).toEqual([
      "24.00/CLI-24",
      "23.00/CLI-23",
      "22.00/CLI-22",
    ]);
    expect(top[TOP_EXPOSURES - 1].exposure).toBe("5.00");
  });
});

describe("bounded top", () => {
  it("equals a full sort's first N for any stream", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: 0, max: 8 }), (xs, n) => {
        const top = new BoundedTop<number>(n, (a, b) => a > b);
        xs.forEach((x) => top.add(x));
        expect(top.result()).toEqual([...xs].sort((a, b) => b - a).slice(0, n));
      }),
    );
  });
});

/** The table computed the obvious way: every invoice filtered per customer, everything sorted. */
function naive(invoices: CustomerInvoiceFacts[], records: CustomerRecordFacts[]) {
  const D = (s: string) => new Dec(s);
  const trade = invoices.filter((i) => i.type !== "penalty");
  const rows = records
    .filter((r) => !r.mergedInto)
    .map((r) => {
      const mine = trade.filter((i) => r.keys.includes(i.customerKey));
      const receivables = mine.reduce((t, i) => t.plus(i.openAmount), D("0"));
      const sales = mine.filter((i) => i.issuedOn >= "2026-01-01").reduce((t, i) => t.plus(i.gross), D("0"));
      const exposure = r.profile ? D(r.profile.exposure) : receivables;
      const insured = r.insurance ? Dec.min(receivables, D(r.insurance.limit)) : D("0");
      const dso = sales.greaterThan(0) ? receivables.dividedBy(sales).times(90).toFixed(2) : null;
      return { id: r.id, exposure, receivables, insured, dso };
    });
  const total = trade.reduce((t, i) => t.plus(i.openAmount), D("0"));
  const top = rows
    .filter((r) => r.exposure.greaterThan(0))
    .sort((a, b) => b.exposure.comparedTo(a.exposure) || (a.id < b.id ? -1 : 1))
    .slice(0, TOP_EXPOSURES)
    .map((r) => r.id);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      receivables: r.receivables.toFixed(2),
      insured: r.insured.toFixed(2),
      dso: r.dso,
    })),
    total: total.toFixed(2),
    insured: rows.reduce((t, r) => t.plus(r.insured), D("0")).toFixed(2),
    factored: trade
      .filter((i) => i.factor)
      .reduce((t, i) => t.plus(i.openAmount), D("0"))
      .toFixed(2),
    top,
  };
}

describe("streaming customer table", () => {
  const cents = fc.integer({ min: 0, max: 500_000 }).map((c) => (c / 100).toFixed(2));
  const key = fc.constantFrom("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9");
  const invoice = fc.record({
    customerKey: key,
    gross: cents,
    openAmount: cents,
    issuedOn: fc.constantFrom("2025-12-31", "2026-01-01", "2026-02-15", "2026-03-31"),
    type: fc.constantFrom(undefined, "final" as const, "penalty" as const),
    factor: fc.constantFrom(undefined, null, "Eurofactor"),
  });
  const records = fc
    .array(
      fc.record({
        keys: fc.uniqueArray(key, { maxLength: 3 }),
        exposure: fc.option(cents),
        limit: fc.option(cents),
        assigned: fc.boolean(),
        merged: fc.boolean(),
      }),
      { maxLength: 40 },
    )
    .map((rs) =>
      rs.map((r, i): CustomerRecordFacts => ({
        id: `CLI-${String(i).padStart(3, "0")}`,
        name: `Client ${i}`,
        // A key belongs to one record: later records lose the keys taken before (the alias index's rule).
        keys: r.keys.filter((k) => !rs.slice(0, i).some((o) => o.keys.includes(k))),
        ...(r.exposure ? { profile: profile(r.exposure), riskClass: "A" as const } : {}),
        ...(r.limit ? { insurance: { limit: r.limit } } : {}),
        factoring: { status: r.assigned ? "assigned" : "none" },
        ...(r.merged ? { mergedInto: "CLI-000" } : {}),
      })),
    );

  it("gives the naive computation's rows, totals and top exposures", () => {
    fc.assert(
      fc.property(fc.array(invoice, { maxLength: 60 }), records, (invoices, recs) => {
        const acc = new CustomerTableAccumulator(AS_OF);
        invoices.forEach((i) => acc.addInvoice(i));
        const rows = recs.map((r) => acc.addCustomer(r)).filter((r) => r !== null);
        const f = acc.result();
        const want = naive(invoices, recs);
        expect(rows.map((r) => ({ id: r.id, receivables: r.receivables, insured: r.insured, dso: r.dsoDays }))).toEqual(
          want.rows,
        );
        expect(f.receivables.total).toBe(want.total);
        expect(f.receivables.insured).toBe(want.insured);
        expect(f.receivables.factored).toBe(want.factored);
        expect(f.topExposures.map((r) => r.id)).toEqual(want.top);
      }),
      { numRuns: 200 },
    );
  });
});
