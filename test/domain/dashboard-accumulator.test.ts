import { DashboardAccumulator } from "../../functions/src/domain/dashboard/dashboard-accumulator";
import { DayHistogram } from "../../functions/src/domain/dashboard/day-histogram";
import { mondayOf } from "../../functions/src/domain/dashboard/week";

// Wednesday 18 March 2026; its week runs Monday 16 → Sunday 22.
const AS_OF = "2026-03-18";

describe("dashboard figures", () => {
  it("adds deposits, balances, statuses, instalments and invoices as computed by hand", () => {
    const acc = new DashboardAccumulator(AS_OF);
    acc.addDeposit({ gross: "4320.00", refundableBalance: "0.00" });
    acc.addDeposit({ gross: "2400.00", refundableBalance: "2400.00" });
    acc.addDeposit({ gross: "0.10", refundableBalance: "0.10" });
    acc.addDeposit({ gross: "0.20", refundableBalance: "0.05" });

    acc.addRefundRequest({ status: "refunded", requestedOn: "2026-01-10", paidOn: "2026-01-20" }); // 10 days
    acc.addRefundRequest({ status: "refunded", requestedOn: "2026-02-01", paidOn: "2026-03-03" }); // 30 days
    acc.addRefundRequest({ status: "refunded", requestedOn: "2026-03-01", paidOn: "2026-03-06" }); // 5 days
    acc.addRefundRequest({ status: "submitted", requestedOn: "2026-03-17", paidOn: null });
    acc.addRefundRequest({ status: "approved", requestedOn: "2026-03-02", paidOn: null });

    acc.addInstalment({ amount: "100.00", dueDate: "2026-03-10", paidOn: null }); // overdue, this month, week 1
    acc.addInstalment({ amount: "200.00", dueDate: "2026-03-16", paidOn: null }); // Monday: this week, overdue
    acc.addInstalment({ amount: "300.00", dueDate: "2026-03-22", paidOn: null }); // Sunday: this week
    acc.addInstalment({ amount: "400.00", dueDate: "2026-03-23", paidOn: null }); // next week, this month
    acc.addInstalment({ amount: "500.00", dueDate: "2026-04-01", paidOn: null }); // week 3, next month
    acc.addInstalment({ amount: "600.00", dueDate: "2026-06-08", paidOn: null }); // week 13: outside the forecast
    acc.addInstalment({ amount: "999.00", dueDate: "2026-03-18", paidOn: "2026-03-18" }); // paid: ignored

    acc.addInvoice({
      gross: "1200.00",
      openAmount: "0.00",
      issuedOn: "2026-01-05",
      dueDate: "2026-02-04",
      paidOn: "2026-02-04",
    });
    acc.addInvoice({
      gross: "1200.00",
      openAmount: "0.00",
      issuedOn: "2026-01-05",
      dueDate: "2026-02-04",
      paidOn: "2026-02-05",
    });
    acc.addInvoice({
      gross: "1200.00",
      openAmount: "0.00",
      issuedOn: "2026-01-05",
      dueDate: "2026-02-04",
      paidOn: "2026-01-30",
    });
    acc.addInvoice({
      gross: "1200.00",
      openAmount: "1200.00",
      issuedOn: "2026-01-05",
      dueDate: "2026-02-04",
      paidOn: null,
    });

    const f = acc.result();
    expect(f.deposits).toEqual({ count: 4, gross: "6720.30" });
    expect(f.refundableBalance).toBe("2400.15");
    expect(f.requestsByStatus).toEqual({ approved: 1, refunded: 3, submitted: 1 });
    expect(f.refundsDue).toEqual({ thisWeek: "500.00", thisMonth: "1000.00", overdue: "300.00" });
    // (10 + 30 + 5) / 3 = 15; p90 nearest rank: ceil(0.9 × 3) = 3rd of 5, 10, 30 → 30.
    expect(f.refundCycleDays).toEqual({ count: 3, mean: 15, p90: 30 });
    expect(f.invoicesPaidLate).toEqual({ paid: 3, late: 1, share: 1 / 3 });
    expect(f.cashOutForecast).toHaveLength(12);
    expect(f.cashOutForecast[0]).toEqual({ weekStart: "2026-03-16", amount: "600.00" });
    expect(f.cashOutForecast[1]).toEqual({ weekStart: "2026-03-23", amount: "400.00" });
    expect(f.cashOutForecast[2]).toEqual({ weekStart: "2026-03-30", amount: "500.00" });
    expect(f.cashOutForecast[11]).toEqual({ weekStart: "2026-06-01", amount: "0.00" });
  });

  it("gives null figures rather than dividing by zero on an empty company", () => {
    const f = new DashboardAccumulator(AS_OF).result();
    expect(f.refundCycleDays).toEqual({ count: 0, mean: null, p90: null });
    expect(f.invoicesPaidLate.share).toBeNull();
    expect(f.deposits).toEqual({ count: 0, gross: "0.00" });
  });
});

describe("helpers", () => {
  it("finds the Monday of a week across a month end and on Sundays", () => {
    expect(mondayOf("2026-03-22")).toBe("2026-03-16");
    expect(mondayOf("2026-03-16")).toBe("2026-03-16");
    expect(mondayOf("2026-04-01")).toBe("2026-03-30");
  });

  it("takes exact nearest-rank percentiles from the day histogram", () => {
    const h = new DayHistogram();
    for (let d = 1; d <= 100; d++) h.add(d);
    expect(h.percentile(90)).toBe(90);
    expect(h.percentile(100)).toBe(100);
    expect(h.mean()).toBe(50.5);
  });
});

