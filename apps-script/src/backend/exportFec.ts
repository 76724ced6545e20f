import { downloadApi, type DownloadedFile } from "./api-client";
import { downloadPage } from "./download-page";

const TITLE = "Exporter le FEC";
/** The problems listed in the dialog when the export is refused; the rest are counted. */
const SHOWN = 10;

/** A refusal with the problems the tax office's test tool would find, as the functions list them. */
export function describeFecRefusal(message: string, details: { message: string }[] = []): string {
  if (details.length === 0) return message;
  const more = details.length > SHOWN ? `\n… et ${details.length - SHOWN} autre(s).` : "";
  return `${message}\n${details
    .slice(0, SHOWN)
    .map((d) => `- ${d.message}`)
    .join("\n")}${more}`;
}

/** The dialog that hands the file to the browser: a download link carrying the file itself. */
export function fecDownloadPage(file: DownloadedFile, year: string): string {
  const lines = Math.max(0, file.text.split("\r\n").length - 2);
  return downloadPage(
    `Le FEC de l'exercice clos en ${year} est prêt : ${lines.toLocaleString("fr-FR")} ligne(s) d'écritures, contrôlées comme le fait l'outil de test de l'administration.`,
    file,
    "text/plain",
  );
}

/** Admins and accounting approvers: asks the fiscal year (the year it closes in), then offers its FEC for download. */
export function exportFec(): void {
  const ui = SpreadsheetApp.getUi();
  const asked = ui.prompt(
    TITLE,
    "Exercice à exporter : son année de clôture (par exemple 2026), à la date de clôture des paramètres de l'entreprise :",
    ui.ButtonSet.OK_CANCEL,
  );
  if (asked.getSelectedButton() !== ui.Button.OK) return;
  const year = asked.getResponseText().trim();
  if (!/^\d{4}$/.test(year)) {
    ui.alert(
      TITLE,
      "Indiquez l'année de clôture de l'exercice sur quatre chiffres, par exemple 2026.",
      ui.ButtonSet.OK,
    );
    return;
  }
  const result = downloadApi({ method: "get", path: "/fec", query: { year } });
  if (!result.ok) {
    ui.alert(TITLE, describeFecRefusal(result.error.message, result.error.details), ui.ButtonSet.OK);
    return;
  }
  const page = HtmlService.createHtmlOutput(fecDownloadPage(result.data, year)).setWidth(420).setHeight(160);
  ui.showModalDialog(page, TITLE);
}
