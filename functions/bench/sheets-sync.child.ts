/**
 * The measured part of the Sheets bench, in its own process: one sync of a
 * company's workbook. Prints one JSON line: time, memory peaks and where the
 * bytes of each values.batchUpdate go.
 *   node sheets-sync.child.js <projectId> <companyId> <spreadsheetId>
 */
import { Firestore } from "@google-cloud/firestore";
import { sheetsApiFromEnv } from "../src/sheets/sheets-api";
import { SheetsGateway } from "../src/sheets/sheets-gateway";
import { syncSpreadsheet } from "../src/sheets/sync/sync-spreadsheet";
import { sampleMemory } from "./support/sample-memory";
import { COMPANIES } from "../src/model/collections";

async function main(projectId: string, companyId: string, spreadsheetId: string): Promise<void> {
  const db = new Firestore({ projectId, host: process.env.FIRESTORE_EMULATOR_HOST, ssl: false });
  const gateway = new SheetsGateway(sheetsApiFromEnv());
  // The clients' connections open first: their cost is the function's, before any sync.
  await db.collection(COMPANIES).limit(1).get();
  await gateway.get(spreadsheetId, { fields: "spreadsheetId" });
  const startRss = process.memoryUsage().rss;
  // The bytes of each values.batchUpdate body, to show how close each call comes to the ~2 MB split.
  const valueCallBytes: number[] = [];
  // And where they go: the bytes of each sheet's ranges, across calls.
  const sheetBytes: Record<string, number> = {};
  const values = gateway.api.spreadsheets.values;
  type Body = { data?: { range: string }[] };
  const batchUpdate = values.batchUpdate.bind(values) as (p: { requestBody?: Body }) => Promise<unknown>;
  values.batchUpdate = ((p: { requestBody?: Body }) => {
    valueCallBytes.push(Buffer.byteLength(JSON.stringify(p.requestBody)));
    for (const vr of p.requestBody?.data ?? []) {
      const sheet = vr.range.slice(0, vr.range.lastIndexOf("!")).replace(/^'|'$/g, "");
      sheetBytes[sheet] = (sheetBytes[sheet] ?? 0) + Buffer.byteLength(JSON.stringify(vr));
    }
    return batchUpdate(p);
  }) as typeof values.batchUpdate;
  const memory = sampleMemory();
  const started = performance.now();
  const result = await syncSpreadsheet({ db, gateway }, companyId, spreadsheetId);
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, ...memory.stop(), startRss, valueCallBytes, sheetBytes, result }));
  await db.terminate();
}

main(process.argv[2], process.argv[3], process.argv[4]).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
