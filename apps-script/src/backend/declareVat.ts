import type { VatSheetAnswer } from "../interfaces/api";
import { callApi } from "./api-client";
import { describeFecRefusal } from "./exportFec";

const TITLE = "Déclaration de TVA";

/**
 * What a person types for the period: a quarter (`2026-T1`, `T1 2026`, or
 * `2026-Q1`) or a month (`2026-03` or `03/2026`); null for anything else.
 */
export function vatPeriodQuery(typed: string): { period: string } | { month: string } | null {
  const text = typed.trim().toUpperCase();
  const quarter = /^(\d{4})\s*-?\s*[TQ]([1-4])$/.exec(text) ?? /^[TQ]([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(text);
  if (quarter) {
    const [year, n] = /^\d{4}$/.test(quarter[1]) ? [quarter[1], quarter[2]] : [quarter[2], quarter[1]];
    return { period: `${year}-Q${n}` };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(text) ?? /^(\d{2})\/(\d{4})$/.exec(text);
  if (month) {
    const [year, mm] = month[1].length === 4 ? [month[1], month[2]] : [month[2], month[1]];
    return { month: `${year}-${mm}` };
  }
  return null;
}

/**
 * Admins and accounting approvers: asks the quarter or month, has the
 * functions write its VAT return figures into the `TVA` sheet of this
 * workbook, and says what to check before filing.
 */
export function declareVat(): void {
  const ui = SpreadsheetApp.getUi();
  const asked = ui.prompt(
    TITLE,
    "Période à déclarer : un trimestre (par exemple 2026-T1) ou un mois (par exemple 2026-03) :",
    ui.ButtonSet.OK_CANCEL,
  );
  if (asked.getSelectedButton() !== ui.Button.OK) return;
  const query = vatPeriodQuery(asked.getResponseText());
  if (!query) {
    ui.alert(TITLE, "Indiquez un trimestre comme 2026-T1 ou un mois comme 2026-03.", ui.ButtonSet.OK);
    return;
  }
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  spreadsheet.toast("Calcul de la déclaration de TVA…", "Acompte", 5);
  const result = callApi<VatSheetAnswer>({
    method: "post",
    path: "/sheets/vat-return",
    body: { spreadsheetId: spreadsheet.getId(), ...query },
  });
  if (!result.ok) {
    ui.alert(TITLE, describeFecRefusal(result.error.message, result.error.details), ui.ButtonSet.OK);
    return;
  }
  const { period, warnings } = result.data;
  const checks = warnings.length
    ? `\n\nÀ vérifier avant de déclarer :\n${warnings.map((w) => `- ${w}`).join("\n")}`
    : "";
  ui.alert(
    TITLE,
    `La feuille « TVA » présente la déclaration de ${period} : lignes de la CA3, bases et TVA par taux et par origine, avec les pièces, égales aux mouvements du compte 44571.${checks}`,
    ui.ButtonSet.OK,
  );
}
