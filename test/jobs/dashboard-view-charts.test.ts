/**
 * Issue #12.8: the local Sheets view draws the charts the dashboard job
 * embeds in « Tableau de bord ». The writer sends its real addChart requests
 * to the local Sheets server; headless Chromium opens the view page and finds
 * one drawn chart per request, its French title, one bar per row of its range
 * (heights in proportion to the cells), and a screenshot for a person.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import type { DashboardFigures } from "../../functions/src/domain/dashboard/dashboard-accumulator";
import { writeDashboardSheet } from "../../functions/src/jobs/dashboard-sheet-writer";
import { TABLEAU_DE_BORD } from "../../functions/src/sheets/layout/workbook-spec";
import { launchChromium } from "../apps-script/chromium";
import { startSheetsKit, type SheetsKit } from "../sheets/sheets-test-kit";

const SHOTS = path.resolve(__dirname, "../../test-artifacts/dashboard");

const WEEKS = ["2026-03-23", "2026-03-30", "2026-04-06", "2026-04-13", "2026-04-20", "2026-04-27"].concat([
  "2026-05-04",
  "2026-05-11",
  "2026-05-18",
  "2026-05-25",
  "2026-06-01",
  "2026-06-08",
]);
const FORECAST = ["1000.00", "300.00", "250.50", "0.00", "1800.00", "0.00"].concat([
  "620.00",
  "0.00",
  "0.00",
  "2400.00",
  "150.25",
  "0.00",
]);

const FIGURES: DashboardFigures = {
  asOf: "2026-03-26",
  deposits: { count: 3, gross: "7720.01" },
  refundableBalance: "2900.00",
  requestsByStatus: { submitted: 1, approved: 2, refunded: 4 },
  refundsDue: { thisWeek: "300.00", thisMonth: "1000.00", overdue: "700.00" },
  refundCycleDays: { count: 4, mean: 15, p90: 30 },
  invoicesPaidLate: { paid: 3, late: 1, share: 1 / 3 },
  cashOutForecast: WEEKS.map((weekStart, i) => ({ weekStart, amount: FORECAST[i] })),
  agedBalance: {
    notDue: "3600.00",
    days1to30: "1234.56",
    days31to60: "480.00",
    days61to90: "0.00",
    over90: "2200.00",
    total: "7514.56",
    penaltyInvoices: "0.00",
    unallocatedCredits: "80.00",
    net: "7434.56",
  },
  dso: {
    from: "2026-01-01",
    to: "2026-03-31",
    receivables: "7514.56",
    sales: "12000.00",
    ratioDays: "56.4",
    countBackDays: "61",
  },
  lateConsumerRefunds: { count: 1, increases: "50.00" },
  bank: { statement: null, toReconcile: { count: 0, credits: "0.00", debits: "0.00" } },
  skipped: [],
};

let kit: SheetsKit;
let browser: Browser;

beforeAll(async () => {
  kit = await startSheetsKit();
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await kit.stop();
});

it("draws each chart of the Tableau de bord from its cells, titled in French", async () => {
  const spreadsheetId = await kit.newSpreadsheet("Menuiserie Lefèvre");
  await writeDashboardSheet(kit.gateway, spreadsheetId, FIGURES);

  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${kit.server.url}/view/${spreadsheetId}?onglet=${encodeURIComponent(TABLEAU_DE_BORD.title)}`);
  const charts = page.locator("figure.chart");
  await expect(charts.locator("figcaption").allTextContents()).resolves.toEqual([
    "Balance âgée des créances clients (TTC)",
    "Prévision des décaissements (12 semaines)",
  ]);
  const drawn = await charts.evaluateAll((figures) =>
    figures.map((f) => ({
      type: f.getAttribute("data-chart-type"),
      bars: Array.from(f.querySelectorAll("rect.bar")).map((r) => ({
        height: (r as SVGRectElement).getBBox().height,
        tip: r.querySelector("title")?.textContent,
      })),
      labels: Array.from(f.querySelectorAll("text.label")).map((t) => t.textContent),
    })),
  );
  const [aged, forecast] = drawn;
  expect(aged.type).toBe("COLUMN");
  expect(aged.labels).toEqual(["Non échu", "1 à 30 jours", "31 à 60 jours", "61 à 90 jours", "Plus de 90 jours"]);
  // The amount as the cell shows it (French grouping and currency), whatever spaces the format uses.
  expect(aged.bars.map((b) => b.tip?.replace(/\s/g, " "))).toContain("1 à 30 jours : 1 234,56 €");
  expect(forecast.labels).toHaveLength(12);
  expect(forecast.labels[0]).toBe("23/03/2026");

  // One bar per row, as tall as its amount: the heights divided by the amounts are one ratio.
  const amounts = [["3600.00", "1234.56", "480.00", "0.00", "2200.00"], FORECAST];
  [aged, forecast].forEach((chart, i) => {
    expect(chart.bars).toHaveLength(amounts[i].length);
    const ratio = chart.bars[0].height / Number(amounts[i][0]);
    expect(ratio).toBeGreaterThan(0.02);
    chart.bars.forEach((bar, b) => expect(bar.height).toBeCloseTo(Number(amounts[i][b]) * ratio, 0));
  });

  await page.screenshot({ path: path.join(SHOTS, "tableau-de-bord-graphiques.png"), fullPage: true });
  await charts.nth(1).screenshot({ path: path.join(SHOTS, "prevision-decaissements.png") });
  await page.close();
});
