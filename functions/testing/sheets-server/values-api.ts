/**
 * spreadsheets.values.*: get, batchGet, update, batchUpdate, append, clear,
 * batchClear. A batch is validated completely before any cell changes, so a
 * bad range anywhere in it changes nothing (as in Sheets).
 */
import { formatA1, parseA1, RangeParseError } from "./a1";
import { invalidArgument } from "./api-error";
import { cellAt, isBlank, setCell, type StoredSheet, type StoredSpreadsheet } from "./model";
import {
  cellFromInput,
  renderCell,
  type DateRenderOption,
  type InputOption,
  type JsonValue,
  type RenderOption,
} from "./cell-values";

export interface Rect {
  sheet: StoredSheet;
  startRow: number;
  endRow: number;
  startColumn: number;
  endColumn: number;
}

export interface ValueRange {
  range?: string;
  majorDimension?: "ROWS" | "COLUMNS";
  values?: JsonValue[][];
}

export function findSheet(s: StoredSpreadsheet, name: string): StoredSheet | undefined {
  return s.sheets.find((sh) => sh.properties.title === name);
}

/** A range resolved against the grid; open ends stop at the grid's size. */
export function resolveRange(s: StoredSpreadsheet, range: string): Rect {
  let a1;
  try {
    a1 = parseA1(range, (name) => findSheet(s, name) !== undefined);
  } catch (e) {
    if (e instanceof RangeParseError) throw invalidArgument(`Unable to parse range: ${range}`);
    throw e;
  }
  const sheet =
    a1.sheetName === null
      ? [...s.sheets].sort((x, y) => x.properties.index - y.properties.index)[0]
      : findSheet(s, a1.sheetName);
  if (!sheet) throw invalidArgument(`Unable to parse range: ${range}`);
  const grid = sheet.properties.gridProperties;
  return {
    sheet,
    startRow: a1.startRow ?? 0,
    endRow: a1.endRow ?? grid.rowCount,
    startColumn: a1.startColumn ?? 0,
    endColumn: a1.endColumn ?? grid.columnCount,
  };
}

function rectA1(r: Rect): string {
  return formatA1(
    r.sheet.properties.title,
    r.startRow,
    Math.max(r.endRow, r.startRow + 1),
    r.startColumn,
    Math.max(r.endColumn, r.startColumn + 1),
  );
}

function checkGrid(r: Rect, label: string): void {
  const grid = r.sheet.properties.gridProperties;
  if (r.endRow > grid.rowCount || r.endColumn > grid.columnCount) {
    throw invalidArgument(
      `Range (${label}) exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`,
    );
  }
}

export interface ReadOptions {
  majorDimension?: string;
  valueRenderOption?: string;
  dateTimeRenderOption?: string;
}

function enumOption<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined || value === "") return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw invalidArgument(`Invalid value at '${name}' (${value})`);
  return value as T;
}

