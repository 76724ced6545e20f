/** A local Sheets server and a gateway on it, for the tests of this folder. */
import type { Firestore } from "@google-cloud/firestore";
import { randomUUID } from "node:crypto";
import { noopNotifier } from "../../functions/src/application/ports/change-notifier";
import { parisDay } from "../../functions/src/domain/dates/calendar-day";
import type { Answer, RouteContext } from "../../functions/src/http/route";
import { sheetsRoutes } from "../../functions/src/app/api-app";
import { startSheetsServer, type SheetsServer, type SheetsServerOptions } from "../../functions/testing/sheets-server";
import { ACOMPTE_PROJECT, localAccessToken } from "../../functions/testing/sheets-server/access";
import { createSheetsApi, type SheetsApi } from "../../functions/src/sheets/sheets-api";
import { SheetsGateway } from "../../functions/src/sheets/sheets-gateway";
import { CompanyQueue } from "../../functions/src/storage/company-queue";

export type SheetsAction = "binding-code" | "setup" | "resync" | "import" | "vat-return";

export interface SheetsKit {
  server: SheetsServer;
  gateway: SheetsGateway;
  newSpreadsheet(title?: string): Promise<string>;
  /**
   * The add-on's workbook action (POST …/companies/{companyId}/sheets/{action})
   * as `as` on 10/03/2026, through the route itself: roles, lease and
   * write-back included; no after-commit sync per row. A fresh
   * Idempotency-Key unless `options.key` says otherwise (null: none);
   * `options.now` moves the clock.
   */
  call(
    db: Firestore,
    companyId: string,
    action: SheetsAction,
    as: string,
    body: unknown,
    options?: { key?: string | null; now?: Date },
  ): Promise<Answer>;
  /** The Sheets API as the add-on reaches it for `as`: Apps Script in Acompte's project (or `project`). */
  addonApi(as: string, project?: string): SheetsApi;
  /**
   * « Installer ou réparer le classeur » as the add-on runs it for `as`:
   * asks for a binding code, writes it into the workbook's developer
   * metadata, calls setup. Returns the setup's answer (or throws its refusal).
   */
  setupAsAddon(db: Firestore, companyId: string, as: string, spreadsheetId: string): Promise<Answer>;
  stop(): Promise<void>;
}

/** The clock of `call` unless told otherwise. */
export const KIT_NOW = new Date("2026-03-10T11:00:00Z");

/** Backoff of a few milliseconds: the faults are real, the waiting need not be. */
export const FAST_RETRY = { baseMs: 2, maxMs: 20, attempts: 12 };

export async function startSheetsKit(options: SheetsServerOptions = {}): Promise<SheetsKit> {
  const server = await startSheetsServer(options);
  const gateway = new SheetsGateway(createSheetsApi(server.functionsAccess), FAST_RETRY);
  // One queue for the kit's calls, as one api instance has.
  const companyQueue = new CompanyQueue();
  const kit: SheetsKit = {
    server,
    gateway,
    async newSpreadsheet(title = "Classeur de test") {
      const rate = options.faultRate ?? 0;
      server.setFaultRate(0);
      const res = await gateway.api.spreadsheets.create({ requestBody: { properties: { title } } });
      server.setFaultRate(rate);
      return res.data.spreadsheetId!;
    },
    call(db, companyId, action, as, body, { key = randomUUID(), now = KIT_NOW } = {}) {
      const route = sheetsRoutes(gateway).find((r) => r.path.endsWith(`/sheets/${action}`))!;
      const ctx: RouteContext = {
        deps: {
          db,
          verifier: { verify: async () => ({ email: as }) },
          clock: () => now,
          notifier: noopNotifier,
          companyQueue,
        },
        route: `POST /v1/companies/${companyId}/sheets/${action}`,
        params: { companyId },
        query: {},
        body,
        caller: { email: as },
        idempotencyKey: key,
        now,
        today: parisDay(now),
      };
      return route.handle(ctx);
    },
    addonApi(as, project = ACOMPTE_PROJECT) {
      return createSheetsApi({ rootUrl: server.url, accessToken: localAccessToken(project, as) });
    },
    async setupAsAddon(db, companyId, as, spreadsheetId) {
      const issued = (await kit.call(db, companyId, "binding-code", as, { spreadsheetId }, { key: null })).body as {
        code?: string;
        metadataKey?: string;
      };
      if (issued.code) {
        await kit.addonApi(as).spreadsheets.batchUpdate({
          spreadsheetId,
          requestBody: {
            requests: [
              {
                createDeveloperMetadata: {
                  developerMetadata: {
                    metadataKey: issued.metadataKey,
                    metadataValue: issued.code,
                    visibility: "PROJECT",
                    location: { spreadsheet: true },
                  },
                },
              },
            ],
          },
        });
      }
      return kit.call(db, companyId, "setup", as, { spreadsheetId });
    },
    stop: () => server.stop(),
  };
  return kit;
}
