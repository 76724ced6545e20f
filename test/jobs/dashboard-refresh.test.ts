/**
 * Issue #12.8: the Tableau de bord is not left empty until the 06:00 job.
 * Through the real api (emulator) and the local Sheets server: after changes
 * pause, the company's figures are computed and written again, once for a
 * burst of changes, and « Tableau clients » is rewritten with them (issue
 * #16), streamed by the 06:00 job's writer.
 */
import { allNotifiers } from "../../functions/src/application/ports/change-notifier";
import { setupWorkbook } from "../../functions/src/sheets/layout/setup-workbook";
import { sheetsNotifier } from "../../functions/src/sheets/sync/sync-company";
import { dashboardNotifier, type DashboardNotifier } from "../../functions/src/jobs/dashboard-refresh";
import { customerTableSheets, publishDashboard } from "../../functions/src/jobs/sheets-publisher";
import { customerIdOf } from "../../functions/src/model/customer";
import { TABLEAU_CLIENTS } from "../../functions/src/sheets/layout/workbook-spec";
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
    {
      publish: async (db, companyId, figures) => {
        published.push(figures);
        await publish(db, companyId, figures);
      },
      // One row a write: the table streams in chunks between runs as at 06:00.
      customerTable: customerTableSheets(kit.gateway, 1),
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

/** « Tableau clients » below its header, as (name, class, exposure, id) — and the grid's row count. */
async function customerTable(): Promise<{ rows: (string | number)[][]; gridRows: number }> {
  const [rows] = await kit.gateway.readValues(spreadsheetId, ["'Tableau clients'!A1:N"]);
  expect(rows[0]).toEqual(TABLEAU_CLIENTS.columns.map((c) => c.header));
  const meta = await kit.gateway.get(spreadsheetId, { fields: "sheets(properties(title,gridProperties.rowCount))" });
  const tab = meta.sheets!.find((t) => t.properties!.title === TABLEAU_CLIENTS.title)!;
  return {
    rows: rows.slice(1).map((r) => [r[0], r[1], r[2], r[13]] as (string | number)[]),
    gridRows: tab.properties!.gridProperties!.rowCount!,
  };
}

it("writes the dashboard once changes pause, one computation for a burst", async () => {
  expect(await dashboardRows()).toEqual([]);
  expect((await customerTable()).rows).toEqual([]);
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
  // The hotel's record, created by its first deposit: no profile yet, its exposure the receivables (none invoiced).
  const HOTEL = customerIdOf(`siren:${DEPOSIT_BODY.customer.siren}`);
  expect(await customerTable()).toEqual({ rows: [["Hôtel Bellevue SARL", "Sans profil", 0, HOTEL]], gridRows: 2 });

  // One more change and nothing else, a new customer's deposit: written by itself once the quiet period is over.
  const other = { name: "Boulangerie Martin", kind: "b2b", siren: "552100554" };
  await api.call("POST", `/v1/companies/${C}/deposits`, {
    as: ACCOUNTING,
    body: { ...DEPOSIT_BODY, customer: other, orderRef: "CMD-2026-104" },
  });
  // Not flushed: the refresh starts when the quiet period is over (3 s) and takes its time writing both sheets.
  expect(published).toHaveLength(1);
  const started = Date.now();
  while (published.length < 2 && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 100));
  expect(published).toHaveLength(2);
  await dashboard.flush();
  expect((await dashboardRows()).find((r) => r[0] === "Acomptes reçus (nombre)")?.[1]).toBe(4);
  // The table rewritten whole, in the records' id order, the grid grown to its rows.
  const BAKERY = customerIdOf(`siren:${other.siren}`);
  const expected = [
    ["Hôtel Bellevue SARL", "Sans profil", 0, HOTEL],
    ["Boulangerie Martin", "Sans profil", 0, BAKERY],
  ].sort((a, b) => String(a[3]).localeCompare(String(b[3])));
  expect(await customerTable()).toEqual({ rows: expected, gridRows: 3 });
});

it("one company's refreshes never stream into « Tableau clients » at once: a change during one queues the next", async () => {
  const events: string[] = [];
  let opened = 0;
  const table = customerTableSheets(kit.gateway, 1);
  const serial = dashboardNotifier(
    fs.db,
    {
      async customerTable(db, companyId) {
        const n = ++opened;
        events.push(`open ${n}`);
        const sink = await table(db, companyId);
        return {
          add: (row) => sink.add(row),
          async close() {
            await sink.close();
            events.push(`close ${n}`);
          },
        };
      },
    },
    { quietMs: 60_000, now: () => new Date("2026-03-10T10:00:00Z") },
  );
  const change = { companyId: C, actor: ACCOUNTING, paths: [], events: [] };
  serial.afterCommit(change);
  const first = serial.flush();
  // A change while the first refresh runs: its refresh waits for the first to finish.
  serial.afterCommit(change);
  await Promise.all([first, serial.flush()]);
  expect(events).toEqual(["open 1", "close 1", "open 2", "close 2"]);
  expect((await customerTable()).rows).toHaveLength(2);
});
