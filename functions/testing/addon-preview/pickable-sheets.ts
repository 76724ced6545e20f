/** The sheets whose selected row the add-on acts on, with the columns a person recognises a row by. */
export const DEPOSITS_SHEET = "Acomptes";

export const PICKABLE_SHEETS: Record<string, string[]> = {
  [DEPOSITS_SHEET]: ["Facture d'acompte", "Client", "Commande", "Acompte TTC", "Statut"],
  Échéancier: ["Avoir", "Client", "Échéance", "Date d'échéance", "Montant", "Statut"],
  Factures: ["Numéro", "Type", "Client", "Reste dû", "Statut"],
};

export function pickable(sheet: unknown): sheet is string {
  return typeof sheet === "string" && Object.hasOwn(PICKABLE_SHEETS, sheet);
}
