/**
 * The Spreadsheet resource as spreadsheets.get/create return it: empty lists
 * are left out (proto3 JSON), grid data only with includeGridData, limited to
 * `ranges` when given.
 */
import type { Caller } from "./access";
import { evaluate, formattedValue } from "./cell-values";
import { metadataResource, visibleMetadata } from "./developer-metadata";
import { cellAt, DEFAULT_COLUMN_WIDTH, type StoredSheet, type StoredSpreadsheet } from "./model";
import { resolveRange, type Rect } from "./values-api";

function gridData(sheet: StoredSheet, r: Rect, locale: string) {
  const lastRow = Math.min(r.endRow, sheet.rows.length);
  const rowData = [];
  for (let row = r.startRow; row < lastRow; row++) {
    const values: Record<string, unknown>[] = [];
    for (let col = r.startColumn; col < r.endColumn; col++) {
      const cell = cellAt(sheet, row, col);
      const out: Record<string, unknown> = {};
      if (cell?.userEnteredValue) {
        out.userEnteredValue = cell.userEnteredValue;
        out.effectiveValue = evaluate(cell.userEnteredValue);
        out.formattedValue = formattedValue(cell, locale);
      }
      if (cell?.userEnteredFormat) out.userEnteredFormat = cell.userEnteredFormat;
      values.push(out);
    }
    while (values.length && Object.keys(values[values.length - 1]).length === 0) values.pop();
    rowData.push(values.length ? { values } : {});
  }
  while (rowData.length && !("values" in rowData[rowData.length - 1])) rowData.pop();
  const columnMetadata = [];
  for (let col = r.startColumn; col < r.endColumn; col++)
    columnMetadata.push({ pixelSize: sheet.columnWidths[String(col)] ?? DEFAULT_COLUMN_WIDTH });
  return {
    ...(r.startRow ? { startRow: r.startRow } : {}),
    ...(r.startColumn ? { startColumn: r.startColumn } : {}),
    ...(rowData.length ? { rowData } : {}),
    columnMetadata,
  };
}

/** `caller`: whose developer metadata is shown (DOCUMENT entries and its project's PROJECT entries). */
export function spreadsheetResource(
  s: StoredSpreadsheet,
  baseUrl: string,
  caller: Caller,
  includeGridData: boolean,
  ranges: string[],
) {
  const wanted = ranges.map((range) => resolveRange(s, range));
  const sheets = [...s.sheets]
    .sort((a, b) => a.properties.index - b.properties.index)
    .filter((sheet) => wanted.length === 0 || wanted.some((r) => r.sheet === sheet))
    .map((sheet) => {
      const grid = sheet.properties.gridProperties;
      const whole: Rect = { sheet, startRow: 0, endRow: grid.rowCount, startColumn: 0, endColumn: grid.columnCount };
      const rects = wanted.length ? wanted.filter((r) => r.sheet === sheet) : [whole];
      return {
        properties: sheet.properties,
        ...(includeGridData ? { data: rects.map((r) => gridData(sheet, r, s.properties.locale)) } : {}),
        ...(sheet.conditionalFormats.length ? { conditionalFormats: sheet.conditionalFormats } : {}),
        ...(sheet.protectedRanges.length
          ? { protectedRanges: sheet.protectedRanges.map((p) => ({ ...p, requestingUserCanEdit: true })) }
          : {}),
        ...(sheet.charts.length ? { charts: sheet.charts } : {}),
      };
    });
  const metadata = visibleMetadata(s, caller).map(metadataResource);
  return {
    spreadsheetId: s.spreadsheetId,
    properties: s.properties,
    sheets,
    ...(metadata.length ? { developerMetadata: metadata } : {}),
    spreadsheetUrl: `${baseUrl}/view/${s.spreadsheetId}`,
  };
}
