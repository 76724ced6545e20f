/**
 * The dashboard on the emulator with a penalty invoice issued through the
 * api: late-payment penalties and the recovery indemnity (Code de commerce
 * L441-10, D441-5) are financial income (7631 / 7588), not turnover (PCG:
 * chiffre d'affaires = accounts 70x). The penalty invoice stays in the aged
 * balance — it is a receivable on 411 — and is shown apart there; the DSO
 * counts neither its amount as sales nor its open amount as receivables;
 * the share paid late counts sales invoices only.
 *
 * Penalties with the shipped rates: first half of 2026 at 2,15 % (ECB,
 * 1 January 2026) + 10 points = 12,15 %, 365-day year.
 */
import { computeCompanyDashboard } from "../../functions/src/jobs/company-dashboard";
import { testFirestore } from "../support/firestore";
import { TestApi, seedCompany, startTestApi } from "../support/workflow-api";
import { ACCOUNTING, C, CUSTOMER, base } from "./support/dunning-kit";

const fs = testFirestore("dashpenalty");
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi(fs.db);
  await fs.clear();
  await seedCompany(fs.db, C, { [ACCOUNTING]: ["accounting_approver"] });
});
afterAll(async () => {
  await api.close();
  await fs.close();
});

async function finalInvoice(today: string, orderRef: string, net: string) {
  api.setToday(today);
  const res = await api.call("POST", `${base}/invoices/final`, {
    as: ACCOUNTING,
    body: {
      orderRef,
      customer: CUSTOMER,
      supplyKind: "services",
      lines: [{ vatRate: "20", net }],
      paymentTermsDays: 30,
    },
  });
  expect(res.status).toBe(201);
  return res.body;
}

test("a penalty invoice is a receivable shown apart in the aged balance, neither sales nor receivables of the DSO", async () => {
  // A: 10 000,00 + 20 % = 12 000,00 € issued 20/02/2026, due 22/03/2026. B: 6 000,00 € issued 02/03/2026, due 01/04/2026.
  const a = await finalInvoice("2026-02-20", "CMD-A", "10000.00");
  const b = await finalInvoice("2026-03-02", "CMD-B", "5000.00");
  expect([a.dueDate, b.dueDate]).toEqual(["2026-03-22", "2026-04-01"]);

  // A paid 01/04/2026: 23/03 to 01/04 = 10 days late.
  api.setToday("2026-04-01");
  const paid = await api.call("POST", `${base}/payments`, {
    as: ACCOUNTING,
    body: { customer: CUSTOMER, date: "2026-04-01", amount: "12000.00", means: "virement", invoiceIds: [a.id] },
  });
  expect(paid.status).toBe(201);

  // Penalty invoice of 05/04/2026 on A: 12 000 × 12,15 % × 10 / 365 = 39,945… → 39,95 €, + 40,00 € = 79,95 €, due 05/05/2026.
  api.setToday("2026-04-05");
  const claim = await api.call("POST", `${base}/invoices/${a.id}/penalties`, { as: ACCOUNTING, body: {} });
  expect(claim.status).toBe(201);
  expect(claim.body).toMatchObject({ type: "penalty", gross: "79.95", openAmount: "79.95", dueDate: "2026-05-05" });

  const { figures } = await computeCompanyDashboard(fs.db, C, "2026-04-30");
  // Open on 30/04: B 6 000,00 € 29 days past due (02/04 → 30/04); the penalty invoice, not due until 05/05.
  expect(figures.agedBalance).toMatchObject({
    notDue: "79.95",
    days1to30: "6000.00",
    days31to60: "0.00",
    total: "6079.95",
    penaltyInvoices: "79.95",
    net: "6079.95",
  });
  // Sales February–April: A 12 000,00 + B 6 000,00 = 18 000,00 € (not the 79,95 € of penalties); receivables 6 000,00 €.
  // Ratio: 6 000 / 18 000 × 89 days (01/02 → 30/04) = 29,666… → 29,67. Count-back: April has no sales (30 days),
  // March's 6 000,00 € covers the rest in full (31 days): 61,00. Counting the penalties would read
  // 6 079,95 / 18 079,95 × 89 = 29,93 days for the ratio.
  expect(figures.dso).toEqual({
    from: "2026-02-01",
    to: "2026-04-30",
    receivables: "6000.00",
    sales: "18000.00",
    ratioDays: "29.67",
    countBackDays: "61.00",
  });
  // A paid after its due date; the penalty invoice is no sale paid on time or late.
  expect(figures.invoicesPaidLate).toEqual({ paid: 1, late: 1, share: 1 });
});
