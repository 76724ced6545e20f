/**
 * What a managed sheet looks like: its French title, columns (header,
 * kind, width), which columns Acompte computes (protected, warning only)
 * and the status colours. One column, headed ID_HEADER, holds the
 * document id the sync keys rows by: a technical id, so it comes last where
 * people read the document numbers (a sheet typed by people may keep it
 * first), computed hence protected.
 */

export const ID_HEADER = "Identifiant";
export type ColumnKind = "text" | "money" | "date" | "datetime" | "int" | "percent";

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  width: number;
  /** Filled by Acompte: a person editing it gets a warning. */
  computed: boolean;
}

export interface StatusColour {
  label: string;
  /** RGB 0–1, as the Sheets API wants it. */
  colour: { red: number; green: number; blue: number };
  /** Colour cells that begin with the label (e.g. « Erreur : … ») rather than equal it. */
  prefix?: boolean;
}

export interface SheetSpec {
  title: string;
  columns: ColumnSpec[];
  /** Header of the column coloured by status, if any. */
  statusColumn?: string;
  statusColours?: StatusColour[];
  /**
   * Written by Acompte alone, rows only ever appended: the whole sheet is
   * protected for real (not a warning), so only the spreadsheet's owner and
   * the account Acompte writes with may edit it.
   */
  locked?: boolean;
}

export const col = (header: string, kind: ColumnKind, width: number, computed = true): ColumnSpec => ({
  header,
  kind,
  width,
  computed,
});

export const GREEN = { red: 0.85, green: 0.94, blue: 0.83 };
export const AMBER = { red: 1, green: 0.95, blue: 0.8 };
export const RED = { red: 0.96, green: 0.8, blue: 0.8 };
export const GREY = { red: 0.9, green: 0.9, blue: 0.9 };
export const BLUE = { red: 0.81, green: 0.89, blue: 0.95 };

/** Number formats shown in the fr_FR locale: `3 600,00 €`, `15/01/2026`. */
export function numberFormat(kind: ColumnKind): { type: string; pattern?: string } {
  switch (kind) {
    case "money":
      return { type: "CURRENCY", pattern: '#,##0.00 "€"' };
    case "date":
      return { type: "DATE", pattern: "dd/mm/yyyy" };
    case "datetime":
      return { type: "DATE_TIME", pattern: "dd/mm/yyyy hh:mm" };
    case "int":
      return { type: "NUMBER", pattern: "0" };
    case "percent":
      return { type: "PERCENT", pattern: "0.00%" };
    case "text":
      return { type: "TEXT" };
  }
}

export function columnIndexOf(spec: SheetSpec, header: string): number {
  const i = spec.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`${spec.title} has no column ${header}`);
  return i;
}

/** The column of the document id the sync keys rows by. */
export function idColumnOf(spec: SheetSpec): number {
  return columnIndexOf(spec, ID_HEADER);
}
