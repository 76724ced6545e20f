import type { CallResult } from "../interfaces/result";
import { alertResult } from "./alert-result";
import { callApi } from "./api-client";

/** The functions' sync report (`sync` in the answers of sheets/setup, resync and import). */
interface SyncReport {
  status: "synced" | "deferred";
  updatedRows: number;
  newRows: number;
}

interface WorkbookAnswer {
  sync?: SyncReport;
  recorded?: { row: number; id?: string }[];
  refused?: { row: number; message?: string }[];
  /** Per sheet title (Acomptes, Factures): what the import did there. */
  sheets?: Record<string, { recorded: unknown[]; refused: unknown[] }>;
}

/**
 * The functions own the workbook layout and write it with the Sheets API
 * (the spreadsheet is shared with their service account), so the add-on only
 * asks them to do it for this spreadsheet.
 */
function workbookCall(action: "setup" | "resync" | "import"): CallResult<WorkbookAnswer> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  spreadsheet.toast("Opération en cours…", "Acompte", 5);
  return callApi<WorkbookAnswer>({
    method: "post",
    path: `/sheets/${action}`,
    body: { spreadsheetId: spreadsheet.getId() },
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
    workbookCall("setup"),
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
    return parts.join(" ");
  });
}
