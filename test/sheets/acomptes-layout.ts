/**
 * Typed `Acomptes` rows for the tests, by header rather than by position:
 * the values a person types, in the order the fixtures list them, placed
 * under their headers in the layout's order (workbook-spec.ts ACOMPTES).
 */
import { columnLetter } from "../../functions/src/sheets/layout/a1";
import { columnIndexOf } from "../../functions/src/sheets/layout/sheet-spec";
import { ACOMPTES } from "../../functions/src/sheets/layout/workbook-spec";

/** The order the fixtures give typed values in. */
export const TYPED_ORDER = [
  "Client",
  "Type de client",
  "SIREN",
  "E-mail",
  "Commande",
  "Nature",
  "Livraison",
  "Taux TVA",
  "Commande HT",
  "Acompte (%)",
  "Acompte TTC",
  "Date d'encaissement",
  "Moyen de paiement",
] as const;

const LAST = columnLetter(ACOMPTES.columns.length - 1);

/** Full-width rows in the layout's order: each typed value under its header, the computed columns empty. */
export function acomptesRows(typed: readonly (readonly (string | number)[])[]): (string | number)[][] {
  return typed.map((values) => {
    const row: (string | number)[] = ACOMPTES.columns.map(() => "");
    TYPED_ORDER.forEach((header, i) => (row[columnIndexOf(ACOMPTES, header)] = values[i] ?? ""));
    return row;
  });
}

/** `'Acomptes'!A2:V3`: whole rows `from` to `to` (to omitted: to the end). */
export const acomptesRange = (from: number, to?: number) => `'Acomptes'!A${from}:${LAST}${to ?? ""}`;

/** `'Acomptes'!D3`: the cell under `header` in row `row`. */
export const acomptesCell = (header: string, row: number) =>
  `'Acomptes'!${columnLetter(columnIndexOf(ACOMPTES, header))}${row}`;

/** The column under `header`, from `from` down (`'Acomptes'!V2:V`). */
export const acomptesColumn = (header: string, from = 2) => {
  const letter = columnLetter(columnIndexOf(ACOMPTES, header));
  return `'Acomptes'!${letter}${from}:${letter}`;
};

/** Where `header` sits in a full row. */
export const acomptesIndex = (header: string) => columnIndexOf(ACOMPTES, header);

/** A full row read back, as header → value (empty cells as ""). */
export function acomptesRecord(row: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(ACOMPTES.columns.map((c, i) => [c.header, row[i] ?? ""]));
}
