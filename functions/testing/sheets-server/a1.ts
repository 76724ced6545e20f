/**
 * A1 notation as the Sheets API reads it: `Sheet1!A1:B2`, `'O''Brien'!A:C`,
 * `'Échéancier'!A2:D`, `Sheet1` (the whole sheet), `A1:B2` (first sheet),
 * `1:3` (whole rows). Bounds are zero-based and end-exclusive; `undefined`
 * means open-ended, exactly like a GridRange.
 */
import { columnLetter } from "../../src/sheets/layout/a1";

export interface A1Range {
  /** null: no sheet named, the first sheet is meant. */
  sheetName: string | null;
  startRow?: number;
  endRow?: number;
  startColumn?: number;
  endColumn?: number;
}

export class RangeParseError extends Error {}

const CELL = /^([A-Za-z]{0,3})(\d{0,7})$/;

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits `'It''s'!A1` into its sheet name and cell part (either may be absent). */
export function splitSheet(range: string): { sheet: string | null; cells: string | null } {
  if (range.startsWith("'")) {
    let i = 1;
    let name = "";
    for (; i < range.length; i++) {
      if (range[i] === "'") {
        if (range[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        break;
      }
      name += range[i];
    }
    if (i >= range.length) throw new RangeParseError(range);
    const rest = range.slice(i + 1);
    if (rest === "") return { sheet: name, cells: null };
    if (!rest.startsWith("!")) throw new RangeParseError(range);
    return { sheet: name, cells: rest.slice(1) };
  }
  const bang = range.lastIndexOf("!");
  if (bang >= 0) return { sheet: range.slice(0, bang), cells: range.slice(bang + 1) };
  return { sheet: null, cells: range };
}

interface Corner {
  column?: number;
  row?: number;
}

function corner(text: string, whole: string): Corner {
  const m = CELL.exec(text);
  if (!m || (m[1] === "" && m[2] === "")) throw new RangeParseError(whole);
  const row = m[2] === "" ? undefined : Number(m[2]) - 1;
  if (row !== undefined && row < 0) throw new RangeParseError(whole);
  return { column: m[1] === "" ? undefined : columnIndex(m[1]), row };
}

/** Parses the part after `!`; throws RangeParseError when it is not A1. */
export function parseCells(cells: string, whole: string): Omit<A1Range, "sheetName"> {
  const parts = cells.split(":");
  if (parts.length > 2 || cells === "") throw new RangeParseError(whole);
  const a = corner(parts[0], whole);
  if (parts.length === 1) {
    if (a.column === undefined || a.row === undefined) {
      // "A" or "3" alone are whole columns/rows in Sheets.
      return {
        startColumn: a.column,
        endColumn: a.column === undefined ? undefined : a.column + 1,
        startRow: a.row,
        endRow: a.row === undefined ? undefined : a.row + 1,
      };
    }
    return { startRow: a.row, endRow: a.row + 1, startColumn: a.column, endColumn: a.column + 1 };
  }
  const b = corner(parts[1], whole);
  // "A1:B" / "A:B" / "1:3" / "A2:D": a missing bound is open-ended; a missing start is 0.
  const startRow = a.row ?? (b.row === undefined ? undefined : 0);
  const startColumn = a.column ?? (b.column === undefined ? undefined : 0);
  const r = {
    startRow: a.row === undefined && b.row === undefined ? undefined : Math.min(startRow ?? 0, b.row ?? Infinity),
    endRow: b.row === undefined ? undefined : Math.max(a.row ?? 0, b.row) + 1,
    startColumn:
      a.column === undefined && b.column === undefined ? undefined : Math.min(startColumn ?? 0, b.column ?? Infinity),
    endColumn: b.column === undefined ? undefined : Math.max(a.column ?? 0, b.column) + 1,
  };
  return r;
}

/**
 * Parses a full range. A bare word that is a sheet's name wins over a cell
 * reference (Sheets does the same: a sheet called "AB1" shadows the cell).
 */
export function parseA1(range: string, sheetExists: (name: string) => boolean): A1Range {
  const trimmed = range.trim();
  if (trimmed === "") throw new RangeParseError(range);
  const { sheet, cells } = splitSheet(trimmed);
  if (sheet !== null && cells === null) return { sheetName: sheet };
  if (sheet === null && cells !== null && sheetExists(cells)) return { sheetName: cells };
  if (sheet !== null && sheet === "") throw new RangeParseError(range);
  return { sheetName: sheet, ...parseCells(cells ?? "", range) };
}

/** The sheet name as Sheets prints it in a range: quoted unless plain letters and digits. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !CELL.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A bounded rectangle in A1: `'Mon onglet'!A2:D10`. */
export function formatA1(
  sheetName: string,
  startRow: number,
  endRow: number,
  startColumn: number,
  endColumn: number,
): string {
  const from = `${columnLetter(startColumn)}${startRow + 1}`;
  const to = `${columnLetter(endColumn - 1)}${endRow}`;
  return `${quoteSheetName(sheetName)}!${from === to ? from : `${from}:${to}`}`;
}