describe("receivables figures through the engine", () => {
  it("reproduces domain.md's DSO example (Q1 2026: 37.50 days ratio, 35.67 count-back)", () => {
    const acc = new DashboardAccumulator("2026-03-31");
    acc.addInvoice({
      gross: "110000.00",
      openAmount: "0.00",
      issuedOn: "2026-01-15",
      dueDate: "2026-02-14",
      paidOn: "2026-02-10",
    });
    acc.addInvoice({
      gross: "120000.00",
      openAmount: "20000.00",
      issuedOn: "2026-02-15",
      dueDate: "2026-03-17",
      paidOn: null,
    });
    acc.addInvoice({
      gross: "130000.00",
      openAmount: "130000.00",
      issuedOn: "2026-03-15",
      dueDate: "2026-04-14",
      paidOn: null,
    });
    acc.addInvoice({
      gross: "999.00",
      openAmount: "0.00",
      issuedOn: "2025-12-20",
      dueDate: "2026-01-19",
      paidOn: "2026-01-19",
    }); // before the period
    const f = acc.result();
    expect(f.dso).toEqual({
      from: "2026-01-01",
      to: "2026-03-31",
      receivables: "150000.00",
      sales: "360000.00",
      ratioDays: "37.50",
      countBackDays: "35.67",
    });
    // 20,000 is 14 days past due (1–30), 130,000 not due yet.
    expect(f.agedBalance).toMatchObject({
      notDue: "130000.00",
      days1to30: "20000.00",
      days31to60: "0.00",
      total: "150000.00",
    });
  });

  it("puts open invoices in the engine's buckets and credits apart", () => {
    const acc = new DashboardAccumulator("2026-06-30");
    const inv = (dueDate: string, openAmount: string) =>
      acc.addInvoice({ gross: openAmount, openAmount, issuedOn: "2026-01-01", dueDate, paidOn: null });
    inv("2026-06-30", "1.00"); // 0 days: not due
    inv("2026-06-29", "10.00"); // 1
    inv("2026-05-31", "100.00"); // 30
    inv("2026-05-30", "1000.00"); // 31
    inv("2026-04-01", "10000.00"); // 90
    inv("2026-03-31", "100000.00"); // 91
    acc.addCustomerCredit({ refundableBalance: "250.00" });
    expect(acc.result().agedBalance).toEqual({
      notDue: "1.00",
      days1to30: "110.00",
      days31to60: "1000.00",
      days61to90: "10000.00",
      over90: "100000.00",
      total: "111111.00",
      penaltyInvoices: "0.00",
      unallocatedCredits: "250.00",
      net: "110861.00",
    });
    expect(acc.result().dso.ratioDays).toBeNull(); // no sales in the last 3 months
  });

  it("keeps penalty invoices in the aged balance, shown apart, and out of the DSO and the share paid late", () => {
    const acc = new DashboardAccumulator("2026-03-31");
    const add = (
      type: "final" | "penalty",
      gross: string,
      openAmount: string,
      dates: string[],
      paidOn: string | null,
    ) => acc.addInvoice({ type, gross, openAmount, issuedOn: dates[0], dueDate: dates[1], paidOn });
    // January to March sales: 30 000 + 0 + 60 000 = 90 000; open 45 000 of the March invoice, not due.
    add("final", "30000.00", "0.00", ["2026-01-10", "2026-02-09"], "2026-02-19");
    add("final", "60000.00", "45000.00", ["2026-03-20", "2026-04-19"], null);
    // Penalties on the January invoice, paid 10 days late: 30 000 × 12,15 % × 10 / 365 = 99,86 €, invoiced 25/02,
    // due 27/03: 4 days past due, open.
    add("penalty", "99.86", "99.86", ["2026-02-25", "2026-03-27"], null);
    // An earlier penalty invoice, paid late: not a sale, not in the share paid late.
    add("penalty", "50.00", "0.00", ["2026-01-15", "2026-01-20"], "2026-01-25");
    const f = acc.result();
    expect(f.agedBalance).toMatchObject({
      notDue: "45000.00",
      days1to30: "99.86",
      total: "45099.86",
      penaltyInvoices: "99.86",
    });
    // Ratio: 45 000 / 90 000 × 90 days (01/01 → 31/03) = 45.00; count-back: March's 60 000 covers it, 45/60 × 31 = 23.25.
    expect(f.dso).toEqual({
      from: "2026-01-01",
      to: "2026-03-31",
      receivables: "45000.00",
      sales: "90000.00",
      ratioDays: "45.00",
      countBackDays: "23.25",
    });
    expect(f.invoicesPaidLate).toEqual({ paid: 1, late: 1, share: 1 });
  });

  it("counts consumer refunds paid or still unpaid past 14 days, with the engine's L241-4 increases", () => {
    const acc = new DashboardAccumulator("2026-04-10");
    const base = { requestedOn: "2026-03-01", grossAmount: "1000.00", lateRefundScale: "L241-4" as const };
    acc.addRefundRequest({ ...base, status: "refunded", terminationDate: "2026-03-01", paidOn: "2026-03-14" }); // on time
    acc.addRefundRequest({ ...base, status: "refunded", terminationDate: "2026-03-01", paidOn: "2026-03-25" }); // 10 days late: 100.00
    acc.addRefundRequest({ ...base, status: "approved", terminationDate: "2026-03-01", paidOn: null }); // 26 days late today: 200.00
    acc.addRefundRequest({ ...base, status: "cancelled", terminationDate: "2026-02-01", paidOn: null }); // closed: ignored
    acc.addRefundRequest({
      ...base,
      lateRefundScale: null,
      status: "approved",
      terminationDate: "2026-01-01",
      paidOn: null,
    }); // not a consumer scale
    expect(acc.result().lateConsumerRefunds).toEqual({ count: 2, increases: "300.00" });
    expect(acc.result().skipped).toEqual([]);
  });
});
