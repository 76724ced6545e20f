/**
 * Typing in the `Clients` sheet as a person would (USER_ENTERED) on the
 * local Sheets server: a full-width row by headers, a cell by header and row.
 */
import { columnLetter } from "../../functions/src/sheets/layout/a1";
import { columnIndexOf } from "../../functions/src/sheets/layout/sheet-spec";
import { CLIENTS } from "../../functions/src/sheets/layout/workbook-spec";
import type { SheetsKit } from "./sheets-test-kit";

/** The column letter of the sheet's last column. */
export const LAST = columnLetter(CLIENTS.columns.length - 1);

export const cellOf = (header: string, row: number) => `Clients!${columnLetter(columnIndexOf(CLIENTS, header))}${row}`;

/** A full-width row: each value under its header. */
export function clientRow(values: Record<string, string | number>): (string | number)[] {
  const row = CLIENTS.columns.map(() => "" as string | number);
  for (const [header, v] of Object.entries(values)) row[columnIndexOf(CLIENTS, header)] = v;
  return row;
}

/** `values` typed into `range` of the spreadsheet. */
export const typeCells = (kit: SheetsKit, spreadsheetId: string, range: string, values: (string | number)[][]) =>
  kit.gateway.api.spreadsheets.values.update({
    spreadsheetId,
    range,
    valueInputOption: "USER_ENTERED",
    requestBody: { values },
  });
