import type { sheets_v4 } from "@googleapis/sheets";
import { vatReturnRows, type VatReturn } from "../domain";
import { rawValue, type Cell } from "./cell";
import { numberFormat } from "./layout/sheet-spec";
import type { SheetsGateway } from "./sheets-gateway";

/** The sheet the menu « Déclaration de TVA » fills: rewritten whole on each run, never read back. */
export const VAT_SHEET = "TVA";
const COLUMNS = 9;

/**
 * A cell as updateCells writes it: text as a string value (never parsed, so
 * `=…`, `+1` or `@x` in a document number stays text), amounts and dates as
 * numbers in the columns' French formats (cell.ts).
 */
function cellData(cell: Cell): sheets_v4.Schema$CellData {
  if (cell.v === null) return {};
  const value = rawValue(cell);
  return {
    userEnteredValue: typeof value === "number" ? { numberValue: value } : { stringValue: value },
    userEnteredFormat: { numberFormat: numberFormat(cell.t) },
  };
}

/** Writes the return into the `TVA` sheet (created when missing), after clearing what the previous run left. */
export async function writeVatSheet(
  gateway: SheetsGateway,
  spreadsheetId: string,
  result: VatReturn,
): Promise<{ rows: number }> {
  const rows = vatReturnRows(result);
  const book = await gateway.get(spreadsheetId, { fields: "sheets.properties(sheetId,title,gridProperties)" });
  const found = book.sheets?.find((s) => s.properties?.title === VAT_SHEET)?.properties;
  const rowCount = Math.max(rows.length + 20, 100);
  let sheetId = found?.sheetId ?? undefined;
  const requests: sheets_v4.Schema$Request[] = [];
  if (sheetId === undefined) {
    const added = await gateway.batchUpdate(spreadsheetId, [
      { addSheet: { properties: { title: VAT_SHEET, gridProperties: { rowCount, columnCount: COLUMNS } } } },
    ]);
    sheetId = added?.replies?.[0]?.addSheet?.properties?.sheetId ?? undefined;
  } else {
    const grid = found!.gridProperties ?? {};
    if ((grid.rowCount ?? 0) < rowCount || (grid.columnCount ?? 0) < COLUMNS)
      requests.push({
        updateSheetProperties: {
          properties: {
            sheetId,
            gridProperties: {
              rowCount: Math.max(rowCount, grid.rowCount ?? 0),
              columnCount: Math.max(COLUMNS, grid.columnCount ?? 0),
            },
          },
          fields: "gridProperties.rowCount,gridProperties.columnCount",
        },
      });
    requests.push({
      repeatCell: {
        range: { sheetId },
        cell: {},
        fields: "userEnteredValue,userEnteredFormat.numberFormat",
      },
    });
  }
  requests.push({
    updateCells: {
      start: { sheetId, rowIndex: 0, columnIndex: 0 },
      rows: rows.map((row) => ({ values: row.map(cellData) })),
      fields: "userEnteredValue,userEnteredFormat.numberFormat",
    },
  });
  await gateway.batchUpdate(spreadsheetId, requests);
  return { rows: rows.length };
}
