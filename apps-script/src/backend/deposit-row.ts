/**
 * Finds the deposit id in a row of the `Acomptes` sheet. The functions write
 * that sheet keyed by document id; the add-on only needs the id and asks the
 * API for the rest, so the sheet's other columns may move freely.
 */
export const DEPOSITS_SHEET = "Acomptes";

/** Headers, compared without case or accents, that hold the deposit's document id. */
const ID_HEADERS = ["id", "identifiant", "id acompte", "identifiant acompte", "id (ne pas modifier)"];

export function normalizeHeader(text: unknown): string {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export function idColumnIndex(headers: unknown[]): number {
  const normalized = headers.map(normalizeHeader);
  return normalized.findIndex((h) => ID_HEADERS.includes(h));
}

export type RowReading = { ok: true; depositId: string } | { ok: false; problem: string };

export function depositIdFromRow(headers: unknown[], row: unknown[]): RowReading {
  const column = idColumnIndex(headers);
  if (column < 0) {
    return {
      ok: false,
      problem:
        "La feuille « Acomptes » n'a pas de colonne d'identifiant. Utilisez Extensions › Acompte › Installer ou réparer le classeur.",
    };
  }
  const id = String(row[column] ?? "").trim();
  if (!id) {
    return {
      ok: false,
      problem:
        "Cette ligne n'est pas encore enregistrée (pas d'identifiant). Importez-la ou choisissez une autre ligne.",
    };
  }
  return { ok: true, depositId: id };
}
