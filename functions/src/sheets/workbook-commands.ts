/**
 * The add-on's workbook actions, as commands of the application layer
 * (http/routes/workbook.ts gives them their paths):
 *   POST /v1/companies/{c}/sheets/binding-code { spreadsheetId }  admin: a one-time code the add-on writes into the
 *                                                                 workbook's developer metadata before setup
 *   POST /v1/companies/{c}/sheets/setup   { spreadsheetId }  admin, Idempotency-Key: binds the workbook to the company
 *                                                            (proven by that code; none needed for a repair), creates
 *                                                            or repairs its layout, fills it
 *   POST /v1/companies/{c}/sheets/resync  { spreadsheetId }  any member: rewrites every row from Firestore
 *   POST /v1/companies/{c}/sheets/import  { spreadsheetId }  requester, accounting: records the deposits typed in `Acomptes`
 *                                                            and (accounting) the invoices and payments typed in `Factures`
 *   POST /v1/companies/{c}/sheets/vat-return { spreadsheetId, period | month }  admin, accounting: writes the VAT return
 *                                                            figures of a quarter or month into the `TVA` sheet
 * Resync and import touch only a workbook bound to the company in the path.
 * See docs/workbook-binding.md. The api app adds these to its routes with
 * the gateway it builds (app/api-app.ts).
 */
import { z } from "zod";
import { conflict, notFound } from "../errors/api-error";
import type { BindingCode, VatSheetAnswer, WorkbookImport, WorkbookResync, WorkbookSetup } from "../contract";
import { vatPeriod } from "../domain";
import { vatReturnQuerySchema } from "../application/commands/vat-return";
import { settingsOf } from "../workflow/company-settings";
import { computeVatReturn } from "../workflow/vat-return";
import { writeVatSheet } from "./vat-sheet";
import { defineChange, defineRead, type Invocation, type ReadCommand } from "../application/command";
import { executeChange } from "../application/execute";
import { parseBody } from "../application/parse-body";
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
import { commandRecorders, importWorkbook } from "./import/import-workbook";
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

/** The VAT sheet's body: the spreadsheet and the period, a quarter (`2026-Q1`) or a month (`2026-03`). */
const vatBodySchema = bodySchema.extend(vatReturnQuerySchema.shape);

