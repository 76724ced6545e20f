/**
 * The add-on's workbook actions on the `api` function:
 *   POST /v1/companies/{c}/sheets/setup   { spreadsheetId }  admin: binds the workbook to the company, creates or repairs its layout, fills it
 *   POST /v1/companies/{c}/sheets/resync  { spreadsheetId }  any member: rewrites every row from Firestore
 *   POST /v1/companies/{c}/sheets/import  { spreadsheetId }  requester, accounting: records the deposits typed in `Acomptes`
 *                                                            and (accounting) the invoices and payments typed in `Factures`
 * The api app adds these to its routes with the gateway it builds.
 */
import { FieldValue } from "@google-cloud/firestore";
import { z } from "zod";
import { conflict, notFound } from "../errors/api-error";
import { parseBody } from "../http/body";
import { read } from "../http/command";
import type { Route, RouteContext } from "../http/route";
import { COMPANIES } from "../model/collections";
import { ROLES } from "../model/roles";
import { importWorkbook, routeRecorders } from "./import/import-workbook";
import { setupWorkbook } from "./layout/setup-workbook";
import type { SheetsGateway } from "./sheets-gateway";
import { httpStatus } from "./retry";
import { companySpreadsheets } from "./sync/sync-company";
import { syncSpreadsheet } from "./sync/sync-spreadsheet";

const bodySchema = z.strictObject({
  spreadsheetId: z
    .string({ error: "doit être l'identifiant du classeur Google Sheets" })
    .regex(/^[A-Za-z0-9_-]{10,100}$/, { message: "identifiant de classeur invalide" }),
});

async function boundSpreadsheet(ctx: RouteContext): Promise<string> {
  const { spreadsheetId } = parseBody(bodySchema, ctx.body);
  const bound = await companySpreadsheets(ctx.deps, ctx.params.companyId);
  if (!bound.includes(spreadsheetId)) {
    throw notFound(
      "Ce classeur n'est pas associé à cette société : un administrateur doit d'abord lancer « Installer ou réparer le classeur ».",
    );
  }
  return spreadsheetId;
}

/** Sheets refusals a person can fix, in French; anything else stays an internal error. */
async function sheetsAccess<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const status = httpStatus(error);
    if (status === 403 || status === 401) {
      throw conflict(
        "SHEET_NOT_SHARED",
        "Acompte n'a pas accès à ce classeur : partagez-le en tant qu'éditeur avec le compte de service des fonctions, puis recommencez.",
      );
    }
    if (status === 404) throw notFound("Classeur Google Sheets introuvable : vérifiez qu'il existe toujours.");
    throw error;
  }
}

export function sheetsRoutes(gateway: SheetsGateway): Route[] {
  const syncDeps = (ctx: RouteContext) => ({ db: ctx.deps.db, gateway, now: () => ctx.now });
  return [
    {
      method: "POST",
      path: "/v1/companies/:companyId/sheets/setup",
      handle: (ctx) =>
        read(ctx, ["admin"], async () => {
          const { spreadsheetId } = parseBody(bodySchema, ctx.body);
          const setup = await sheetsAccess(() => setupWorkbook(gateway, spreadsheetId));
          await ctx.deps.db
            .collection(COMPANIES)
            .doc(ctx.params.companyId)
            .update({ spreadsheetIds: FieldValue.arrayUnion(spreadsheetId) });
          const sync = await syncSpreadsheet(syncDeps(ctx), ctx.params.companyId, spreadsheetId, {
            waitForLeaseMs: 30_000,
          });
          return { status: 200, body: { spreadsheetId, layoutChanges: setup.requests, sync } };
        }),
    },
    {
      method: "POST",
      path: "/v1/companies/:companyId/sheets/resync",
      handle: (ctx) =>
        read(ctx, ROLES, async () => {
          const spreadsheetId = await boundSpreadsheet(ctx);
          const sync = await syncSpreadsheet(syncDeps(ctx), ctx.params.companyId, spreadsheetId, {
            waitForLeaseMs: 30_000,
          });
          return { status: 200, body: { spreadsheetId, sync } };
        }),
    },
    {
      method: "POST",
      path: "/v1/companies/:companyId/sheets/import",
      handle: (ctx) =>
        read(ctx, ["requester", "accounting_approver"], async () => {
          const spreadsheetId = await boundSpreadsheet(ctx);
          const result = await importWorkbook(syncDeps(ctx), ctx.params.companyId, spreadsheetId, routeRecorders(ctx));
          return { status: 200, body: { spreadsheetId, ...result } };
        }),
    },
  ];
}
