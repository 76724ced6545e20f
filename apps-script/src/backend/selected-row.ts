/** The row the user selected in one of the workbook's sheets, read from the sheet without calling the functions. */
import { idFromRow } from "./row-id";

const HEADER_ROW = 1;

export interface RowTarget {
  sheet: string;
  /** Completes « Sélectionnez … », e.g. « la ligne d'un acompte ». */
  aRow: string;
}

export type RowSelection =
  { ok: true; row: number; rows: number; headers: unknown[]; values: unknown[] } | { ok: false; problem: string };

/** The first row of the selection (`rows` says how many are selected), with the sheet's headers. */
export function readSelectedRow(target: RowTarget): RowSelection {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getActiveSheet();
  const range = spreadsheet.getActiveRange();
  if (sheet.getName() !== target.sheet || !range) {
    return { ok: false, problem: `Sélectionnez ${target.aRow} dans la feuille « ${target.sheet} ».` };
  }
  const row = range.getRow();
  if (row <= HEADER_ROW) return { ok: false, problem: `Sélectionnez ${target.aRow}, pas la ligne d'en-tête.` };
  const width = sheet.getLastColumn();
  if (width < 1) return { ok: false, problem: `La feuille « ${target.sheet} » est vide.` };
  const headers = sheet.getRange(HEADER_ROW, 1, 1, width).getValues()[0];
  const values = sheet.getRange(row, 1, 1, width).getValues()[0];
  return { ok: true, row, rows: range.getNumRows(), headers, values };
}

export type SelectedRecord =
  { ok: true; id: string; headers: unknown[]; values: unknown[] } | { ok: false; problem: string };

/**
 * Exactly one recorded row, for a menu action that changes that document:
 * with several rows selected it would be a guess which one was meant.
 */
export function selectedRecord(target: RowTarget, withoutId: string): SelectedRecord {
  const selected = readSelectedRow(target);
  if (!selected.ok) return selected;
  if (selected.rows > 1) {
    return {
      ok: false,
      problem: `Sélectionnez une seule ligne : ${selected.rows} lignes sont sélectionnées.`,
    };
  }
  const reading = idFromRow(target.sheet, selected.headers, selected.values, withoutId);
  if (!reading.ok) return reading;
  return { ok: true, id: reading.id, headers: selected.headers, values: selected.values };
}
