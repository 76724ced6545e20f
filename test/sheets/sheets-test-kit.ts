/** A local Sheets server and a gateway on it, for the tests of this folder. */
import { startSheetsServer, type SheetsServer, type SheetsServerOptions } from "../../functions/dev/sheets-server";
import { createSheetsApi } from "../../functions/src/sheets/sheets-api";
import { SheetsGateway } from "../../functions/src/sheets/sheets-gateway";

export interface SheetsKit {
  server: SheetsServer;
  gateway: SheetsGateway;
  newSpreadsheet(title?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Backoff of a few milliseconds: the faults are real, the waiting need not be. */
export const FAST_RETRY = { baseMs: 2, maxMs: 20, attempts: 12 };

export async function startSheetsKit(options: SheetsServerOptions = {}): Promise<SheetsKit> {
  const server = await startSheetsServer(options);
  const gateway = new SheetsGateway(createSheetsApi({ rootUrl: server.url }), FAST_RETRY);
  return {
    server,
    gateway,
    async newSpreadsheet(title = "Classeur de test") {
      const rate = options.faultRate ?? 0;
      server.setFaultRate(0);
      const res = await gateway.api.spreadsheets.create({ requestBody: { properties: { title } } });
      server.setFaultRate(rate);
      return res.data.spreadsheetId!;
    },
    stop: () => server.stop(),
  };
}
