/** A local Sheets server and a gateway on it, for the tests of this folder. */
import type { Firestore } from "@google-cloud/firestore";
import { noopNotifier } from "../../functions/src/app/change-notifier";
import type { Answer, RouteContext } from "../../functions/src/http/route";
import { sheetsRoutes } from "../../functions/src/sheets/sheets-routes";
import { startSheetsServer, type SheetsServer, type SheetsServerOptions } from "../../functions/testing/sheets-server";
import { createSheetsApi } from "../../functions/src/sheets/sheets-api";
import { SheetsGateway } from "../../functions/src/sheets/sheets-gateway";

export type SheetsAction = "setup" | "resync" | "import";

export interface SheetsKit {
  server: SheetsServer;
  gateway: SheetsGateway;
  newSpreadsheet(title?: string): Promise<string>;
  /**
   * The add-on's workbook action (POST …/companies/{companyId}/sheets/{action})
   * as `as` on 10/03/2026, through the route itself: roles, lease and
   * write-back included; no after-commit sync per row.
   */
  call(db: Firestore, companyId: string, action: SheetsAction, as: string, body: unknown): Promise<Answer>;
  stop(): Promise<void>;
}

const NOW = new Date("2026-03-10T11:00:00Z");

/** Backoff of a few milliseconds: the faults are real, the waiting need not be. */
export const FAST_RETRY = { baseMs: 2, maxMs: 20, attempts: 12 };

export async function startSheetsKit(options: SheetsServerOptions = {}): Promise<SheetsKit> {
  const server = await startSheetsServer(options);
  const gateway = new SheetsGateway(createSheetsApi(server.functionsAccess), FAST_RETRY);
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
    call(db, companyId, action, as, body) {
      const route = sheetsRoutes(gateway).find((r) => r.path.endsWith(`/sheets/${action}`))!;
      const ctx: RouteContext = {
        deps: { db, verifier: { verify: async () => ({ email: as }) }, clock: () => NOW, notifier: noopNotifier },
        route: `POST /v1/companies/${companyId}/sheets/${action}`,
        params: { companyId },
        query: {},
        body,
        caller: { email: as },
        idempotencyKey: null,
        now: NOW,
        today: "2026-03-10",
      };
      return route.handle(ctx);
    },
    stop: () => server.stop(),
  };
}
