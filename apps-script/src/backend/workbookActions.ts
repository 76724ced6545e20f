import type { CallResult } from "../interfaces/result";
import { alertResult } from "./alert-result";
import { callApi } from "./api-client";

interface WorkbookAnswer {
  sheets?: string[];
  rows?: number;
}

/**
 * The functions own the workbook layout and write it with the Sheets API
 * (the spreadsheet is shared with their service account), so the add-on only
 * asks them to do it for this spreadsheet.
 */
function workbookCall(action: "setup" | "resync"): CallResult<WorkbookAnswer> {
  SpreadsheetApp.getActiveSpreadsheet().toast("Opération en cours…", "Acompte", 5);
  return callApi<WorkbookAnswer>({
    method: "post",
    path: `/sheets/${action}`,
    body: { spreadsheetId: SpreadsheetApp.getActiveSpreadsheet().getId() },
    idempotencyKey: Utilities.getUuid(),
  });
}

export function setupWorkbook(): void {
  alertResult("Installer ou réparer le classeur", workbookCall("setup"), (data) =>
    data.sheets?.length
      ? `Le classeur est prêt. Feuilles vérifiées : ${data.sheets.join(", ")}.`
      : "Le classeur est prêt.",
  );
}

export function resyncWorkbook(): void {
  alertResult("Resynchroniser le classeur", workbookCall("resync"), (data) =>
    typeof data.rows === "number" ? `Le classeur est à jour (${data.rows} lignes écrites).` : "Le classeur est à jour.",
  );
}
