import type { CallResult } from "../interfaces/result";
import { alertResult } from "./alert-result";
import { callApi } from "./api-client";
import { unreadableAnswer } from "./error-messages";

/** The functions' sync report (`sync` in the answers of sheets/setup, resync and import). */
interface SyncReport {
  status: "synced" | "deferred";
  updatedRows: number;
  newRows: number;
}

interface WorkbookAnswer {
  sync?: SyncReport;
  /** `notice`: a recorded row's warning, also in its « Message » (ImportedRow in the contract). */
  recorded?: { row: number; id?: string; notice?: string }[];
  refused?: { row: number; message?: string }[];
  /** Per sheet title (Acomptes, Factures): what the import did there. */
  sheets?: Record<string, { recorded: unknown[]; refused: unknown[] }>;
}

/** sheets/binding-code: a one-time code to write into this spreadsheet, unless it is already bound to the company. */
interface BindingCodeAnswer {
  alreadyBound: boolean;
  metadataKey?: string;
  code?: string;
}

/**
 * The functions own the workbook layout and write it with the Sheets API
 * (the spreadsheet is shared with their service account), so the add-on only
 * asks them to do it for this spreadsheet.
 */
function workbookCall(action: "resync" | "import"): CallResult<WorkbookAnswer> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  spreadsheet.toast("Opération en cours…", "Acompte", 5);
  return callApi<WorkbookAnswer>({
    method: "post",
    path: `/sheets/${action}`,
    body: { spreadsheetId: spreadsheet.getId() },
    idempotencyKey: Utilities.getUuid(),
  });
}

/**
 * Binding this spreadsheet to the company needs proof that the admin works
 * in it: the add-on, running inside it, writes the one-time code the
 * functions issued into the spreadsheet's developer metadata, visible to
 * Acompte's project only; the functions read it back before binding
 * (docs/workbook-binding.md). A spreadsheet already bound to the company
 * (a repair) needs no code.
 */
function setupCall(): CallResult<WorkbookAnswer> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  spreadsheet.toast("Opération en cours…", "Acompte", 5);
  const body = { spreadsheetId: spreadsheet.getId() };
  const issued = callApi<BindingCodeAnswer>({ method: "post", path: "/sheets/binding-code", body });
  if (!issued.ok) return issued;
  const { alreadyBound, metadataKey, code } = issued.data;
  if (!alreadyBound) {
    if (typeof metadataKey !== "string" || typeof code !== "string") return { ok: false, error: unreadableAnswer(200) };
    try {
      spreadsheet.addDeveloperMetadata(metadataKey, code, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    } catch {
      return {
        ok: false,
        error: {
          code: "BINDING_CODE_NOT_WRITTEN",
          message:
            "Acompte n'a pas pu écrire son code de vérification dans ce classeur : vérifiez que vous pouvez le modifier (et pas seulement le consulter), puis recommencez.",
          retryable: false,
        },
      };
    }
  }
  return callApi<WorkbookAnswer>({
    method: "post",
    path: "/sheets/setup",
    body,
    idempotencyKey: Utilities.getUuid(),
  });
}

export function describeSync(sync: SyncReport | undefined): string {
  if (!sync) return "";
  if (sync.status === "deferred") return " Une mise à jour déjà en cours terminera l'écriture des lignes.";
  const rows = sync.updatedRows + sync.newRows;
  return rows === 0
    ? " Aucune ligne n'avait changé."
    : ` ${rows} ligne${rows > 1 ? "s" : ""} écrite${rows > 1 ? "s" : ""}.`;
}

export function setupWorkbook(): void {
  alertResult(
    "Installer ou réparer le classeur",
    setupCall(),
    (data) => `Le classeur est prêt.${describeSync(data.sync)}`,
  );
}

export function resyncWorkbook(): void {
  alertResult(
    "Resynchroniser le classeur",
    workbookCall("resync"),
    (data) => `Le classeur est à jour.${describeSync(data.sync)}`,
  );
}

export function importTypedRows(): void {
  alertResult("Importer les acomptes et factures saisis", workbookCall("import"), (data) => {
    const recorded = data.recorded?.length ?? 0;
    const refused = data.refused?.length ?? 0;
    const perSheet = Object.entries(data.sheets ?? {})
      .filter(([, sheet]) => sheet.recorded.length > 0)
      .map(([title, sheet]) => `${title} : ${sheet.recorded.length}`);
    const parts = [
      recorded === 0
        ? "Aucune nouvelle ligne à enregistrer."
        : `${recorded} ligne${recorded > 1 ? "s" : ""} enregistrée${recorded > 1 ? "s" : ""}` +
          (perSheet.length > 0 ? ` (${perSheet.join(", ")}).` : "."),
    ];
    if (refused > 0) {
      parts.push(
        `${refused} ligne${refused > 1 ? "s" : ""} refusée${refused > 1 ? "s" : ""} : la colonne « Message » (Acomptes) ou « Statut » (Factures) dit quoi corriger.`,
      );
    }
    // A recorded deposit over its customer's limit, or below the recommended deposit: said in its « Message ».
    const noticed = (data.recorded ?? []).filter((r) => r.notice).length;
    if (noticed > 0) {
      parts.push(
        `${noticed} acompte${noticed > 1 ? "s" : ""} enregistré${noticed > 1 ? "s" : ""} avec une mise en garde (limite du client dépassée ou acompte inférieur à celui recommandé) : voir la colonne « Message » (Acomptes).`,
      );
    }
    return parts.join(" ");
  });
}
