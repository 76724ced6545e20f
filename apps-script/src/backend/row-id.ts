/**
 * Reads a row of a sheet the functions write, by header rather than by
 * position: they key every row by the document's id, and the add-on only
 * needs that id (and sometimes a cell to name the row), so other columns may
 * move freely.
 */

/** Headers, compared without case or accents, that hold the document id. */
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

/** The text under `header` in `row`, trimmed; empty when the sheet has no such column. */
export function cellUnder(headers: unknown[], row: unknown[], header: string): string {
  const column = headers.map(normalizeHeader).indexOf(normalizeHeader(header));
  return column < 0 ? "" : String(row[column] ?? "").trim();
}

export type IdReading = { ok: true; id: string } | { ok: false; problem: string };

/** `withoutId` says what a row without id is in this sheet and what to do about it. */
export function idFromRow(sheet: string, headers: unknown[], row: unknown[], withoutId: string): IdReading {
  const column = idColumnIndex(headers);
  if (column < 0) {
    return {
      ok: false,
      problem: `La feuille « ${sheet} » n'a pas de colonne d'identifiant. Utilisez Extensions › Acompte › Installer ou réparer le classeur.`,
    };
  }
  const id = String(row[column] ?? "").trim();
  return id ? { ok: true, id } : { ok: false, problem: withoutId };
}
