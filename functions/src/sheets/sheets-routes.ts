/**
 * The add-on's workbook actions on the `api` function:
 *   POST /v1/companies/{c}/sheets/binding-code { spreadsheetId }  admin: a one-time code the add-on writes into the
 *                                                                 workbook's developer metadata before setup
 *   POST /v1/companies/{c}/sheets/setup   { spreadsheetId }  admin, Idempotency-Key: binds the workbook to the company
 *                                                            (proven by that code; none needed for a repair), creates
 *                                                            or repairs its layout, fills it
 *   POST /v1/companies/{c}/sheets/resync  { spreadsheetId }  any member: rewrites every row from Firestore
 *   POST /v1/companies/{c}/sheets/import  { spreadsheetId }  requester, accounting: records the deposits typed in `Acomptes`
 *                                                            and (accounting) the invoices and payments typed in `Factures`
 * Resync and import touch only a workbook bound to the company in the path.
 * See docs/workbook-binding.md. The api app adds these to its routes with
 * the gateway it builds.
 */
import { z } from "zod";
import { conflict, notFound } from "../errors/api-error";
import { parseBody } from "../http/body";
import { command, read } from "../http/command";
import type { Route, RouteContext } from "../http/route";
import { ROLES } from "../model/roles";
import { isValidDocumentId } from "../storage/document-id";
import { bindWorkbook, workbookBoundElsewhere, type BindingAnswer } from "./binding/bind-workbook";
import {
  BINDING_METADATA_KEY,
  bindingCodesIn,
  issueBindingCode,
  removeBindingCodes,
  type CodesInWorkbook,
} from "./binding/binding-code";
import { workbookOwner } from "./binding/workbook-registry";
import { importWorkbook, routeRecorders } from "./import/import-workbook";
import { setupWorkbook } from "./layout/setup-workbook";
import type { SheetsGateway } from "./sheets-gateway";
import { httpStatus } from "./retry";
import { syncSpreadsheet } from "./sync/sync-spreadsheet";

const bodySchema = z.strictObject({
  spreadsheetId: z
    .string({ error: "doit être l'identifiant du classeur Google Sheets" })
    .regex(/^[A-Za-z0-9_-]{10,100}$/, { message: "identifiant de classeur invalide" })
    // It becomes a Firestore document id (registry, sync lease): nothing Firestore reserves.
    .refine(isValidDocumentId, { message: "identifiant de classeur invalide" }),
});

/** The spreadsheet of the body, if it is bound to the company in the path; refused in French otherwise. */
async function boundSpreadsheet(ctx: RouteContext): Promise<string> {
  const { spreadsheetId } = parseBody(bodySchema, ctx.body);
  // Bound to another company or to none: the same answer, which tells nothing about other companies.
  if ((await workbookOwner(ctx.deps.db, spreadsheetId)) !== ctx.params.companyId) {
    throw notFound(
      "Ce classeur n'est pas associé à cette société : un administrateur doit d'abord lancer « Installer ou réparer le classeur » depuis ce classeur.",
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
  const unkeyed = (ctx: RouteContext) => ({
    companyId: ctx.params.companyId,
    actor: ctx.caller.email,
    now: ctx.now,
    today: ctx.today,
  });
  return [
    {
      method: "POST",
      path: "/v1/companies/:companyId/sheets/binding-code",
      // Not keyed: a retry issues another code and the unused one expires; keying it would keep the plain code in the
      // idempotency record, where only its hash may be.
      handle: (ctx) =>
        read(ctx, ["admin"], async () => {
          const { spreadsheetId } = parseBody(bodySchema, ctx.body);
          const owner = await workbookOwner(ctx.deps.db, spreadsheetId);
          if (owner === ctx.params.companyId) return { status: 200, body: { spreadsheetId, alreadyBound: true } };
          if (owner) throw workbookBoundElsewhere();
          const issued = await issueBindingCode(ctx.deps.db, unkeyed(ctx), spreadsheetId);
          return {
            status: 201,
            body: {
              spreadsheetId,
              alreadyBound: false,
              metadataKey: BINDING_METADATA_KEY,
              code: issued.code,
              expiresAt: issued.expiresAt.toISOString(),
            },
          };
        }),
    },
    {
      method: "POST",
      path: "/v1/companies/:companyId/sheets/setup",
      handle: (ctx) =>
        read(ctx, ["admin"], async () => {
          const { spreadsheetId } = parseBody(bodySchema, ctx.body);
          const owner = await workbookOwner(ctx.deps.db, spreadsheetId);
          if (owner && owner !== ctx.params.companyId) throw workbookBoundElsewhere();
          // A new binding needs the code the add-on wrote into the workbook, read with the functions' own access
          // before the transaction (no remote call inside it); a repair of the company's own workbook needs none.
          const found: CodesInWorkbook = owner
            ? { codes: [], metadataIds: [] }
            : await sheetsAccess(() => bindingCodesIn(gateway, spreadsheetId));
          const bound = await command(ctx, ["admin"], async (uow) => ({
            status: 200,
            body: await bindWorkbook(uow, spreadsheetId, { kind: "codes", codes: found.codes }),
          }));
          // Bound (now or before): only then is anything written to the workbook.
          const setup = await sheetsAccess(() => setupWorkbook(gateway, spreadsheetId));
          if (found.metadataIds.length > 0) {
            await removeBindingCodes(gateway, spreadsheetId, found.metadataIds).catch((error: unknown) =>
              console.error(`binding codes of ${spreadsheetId} not removed; they are spent or expire`, error),
            );
          }
          const sync = await syncSpreadsheet(syncDeps(ctx), ctx.params.companyId, spreadsheetId, {
            waitForLeaseMs: 30_000,
          });
          return {
            status: 200,
            body: { ...(bound.body as BindingAnswer), layoutChanges: setup.requests, sync },
          };
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
