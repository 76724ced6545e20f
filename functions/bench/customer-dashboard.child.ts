/**
 * The measured part of the customer-dashboard bench, in its own process:
 * what the dashboard job does for one company — the figures (customer table
 * included) streamed from Firestore, the rows written to « Tableau clients »
 * as they come, the day's document stored, « Tableau de bord » written.
 * Prints one JSON line: time, customers, documents read and memory peaks.
 *   node customer-dashboard.child.js <projectId> <companyId> <spreadsheetId> <asOf>
 */
import { Firestore } from "@google-cloud/firestore";
import { computeCompanyDashboard } from "../src/jobs/company-dashboard";
import { openCustomerTableSheet } from "../src/jobs/customer-table-sheet-writer";
import { storeDashboard } from "../src/jobs/dashboard-refresh";
import { writeDashboardSheet } from "../src/jobs/dashboard-sheet-writer";
import { COMPANIES } from "../src/model/collections";
import { sheetsApiFromEnv } from "../src/sheets/sheets-api";
import { SheetsGateway } from "../src/sheets/sheets-gateway";
import { sampleMemory } from "./support/sample-memory";

async function main(projectId: string, companyId: string, spreadsheetId: string, asOf: string): Promise<void> {
  const db = new Firestore({ projectId, host: process.env.FIRESTORE_EMULATOR_HOST, ssl: false });
  const gateway = new SheetsGateway(sheetsApiFromEnv());
  // The clients' connections open first: their cost is the function's, before any figure.
  await db.collection(COMPANIES).limit(1).get();
  await gateway.get(spreadsheetId, { fields: "spreadsheetId" });
  const startRss = process.memoryUsage().rss;
  const memory = sampleMemory();
  const started = performance.now();
  const table = await openCustomerTableSheet(gateway, spreadsheetId);
  // Time spent handing rows to the sheet (formatting, buffering, the writes it waits for), apart from the figures'.
  let sheetMs = 0;
  const timed = {
    async add(row: Parameters<typeof table.add>[0]) {
      const t = performance.now();
      await table.add(row);
      sheetMs += performance.now() - t;
    },
  };
  const { figures, documentsRead } = await computeCompanyDashboard(db, companyId, asOf, timed);
  await storeDashboard(db, companyId, asOf, figures);
  let t = performance.now();
  const rows = await table.close();
  sheetMs += performance.now() - t;
  t = performance.now();
  await writeDashboardSheet(gateway, spreadsheetId, figures);
  sheetMs += performance.now() - t;
  const ms = performance.now() - started;
  const c = figures.customers!;
  console.log(
    JSON.stringify({
      ms,
      sheetMs,
      ...memory.stop(),
      startRss,
      documentsRead,
      rows,
      customers: c.customers,
      receivables: c.receivables,
      top: c.topExposures[0]?.exposure,
      storedBytes: Buffer.byteLength(JSON.stringify(figures)),
    }),
  );
  await db.terminate();
}

main(process.argv[2], process.argv[3], process.argv[4], process.argv[5]).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
