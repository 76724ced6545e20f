/**
 * The stored shape of a local spreadsheet: the Sheets v4 resource itself
 * (properties, sheets with conditional formats, protected ranges, charts)
 * plus a sparse grid of CellData per sheet. Kept as plain JSON so the whole
 * store is one file on disk.
 */
export interface ExtendedValue {
  stringValue?: string;
  numberValue?: number;
  boolValue?: boolean;
  formulaValue?: string;
  errorValue?: { type: string; message: string };
}

export interface NumberFormat {
  type: string;
  pattern?: string;
}

export interface CellFormat {
  numberFormat?: NumberFormat;
  [key: string]: unknown;
}

export interface CellData {
  userEnteredValue?: ExtendedValue;
  userEnteredFormat?: CellFormat;
}

export interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

export interface SheetProperties {
  sheetId: number;
  title: string;
  index: number;
  sheetType: "GRID";
  gridProperties: { rowCount: number; columnCount: number; frozenRowCount?: number; frozenColumnCount?: number };
  [key: string]: unknown;
}

export interface StoredSheet {
  properties: SheetProperties;
  conditionalFormats: Record<string, unknown>[];
  protectedRanges: Record<string, unknown>[];
  charts: Record<string, unknown>[];
  /** Column pixel sizes by index; absent = the default 100 px. */
  columnWidths: Record<string, number>;
  /** rows[r][c]; holes are empty cells. */
  rows: (CellData | null)[][];
}

/** Developer metadata on the whole spreadsheet, with the project that created it (it decides who sees PROJECT entries). */
export interface StoredDeveloperMetadata {
  metadataId: number;
  metadataKey: string;
  metadataValue?: string;
  visibility: "DOCUMENT" | "PROJECT";
  location: { locationType: "SPREADSHEET"; spreadsheet: true };
  project: string;
}

export interface StoredSpreadsheet {
  spreadsheetId: string;
  properties: { title: string; locale: string; timeZone: string; [key: string]: unknown };
  sheets: StoredSheet[];
  /** Absent in files saved before developer metadata existed: read as none. */
  developerMetadata?: StoredDeveloperMetadata[];
  /** Next free id for sheets, protected ranges and charts (Sheets ids are unique per spreadsheet). */
  nextId: number;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export function newSheet(
  sheetId: number,
  title: string,
  index: number,
  props: Partial<SheetProperties> = {},
): StoredSheet {
  return {
    properties: {
      ...props,
      sheetId,
      title,
      index,
      sheetType: "GRID",
      gridProperties: { rowCount: DEFAULT_ROWS, columnCount: DEFAULT_COLUMNS, ...(props.gridProperties ?? {}) },
    },
    conditionalFormats: [],
    protectedRanges: [],
    charts: [],
    columnWidths: {},
    rows: [],
  };
}

export function cellAt(sheet: StoredSheet, row: number, column: number): CellData | null {
  return sheet.rows[row]?.[column] ?? null;
}

export function setCell(sheet: StoredSheet, row: number, column: number, cell: CellData | null): void {
  // No array holes: JSON would turn them into null, and a reloaded grid must equal the stored one.
  while (sheet.rows.length <= row) sheet.rows.push([]);
  const line = sheet.rows[row];
  while (line.length <= column) line.push(null);
  line[column] = cell;
}

export function isBlank(cell: CellData | null): boolean {
  return !cell?.userEnteredValue;
}
