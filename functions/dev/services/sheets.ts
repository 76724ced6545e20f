/**
 * The local Sheets pieces of `npm start`, as Services for functions/dev/start.ts:
 * - `sheetsServerService` (before the api): the local Sheets API, data in
 *   `<local folder>/sheets` (or SHEETS_DATA_DIR); sets SHEETS_API_URL so the
 *   api's write-back and routes point at it;
 * - `demoWorkbooksService` (after the demo data): one workbook per company,
 *   bound to it as an operator binds (the same registry and transaction as
 *   the add-on's setup, without a code), set up and filled, with its
 *   `/view` URL. The emulator starts empty each run but the workbooks are
 *   kept, so each company's workbook is named in `demo-workbooks.json`
 *   beside them and a rerun empties and refills it instead of creating one.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { refreshCompanyDashboard } from "../../src/jobs/dashboard-refresh";
import { customerTableSheets, publishDashboard } from "../../src/jobs/sheets-publisher";
import { join } from "node:path";
import { parisDay } from "../../src/domain/dates/calendar-day";
import { COMPANIES } from "../../src/model/collections";
import { bindWorkbookAsOperator } from "../../src/sheets/binding/bind-workbook";
import { companySpreadsheets } from "../../src/sheets/binding/workbook-registry";
import { setupWorkbook } from "../../src/sheets/layout/setup-workbook";
import { sheetsApiFromEnv } from "../../src/sheets/sheets-api";
import { SheetsGateway } from "../../src/sheets/sheets-gateway";
import { syncSpreadsheet } from "../../src/sheets/sync/sync-spreadsheet";
import type { Service, StartContext } from "../start";
import { sheetsDataDir } from "../local-dir";
import { startSheetsServer } from "../../testing/sheets-server/index";

export const sheetsServerService: Service = {
  name: "local Sheets API",
  async start(ctx) {
    const dataDir = sheetsDataDir(ctx.localDir);
    const server = await startSheetsServer({
      port: process.env.SHEETS_PORT ? Number(process.env.SHEETS_PORT) : undefined,
      dataDir,
    });
    process.env.SHEETS_API_URL = server.url;
    process.env.SHEETS_API_TOKEN = server.functionsAccess.accessToken;
    ctx.sheetsUrl = server.url;
    ctx.sheetsServer = server;
    ctx.sheetsDataDir = dataDir;
    return {
      lines: [`local Sheets API     ${server.url}  (workbooks: ${server.url}/view)`],
      stop: () => server.stop(),
    };
  },
};

const indexFile = (ctx: StartContext) => join(ctx.sheetsDataDir!, "demo-workbooks.json");

/** Company id → the demo workbook kept for it by an earlier run. */
function readIndex(ctx: StartContext): Record<string, string> {
  const file = indexFile(ctx);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  } catch {
    return {}; // unreadable: new workbooks, and the index is written again
  }
}

export const demoWorkbooksService: Service = {
  name: "demo workbooks",
  async start(ctx) {
    if (!ctx.db || !process.env.SHEETS_API_URL)
      throw new Error("demo workbooks need the emulator and the local Sheets API");
    const db = ctx.db;
    const gateway = new SheetsGateway(sheetsApiFromEnv());
    const lines: string[] = [];
    const kept = ctx.sheetsDataDir ? readIndex(ctx) : {};
    for (const company of (await db.collection(COMPANIES).get()).docs) {
      let [spreadsheetId] = await companySpreadsheets({ db }, company.id);
      if (!spreadsheetId) {
        const name = (company.get("settings.name") as string | undefined) ?? company.id;
        // The demo data was loaded afresh, so the kept workbook is emptied before it is filled again.
        spreadsheetId =
          kept[company.id] && ctx.sheetsServer?.reset(kept[company.id])
            ? kept[company.id]
            : (await gateway.api.spreadsheets.create({ requestBody: { properties: { title: `Acompte — ${name}` } } }))
                .data.spreadsheetId!;
        const now = new Date();
        await bindWorkbookAsOperator(
          db,
          { companyId: company.id, actor: "npm-start@acompte.local", now, today: parisDay(now) },
          spreadsheetId,
        );
      }
      await setupWorkbook(gateway, spreadsheetId);
      await syncSpreadsheet({ db, gateway }, company.id, spreadsheetId, { waitForLeaseMs: 10_000 });
      // The dashboard and the customer table from the start, not only after the 06:00 job.
      await refreshCompanyDashboard(db, company.id, parisDay(new Date()), {
        publish: publishDashboard(gateway),
        customerTable: customerTableSheets(gateway),
      });
      ctx.spreadsheetIds = { ...ctx.spreadsheetIds, [company.id]: spreadsheetId };
      if (ctx.sheetsDataDir) writeFileSync(indexFile(ctx), JSON.stringify({ ...kept, ...ctx.spreadsheetIds }));
      lines.push(`workbook ${company.id.padEnd(11)} ${process.env.SHEETS_API_URL}/view/${spreadsheetId}`);
    }
    return {
      lines,
      open: [`${process.env.SHEETS_API_URL}/view  ← the workbooks of the demo companies`],
      stop: async () => undefined,
    };
  },
};
