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

export function importDeposits(): void {
  alertResult("Importer les acomptes saisis", workbookCall("import"), (data) => {
    const recorded = data.recorded?.length ?? 0;
    const refused = data.refused?.length ?? 0;
    const parts = [
      recorded === 0
        ? "Aucun nouvel acompte à enregistrer."
        : `${recorded} acompte${recorded > 1 ? "s" : ""} enregistré${recorded > 1 ? "s" : ""}.`,
    ];
    if (refused > 0) {
      parts.push(
        `${refused} ligne${refused > 1 ? "s" : ""} refusée${refused > 1 ? "s" : ""} : la colonne « Message » de la feuille « Acomptes » dit quoi corriger.`,
      );
    }
    return parts.join(" ");
  });
}