export function readRange(s: StoredSpreadsheet, range: string, o: ReadOptions): ValueRange {
  const r = resolveRange(s, range);
  const grid = r.sheet.properties.gridProperties;
  // Open ends stop at the grid; an explicit bound past it is an error, as in Sheets.
  checkGrid(r, range);
  const clipped = {
    ...r,
    endRow: Math.min(r.endRow, grid.rowCount),
    endColumn: Math.min(r.endColumn, grid.columnCount),
  };
  const major = enumOption(o.majorDimension, ["ROWS", "COLUMNS"] as const, "ROWS", "major_dimension");
  const render = enumOption<RenderOption>(
    o.valueRenderOption,
    ["FORMATTED_VALUE", "UNFORMATTED_VALUE", "FORMULA"],
    "FORMATTED_VALUE",
    "value_render_option",
  );
  const dates = enumOption<DateRenderOption>(
    o.dateTimeRenderOption,
    ["SERIAL_NUMBER", "FORMATTED_STRING"],
    "SERIAL_NUMBER",
    "date_time_render_option",
  );
  const locale = s.properties.locale;
  const rows: JsonValue[][] = [];
  const lastRow = Math.min(clipped.endRow, r.sheet.rows.length);
  for (let row = clipped.startRow; row < lastRow; row++) {
    const line: JsonValue[] = [];
    for (let col = clipped.startColumn; col < clipped.endColumn; col++) {
      const v = renderCell(cellAt(r.sheet, row, col), render, dates, locale);
      line.push(v === undefined ? "" : v);
    }
    while (line.length > 0 && line[line.length - 1] === "") line.pop();
    rows.push(line);
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  let values = rows;
  if (major === "COLUMNS") {
    const width = Math.max(0, ...rows.map((l) => l.length));
    values = Array.from({ length: width }, (_, c) => rows.map((l) => (l[c] === undefined ? "" : l[c])));
    values.forEach((l) => {
      while (l.length > 0 && l[l.length - 1] === "") l.pop();
    });
  }
  return { range: rectA1(clipped), majorDimension: major, ...(values.length ? { values } : {}) };
}

interface PlannedWrite {
  rect: Rect;
  rows: JsonValue[][];
}

function asRows(vr: ValueRange): JsonValue[][] {
  const values = vr.values ?? [];
  if (!Array.isArray(values) || values.some((l) => !Array.isArray(l)))
    throw invalidArgument("Invalid values: expected a list of lists");
  if ((vr.majorDimension ?? "ROWS") === "ROWS") return values;
  const height = Math.max(0, ...values.map((l) => l.length));
  return Array.from({ length: height }, (_, r) => values.map((l) => (l[r] === undefined ? null : l[r])));
}

/** Checks a write against its range and the grid; throws before anything changes. */
export function planWrite(s: StoredSpreadsheet, vr: ValueRange, range: string | undefined): PlannedWrite {
  if (vr.range !== undefined && range !== undefined && vr.range !== range) {
    throw invalidArgument(`Requested writing within range [${range}], but the request body has range [${vr.range}]`);
  }
  const a1 = range ?? vr.range;
  if (!a1) throw invalidArgument("A range is required.");
  const rect = resolveRange(s, a1);
  const rows = asRows(vr);
  const height = rows.length;
  const width = Math.max(0, ...rows.map((l) => l.length));
  // A single cell only anchors the block: Sheets writes the values from that top-left cell on.
  if (rect.endRow - rect.startRow === 1 && rect.endColumn - rect.startColumn === 1) {
    rect.endRow = rect.startRow + Math.max(1, height);
    rect.endColumn = rect.startColumn + Math.max(1, width);
  }
  if (rect.startRow + height > rect.endRow) {
    throw invalidArgument(
      `Requested writing within range [${a1}], but tried writing to row [${rect.startRow + height}]`,
    );
  }
  if (rect.startColumn + width > rect.endColumn) {
    throw invalidArgument(
      `Requested writing within range [${a1}], but tried writing to column [${rect.startColumn + width}]`,
    );
  }
  const written: Rect = { ...rect, endRow: rect.startRow + height, endColumn: rect.startColumn + width };
  checkGrid(written, rectA1(written));
  return { rect: written, rows };
}

export function applyWrite(s: StoredSpreadsheet, w: PlannedWrite, option: InputOption) {
  let cells = 0;
  w.rows.forEach((line, i) => {
    line.forEach((value, j) => {
      if (value === null || value === undefined) return; // null leaves the cell as it is
      const row = w.rect.startRow + i;
      const col = w.rect.startColumn + j;
      setCell(
        w.rect.sheet,
        row,
        col,
        cellFromInput(value, option, s.properties.locale, cellAt(w.rect.sheet, row, col)),
      );
      cells++;
    });
  });
  const empty = w.rows.length === 0;
  return {
    spreadsheetId: s.spreadsheetId,
    updatedRange: empty ? undefined : rectA1(w.rect),
    updatedRows: w.rows.filter((l) => l.some((v) => v !== null)).length,
    updatedColumns: w.rect.endColumn - w.rect.startColumn,
    updatedCells: cells,
  };
}

export function inputOption(value: string | undefined): InputOption {
  if (value === undefined || value === "" || value === "INPUT_VALUE_OPTION_UNSPECIFIED")
    throw invalidArgument("'valueInputOption' is required but not specified");
  if (value !== "RAW" && value !== "USER_ENTERED")
    throw invalidArgument(`Invalid value at 'value_input_option' (${value})`);
  return value;
}

export function clearRect(r: Rect): void {
  const last = Math.min(r.endRow, r.sheet.rows.length);
  for (let row = r.startRow; row < last; row++) {
    for (let col = r.startColumn; col < Math.min(r.endColumn, r.sheet.rows[row].length); col++) {
      const cell = r.sheet.rows[row][col];
      if (cell?.userEnteredValue)
        r.sheet.rows[row][col] = cell.userEnteredFormat ? { userEnteredFormat: cell.userEnteredFormat } : null;
    }
  }
}

export function clearRange(s: StoredSpreadsheet, range: string): string {
  const r = resolveRange(s, range);
  clearRect(r);
  return rectA1(r);
}

/**
 * values.append: finds the table in the range (its first row with data and
 * the rows below up to a blank one) and writes under it; the grid grows
 * when needed. INSERT_ROWS shifts the rows below down first.
 */
export function append(
  s: StoredSpreadsheet,
  range: string,
  vr: ValueRange,
  option: InputOption,
  insertDataOption: string | undefined,
) {
  const rect = resolveRange(s, range);
  const rows = asRows(vr);
  const width = Math.max(1, ...rows.map((l) => l.length));
  // The table: the first row with data in the range, and the rows below it up to the first blank one.
  const columns = Math.max(width, rect.endColumn - rect.startColumn);
  const used = (row: number) => {
    for (let col = rect.startColumn; col < rect.startColumn + columns; col++)
      if (!isBlank(cellAt(rect.sheet, row, col))) return true;
    return false;
  };
  let first = rect.startRow;
  while (first < Math.min(rect.endRow, rect.sheet.rows.length) && !used(first)) first++;
  let lastUsed = -1;
  for (let row = first; row < rect.sheet.rows.length && used(row); row++) lastUsed = row;
  const start = lastUsed < 0 ? rect.startRow : lastUsed + 1;
  const grid = rect.sheet.properties.gridProperties;
  if (insertDataOption === "INSERT_ROWS") {
    rect.sheet.rows.splice(start, 0, ...rows.map(() => []));
    grid.rowCount += rows.length;
  }
  grid.rowCount = Math.max(grid.rowCount, start + rows.length);
  grid.columnCount = Math.max(grid.columnCount, rect.startColumn + width);
  const target: Rect = {
    sheet: rect.sheet,
    startRow: start,
    endRow: start + rows.length,
    startColumn: rect.startColumn,
    endColumn: rect.startColumn + width,
  };
  const updates = applyWrite(s, { rect: target, rows }, option);
  const table =
    lastUsed < 0 ? undefined : rectA1({ ...rect, endRow: lastUsed + 1, endColumn: rect.startColumn + width });
  return { spreadsheetId: s.spreadsheetId, ...(table ? { tableRange: table } : {}), updates };
}