/** The spreadsheet of the body, if it is bound to the company in the path; refused in French otherwise. */
async function boundSpreadsheet(
  invocation: Invocation,
  schema: z.ZodType<{ spreadsheetId: string }> = bodySchema,
): Promise<string> {
  const { spreadsheetId } = parseBody(schema, invocation.body);
  // Bound to another company or to none: the same answer, which tells nothing about other companies.
  if ((await workbookOwner(invocation.db, spreadsheetId)) !== invocation.params.companyId) {
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

export interface WorkbookCommands {
  bindingCode: ReadCommand;
  setup: ReadCommand;
  resync: ReadCommand;
  import: ReadCommand;
  vatReturn: ReadCommand;
}

export function workbookCommands(gateway: SheetsGateway): WorkbookCommands {
  const syncDeps = (inv: Invocation) => ({ db: inv.db, gateway, now: () => inv.now });
  const unkeyed = (inv: Invocation) => ({
    companyId: inv.params.companyId,
    actor: inv.caller.email,
    now: inv.now,
    today: inv.today,
  });
  return {
    bindingCode: defineRead({
      name: "workbook.binding_code",
      summary:
        "A one-time code the add-on writes into the workbook's developer metadata before setup (none if already bound).",
      roles: ["admin"],
      body: bodySchema,
      answer: "BindingCode",
      // Not keyed: a retry issues another code and the unused one expires; keying it would keep the plain code in the
      // idempotency record, where only its hash may be.
      handler: async (_access, _reader, inv) => {
        const { spreadsheetId } = parseBody(bodySchema, inv.body);
        const owner = await workbookOwner(inv.db, spreadsheetId);
        if (owner === inv.params.companyId) {
          const bound: BindingCode = { spreadsheetId, alreadyBound: true };
          return { status: 200, body: bound };
        }
        if (owner) throw workbookBoundElsewhere();
        const issued = await issueBindingCode(inv.db, unkeyed(inv), spreadsheetId);
        const code: BindingCode = {
          spreadsheetId,
          alreadyBound: false,
          metadataKey: BINDING_METADATA_KEY,
          code: issued.code,
          expiresAt: issued.expiresAt.toISOString(),
        };
        return { status: 201, body: code };
      },
    }),
    setup: defineRead({
      name: "workbook.setup",
      summary:
        "Binds the workbook to the company (proven by the binding code; none for a repair), creates or repairs its layout, fills it. Keyed: Idempotency-Key.",
      roles: ["admin"],
      body: bodySchema,
      answer: "WorkbookSetup",
      handler: async (_access, _reader, inv) => {
        const { spreadsheetId } = parseBody(bodySchema, inv.body);
        const owner = await workbookOwner(inv.db, spreadsheetId);
        if (owner && owner !== inv.params.companyId) throw workbookBoundElsewhere();
        // A new binding needs the code the add-on wrote into the workbook, read with the functions' own access
        // before the transaction (no remote call inside it); a repair of the company's own workbook needs none.
        const found: CodesInWorkbook = owner
          ? { codes: [], metadataIds: [] }
          : await sheetsAccess(() => bindingCodesIn(gateway, spreadsheetId));
        // The body was checked above, by a member: nothing more to check before the transaction.
        const bound = await executeChange(
          defineChange({
            name: "workbook.bind",
            summary: "Binds the workbook to the company.",
            roles: ["admin"],
            body: bodySchema,
            status: 200,
            answer: "BindingAnswer",
            input: () => spreadsheetId,
            handler: (uow, _access, id) => bindWorkbook(uow, id, { kind: "codes", codes: found.codes }),
            present: (answer) => answer,
          }),
          inv,
        );
        // Bound (now or before): only then is anything written to the workbook.
        const setup = await sheetsAccess(() => setupWorkbook(gateway, spreadsheetId));
        if (found.metadataIds.length > 0) {
          await removeBindingCodes(gateway, spreadsheetId, found.metadataIds).catch((error: unknown) =>
            console.error(`binding codes of ${spreadsheetId} not removed; they are spent or expire`, error),
          );
        }
        const sync = await syncSpreadsheet(syncDeps(inv), inv.params.companyId, spreadsheetId, {
          waitForLeaseMs: 30_000,
        });
        const answer: WorkbookSetup = { ...(bound.body as BindingAnswer), layoutChanges: setup.requests, sync };
        return { status: 200, body: answer };
      },
    }),
    resync: defineRead({
      name: "workbook.resync",
      summary: "Rewrites every row of the company's bound workbook from Firestore.",
      roles: ROLES,
      body: bodySchema,
      answer: "WorkbookResync",
      handler: async (_access, _reader, inv) => {
        const spreadsheetId = await boundSpreadsheet(inv);
        const sync = await syncSpreadsheet(syncDeps(inv), inv.params.companyId, spreadsheetId, {
          waitForLeaseMs: 30_000,
        });
        const answer: WorkbookResync = { spreadsheetId, sync };
        return { status: 200, body: answer };
      },
    }),
    import: defineRead({
      name: "workbook.import",
      summary:
        "Records the deposits typed in `Acomptes`, (accounting) the invoices and payments typed in `Factures`, and (accounting) the customers typed or changed in `Clients`, through the same commands.",
      roles: ["requester", "accounting_approver"],
      body: bodySchema,
      answer: "WorkbookImport",
      handler: async (_access, _reader, inv) => {
        const spreadsheetId = await boundSpreadsheet(inv);
        const result = await importWorkbook(syncDeps(inv), inv.params.companyId, spreadsheetId, commandRecorders(inv));
        const answer: WorkbookImport = { spreadsheetId, ...result };
        return { status: 200, body: answer };
      },
    }),
    vatReturn: defineRead({
      name: "workbook.vat_return",
      summary:
        "Writes the VAT return figures of a quarter (`period`) or a month (`month`) into the bound workbook's `TVA` sheet, created when missing.",
      roles: ["admin", "accounting_approver"],
      body: vatBodySchema,
      answer: "VatSheetAnswer",
      handler: async (access, _reader, inv) => {
        const { period, month } = parseBody(vatBodySchema, inv.body);
        const asked = vatPeriod({ period, month });
        const spreadsheetId = await boundSpreadsheet(inv, vatBodySchema);
        const result = await computeVatReturn(inv.db, inv.params.companyId, asked, settingsOf(access));
        const { rows } = await sheetsAccess(() => writeVatSheet(gateway, spreadsheetId, result));
        const answer: VatSheetAnswer = {
          spreadsheetId,
          sheet: "TVA",
          rows,
          period: result.period.label,
          vat: result.total.vat,
          warnings: result.warnings,
        };
        return { status: 200, body: answer };
      },
    }),
  };
}
