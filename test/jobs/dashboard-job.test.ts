import { dashboardJob } from "../../functions/src/jobs/dashboard-job";
import { testFirestore } from "../support/firestore";

const fs = testFirestore("dash");
const db = fs.db;
// Thursday 26 March 2026, 07:00 Paris: the week runs 23 → 29 March.
const NOW = new Date("2026-03-26T06:00:00Z");

async function seed(): Promise<void> {
  const c = db.collection("companies").doc("lefevre");
  await c.set({ name: "Menuiserie Lefèvre" });
  const deposits: [string, string][] = [
    ["4320.00", "0.00"], // example 1 of domain.md, fully refunded
    ["2400.00", "2400.00"],
    ["1000.01", "500.00"],
  ];
  for (const [i, [gross, refundableBalance]] of deposits.entries())
    await c.collection("deposits").doc(`D${i}`).set({ gross, refundableBalance });
  const refunds: [string, string, string | null][] = [
    ["refunded", "2026-01-05", "2026-01-12"], // 7 days
    ["refunded", "2026-02-10", "2026-03-02"], // 20 days
    ["refunded", "2026-03-01", "2026-03-04"], // 3 days
    ["refunded", "2026-03-01", "2026-03-31"], // 30 days
    ["submitted", "2026-03-24", null],
    ["approved", "2026-03-10", null],
  ];
  for (const [i, [status, requestedOn, paidOn]] of refunds.entries())
    await c.collection("refunds").doc(`R${i}`).set({ status, requestedOn, paidOn });
  // A consumer refund still unpaid: terminated 01/03, deadline 15/03, 11 days late on 26/03 → 10 % of 500.00.
  await c
    .collection("refunds")
    .doc("R6")
    .set({
      status: "approved",
      requestedOn: "2026-03-02",
      paidOn: null,
      grossAmount: "500.00",
      lateRefundScale: "L241-4",
      proposal: { reason: "non_delivery", terminationDate: "2026-03-01" },
    });
  await c.collection("customerCredits").doc("K1").set({ amount: "80.00", refundableBalance: "80.00" });
  const instalments: [string, string, string | null][] = [
    ["700.00", "2026-03-20", null], // overdue, this month, forecast week 1
    ["300.00", "2026-03-27", null], // this week
    ["250.50", "2026-04-02", null], // next week, next month
    ["1000.00", "2026-03-25", "2026-03-25"], // paid
  ];
  for (const [i, [amount, dueDate, paidOn]] of instalments.entries()) {
    await c
      .collection("refunds")
      .doc("R5")
      .collection("instalments")
      .doc(String(i + 1))
      .set({ companyId: "lefevre", amount, dueDate, paidOn });
  }
  // Another company's instalment must not leak into this dashboard.
  await db.collection("companies").doc("autre").set({ name: "Autre" });
  await db
    .collection("companies/autre/refunds/X/instalments")
    .doc("1")
    .set({ companyId: "autre", amount: "99.00", dueDate: "2026-03-27", paidOn: null });

  const invoices: [string | null, string][] = [
    ["2026-02-28", "2026-02-28"], // on time
    ["2026-03-02", "2026-02-28"], // late
    ["2026-03-20", "2026-03-31"], // early
    [null, "2026-03-01"], // unpaid: not in the share
  ];
  for (const [i, [paidOn, dueDate]] of invoices.entries()) {
    await c
      .collection("invoices")
      .doc(`F${i}`)
      .set({ gross: "1200.00", openAmount: paidOn ? "0.00" : "1200.00", issuedOn: "2026-01-31", dueDate, paidOn });
  }
}

beforeAll(async () => {
  await fs.clear();
  await seed();
});
afterAll(() => fs.close());

it("stores figures for the seeded company that match the hand computation", async () => {
  const result = await dashboardJob().run({ db, now: () => NOW, scheduleTime: NOW.toISOString() });
  expect(result).toMatchObject({ asOf: "2026-03-26", companies: 2 });
  const latest = (await db.doc("companies/lefevre/dashboards/latest").get()).data()!;
  const sameDay = (await db.doc("companies/lefevre/dashboards/2026-03-26").get()).data()!;
  expect(sameDay).toEqual(latest);

  expect(latest.deposits).toEqual({ count: 3, gross: "7720.01" }); // 4320 + 2400 + 1000.01
  expect(latest.refundableBalance).toBe("2900.00");
  expect(latest.requestsByStatus).toEqual({ approved: 2, refunded: 4, submitted: 1 });
  expect(latest.skipped).toEqual([]);
  expect(latest.lateConsumerRefunds).toEqual({ count: 1, increases: "50.00" });
  // Open: F3 1,200.00 due 01/03 → 25 days past due. Sales Jan–Mar (issued 31/01): 4 × 1,200.00.
  expect(latest.agedBalance).toMatchObject({
    notDue: "0.00",
    days1to30: "1200.00",
    total: "1200.00",
    unallocatedCredits: "80.00",
    net: "1120.00",
  });
  // Ratio: 1,200 / 4,800 × 85 days (01/01 → 26/03) = 21.25; count-back: March and February had no sales, January covers it: 31 + 28 + 1,200/4,800 × 31 = 66.75.
  expect(latest.dso).toEqual({
    from: "2026-01-01",
    to: "2026-03-26",
    receivables: "1200.00",
    sales: "4800.00",
    ratioDays: "21.25",
    countBackDays: "66.75",
  });
  expect(latest.refundsDue).toEqual({ thisWeek: "300.00", thisMonth: "1000.00", overdue: "700.00" });
  // 3, 7, 20, 30 → mean 15; p90 = ceil(3.6) = 4th value = 30.
  expect(latest.refundCycleDays).toEqual({ count: 4, mean: 15, p90: 30 });
  expect(latest.invoicesPaidLate).toEqual({ paid: 3, late: 1, share: 1 / 3 });
  expect(latest.cashOutForecast.slice(0, 3)).toEqual([
    { weekStart: "2026-03-23", amount: "1000.00" },
    { weekStart: "2026-03-30", amount: "250.50" },
    { weekStart: "2026-04-06", amount: "0.00" },
  ]);
  const other = (await db.doc("companies/autre/dashboards/latest").get()).data()!;
  expect(other.refundsDue.thisWeek).toBe("99.00");
});

it("stores every company's figures even when writing one workbook fails, then fails the run for a retry", async () => {
  const failing = dashboardJob({
    publish: async (_db, companyId) => {
      if (companyId === "autre") throw new Error("Sheets indisponible");
    },
  });
  const later = new Date("2026-03-27T06:00:00Z");
  await expect(failing.run({ db, now: () => later, scheduleTime: later.toISOString() })).rejects.toThrow(/autre/);
  expect((await db.doc("companies/lefevre/dashboards/2026-03-27").get()).exists).toBe(true);
  expect((await db.doc("companies/autre/dashboards/2026-03-27").get()).exists).toBe(true);
});
