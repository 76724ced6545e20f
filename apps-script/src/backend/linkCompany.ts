import type { Me } from "../interfaces/api";
import { callApi } from "./api-client";
import { PROPERTY } from "./config";

/**
 * Binds this spreadsheet to a company (Document Properties, so each
 * spreadsheet keeps its own). The functions still check membership on every
 * call; the check below only tells the user at once whether the id is right.
 */
export function linkCompany(): void {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(
    "Associer ce classeur à une société",
    "Identifiant de la société dans Acompte (fourni par votre administrateur) :",
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const companyId = answer.getResponseText().trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(companyId)) {
    ui.alert(
      "Identifiant invalide",
      "Utilisez uniquement des lettres, chiffres, tirets et soulignés.",
      ui.ButtonSet.OK,
    );
    return;
  }
  const properties = PropertiesService.getDocumentProperties();
  const previous = properties.getProperty(PROPERTY.companyId);
  properties.setProperty(PROPERTY.companyId, companyId);
  const me = callApi<Me>({ method: "get", path: "/me" });
  if (!me.ok) {
    if (previous) properties.setProperty(PROPERTY.companyId, previous);
    else properties.deleteProperty(PROPERTY.companyId);
    ui.alert("Association impossible", me.error.message, ui.ButtonSet.OK);
    return;
  }
  ui.alert("Classeur associé", `Ce classeur est associé à la société ${companyId}.`, ui.ButtonSet.OK);
}
