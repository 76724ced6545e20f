/**
 * Issue #12.8: the Tableau de bord is not left empty until the 06:00 job.
 * Through the real api (emulator) and the local Sheets server: after changes
 * pause, the company's figures are computed and written again, once for a
 * burst of changes.
 */
import { allNotifiers } from "../../functions/src/application/ports/change-notifier";
import { setupWorkbook } from "../../functions/src/sheets/layout/setup-workbook";
import { sheetsNotifier } from "../../functions/src/sheets/sync/sync-company";
import { dashboardNotifier, type DashboardNotifier } from "../../functions/src/jobs/dashboard-refresh";
import { publishDashboard } from "../../functions/src/jobs/sheets-publisher";
import type { DashboardFigures } from "../../functions/src/domain/dashboard/dashboard-accumulator";
import { testFirestore } from "../support/firestore";
import { bindAsOperator } from "../support/bind-workbook";
import { seedCompany, startTestApi, type TestApi } from "../support/workflow-api";
import { startSheetsKit, type SheetsKit } from "../sheets/sheets-test-kit";
import { ACCOUNTING, C, DEPOSIT_BODY, USERS } from "../workflow/fixtures";

const fs = testFirestore("dashrefresh");
let kit: SheetsKit;
let api: TestApi;
let dashboard: DashboardNotifier;
let spreadsheetId: string;
const published: DashboardFigures[] = [];

beforeAll(async () => {
  kit = await startSheetsKit();
  await seedCompany(fs.db, C, USERS as never);
  spreadsheetId = await kit.newSpreadsheet();
  await setupWorkbook(kit.gateway, spreadsheetId);
  await bindAsOperator(fs.db, C, spreadsheetId);
  const publish = publishDashboard(kit.gateway);
  dashboard = dashboardNotifier(
    fs.db,
    async (db, companyId, figures) => {
      published.push(figures);
      await publish(db, companyId, figures);
    },
    { quietMs: 3000, now: () => new Date("2026-03-10T10:00:00Z") },
  );
  api = await startTestApi(fs.db, allNotifiers(sheetsNotifier({ db: fs.db, gateway: kit.gateway }), dashboard));
});
afterAll(async () => {
  await api.close();
  await kit.stop();
  await fs.close();
});

async function dashboardRows(): Promise<(string | number)[][]> {
  const answer = await kit.gateway.readValues(spreadsheetId, ["'Tableau de bord'!A1:B60"]);
  return answer[0] as (string | number)[][];
}

it("writes the dashboard once changes pause, one computation for a burst", async () => {
  expect(await dashboardRows()).toEqual([]);
  api.setToday("2026-01-15");
  for (const orderRef of ["CMD-2026-101", "CMD-2026-102", "CMD-2026-103"]) {
    const answer = await api.call("POST", `/v1/companies/${C}/deposits`, {
      as: ACCOUNTING,
      body: { ...DEPOSIT_BODY, orderRef },
    });
    expect(answer.status).toBe(201);
  }
  // Not yet: the three deposits came within the quiet period.
  expect(published).toHaveLength(0);
  await dashboard.flush();
  expect(published).toHaveLength(1);
  const rows = await dashboardRows();
  expect(rows[0]).toEqual(["Tableau de bord", "au 10/03/2026"]);
  expect(rows.find((r) => r[0] === "Acomptes reçus (nombre)")?.[1]).toBe(3);
  expect(rows.find((r) => r[0] === "Acomptes reçus (TTC)")?.[1]).toBe(12960);
  // Stored as the 06:00 job stores it.
  expect((await fs.db.doc(`companies/${C}/dashboards/latest`).get()).get("deposits.count")).toBe(3);

  // One more change and nothing else: written by itself once the quiet period is over.
  await api.call("POST", `/v1/companies/${C}/deposits`, {
    as: ACCOUNTING,
    body: { ...DEPOSIT_BODY, orderRef: "CMD-2026-104" },
  });
  await new Promise((resolve) => setTimeout(resolve, 3500));
  expect(published).toHaveLength(2);
  await dashboard.flush();
  expect((await dashboardRows()).find((r) => r[0] === "Acomptes reçus (nombre)")?.[1]).toBe(4);
});
