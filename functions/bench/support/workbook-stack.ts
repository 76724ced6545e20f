import { Firestore } from "@google-cloud/firestore";
import { setupWorkbook } from "../../src/sheets/layout/setup-workbook";
import { createSheetsApi } from "../../src/sheets/sheets-api";
import { SheetsGateway } from "../../src/sheets/sheets-gateway";
import { startFirestoreEmulator, type RunningEmulator } from "../../testing/firestore-emulator";
import { startSheetsServer, type SheetsServer } from "../../testing/sheets-server";

export interface WorkbookStack {
  emulator: RunningEmulator;
  sheetsServer: SheetsServer;
  gateway: SheetsGateway;
  spreadsheetId: string;
  /** The environment of a measured child: the emulator, the local Sheets server, no metadata server. */
  childEnv: NodeJS.ProcessEnv;
  /** Seconds the seeding took. */
  seededSeconds: string;
}

/**
 * The stack of the benches that measure a function writing a workbook: the
 * Firestore emulator seeded by `seed` (its client closed afterwards, so the
 * measured child is the only one), the local Sheets server with a workbook
 * set up, stopped when `run` ends.
 */
export async function withWorkbookStack(
  projectId: string,
  seed: (db: Firestore) => Promise<void>,
  run: (stack: WorkbookStack) => Promise<void>,
): Promise<void> {
  const emulator = await startFirestoreEmulator({ projectId });
  const sheetsServer = await startSheetsServer();
  try {
    const db = new Firestore({ projectId: emulator.projectId, host: emulator.host, ssl: false });
    const gateway = new SheetsGateway(createSheetsApi(sheetsServer.functionsAccess));
    const spreadsheetId = (await gateway.api.spreadsheets.create({ requestBody: { properties: { title: "Bench" } } }))
      .data.spreadsheetId!;
    await setupWorkbook(gateway, spreadsheetId);
    const seeding = performance.now();
    await seed(db);
    const seededSeconds = ((performance.now() - seeding) / 1000).toFixed(1);
    await db.terminate();
    const childEnv = {
      ...process.env,
      FIRESTORE_EMULATOR_HOST: emulator.host,
      SHEETS_API_URL: sheetsServer.url,
      SHEETS_API_TOKEN: sheetsServer.functionsAccess.accessToken,
      METADATA_SERVER_DETECTION: "none",
    };
    await run({ emulator, sheetsServer, gateway, spreadsheetId, childEnv, seededSeconds });
  } finally {
    await sheetsServer.stop();
    await emulator.stop();
  }
}
