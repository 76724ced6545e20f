/**
 * spreadsheets.batchUpdate: the requests Acompte sends. The batch runs on a
 * copy of the spreadsheet that replaces the stored one only when every
 * request succeeded — one invalid request and nothing changes.
 */
import type { Caller } from "./access";
import { ApiError, invalidArgument } from "./api-error";
import { createDeveloperMetadata, deleteDeveloperMetadata } from "./developer-metadata";
import { applyUpdateMask, parseFieldMask } from "./field-mask";
import {
  cellAt,
  newSheet,
  setCell,
  type CellData,
  type GridRange,
  type StoredSheet,
  type StoredSpreadsheet,
} from "./model";

type Req = Record<string, Record<string, unknown>>;
type Reply = Record<string, unknown>;
type Mask = ReturnType<typeof parseFieldMask>;

function sheetById(s: StoredSpreadsheet, id: unknown, where: string): StoredSheet {
  const sheet = s.sheets.find((sh) => sh.properties.sheetId === id);
  if (!sheet) throw invalidArgument(`${where}: No grid with id: ${String(id)}`);
  return sheet;
}

function reindex(s: StoredSpreadsheet): void {
  s.sheets.sort((a, b) => a.properties.index - b.properties.index).forEach((sh, i) => (sh.properties.index = i));
}

function boundedRange(s: StoredSpreadsheet, range: GridRange | undefined, where: string) {
  const sheet = sheetById(s, range?.sheetId ?? 0, where);
  const grid = sheet.properties.gridProperties;
  const r = {
    sheet,
    startRow: range?.startRowIndex ?? 0,
    endRow: range?.endRowIndex ?? grid.rowCount,
    startColumn: range?.startColumnIndex ?? 0,
    endColumn: range?.endColumnIndex ?? grid.columnCount,
  };
  if (r.endRow > grid.rowCount || r.endColumn > grid.columnCount) {
    throw invalidArgument(
      `${where}: Range exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`,
    );
  }
  if (r.startRow < 0 || r.startColumn < 0 || r.startRow > r.endRow || r.startColumn > r.endColumn)
    throw invalidArgument(`${where}: Invalid range`);
  return r;
}

/** Copies the masked fields of `source` into `target` (a field absent from the source is cleared). */
function copyMasked(target: Record<string, unknown>, source: Record<string, unknown> | undefined, mask: Mask): void {
  for (const [key, sub] of mask) {
    if (key === "*") {
      for (const k of Object.keys(target)) delete target[k];
      Object.assign(target, structuredClone(source ?? {}));
      continue;
    }
    const v = source?.[key];
    if (sub === true) {
      if (v === undefined) delete target[key];
      else target[key] = structuredClone(v);
    } else {
      const child = (target[key] ?? {}) as Record<string, unknown>;
      copyMasked(child, v as Record<string, unknown> | undefined, sub);
      if (Object.keys(child).length) target[key] = child;
      else delete target[key];
    }
  }
}

function writeCell(sheet: StoredSheet, row: number, col: number, source: CellData, mask: Mask): void {
  const cell = { ...(cellAt(sheet, row, col) ?? {}) } as Record<string, unknown>;
  copyMasked(cell, source as Record<string, unknown>, mask);
  setCell(sheet, row, col, Object.keys(cell).length ? (cell as CellData) : null);
}

function requireFields(body: Record<string, unknown>, where: string): Mask {
  const fields = body.fields;
  if (typeof fields !== "string" || fields.trim() === "")
    throw invalidArgument(`${where}: At least one field must be updated, but 'fields' is empty.`);
  return parseFieldMask(fields);
}

/** Removes the object with that id from whichever sheet holds it; false when none does. */
function removeById(s: StoredSpreadsheet, list: "protectedRanges" | "charts", key: string, id: unknown): boolean {
  for (const sheet of s.sheets) {
    const i = sheet[list].findIndex((o) => o[key] === id);
    if (i >= 0) {
      sheet[list].splice(i, 1);
      return true;
    }
  }
  return false;
}

function newId(s: StoredSpreadsheet): number {
  return s.nextId++;
}

const handlers: Record<
  string,
  (s: StoredSpreadsheet, body: Record<string, unknown>, where: string, caller: Caller) => Reply | undefined
> = {
  addSheet(s, body, where) {
    const props = (body.properties ?? {}) as Record<string, unknown>;
    const title = typeof props.title === "string" && props.title !== "" ? props.title : `Sheet${s.sheets.length + 1}`;
    if (s.sheets.some((sh) => sh.properties.title === title)) {
      throw invalidArgument(`${where}: A sheet with the name "${title}" already exists. Please enter another name.`);
    }
    const id = typeof props.sheetId === "number" ? props.sheetId : newId(s);
    if (s.sheets.some((sh) => sh.properties.sheetId === id))
      throw invalidArgument(`${where}: A sheet with the id ${id} already exists.`);
    const index = typeof props.index === "number" ? props.index - 0.5 : s.sheets.length;
    const sheet = newSheet(id, title, index, props as never);
    s.sheets.push(sheet);
    reindex(s);
    return { addSheet: { properties: structuredClone(sheet.properties) } };
  },
  deleteSheet(s, body, where) {
    const sheet = sheetById(s, body.sheetId, where);
    if (s.sheets.length === 1) throw invalidArgument(`${where}: You can't remove all the sheets in a document.`);
    s.sheets.splice(s.sheets.indexOf(sheet), 1);
    reindex(s);
    return undefined;
  },
  updateSheetProperties(s, body, where) {
    const props = (body.properties ?? {}) as Record<string, unknown>;
    const sheet = sheetById(s, props.sheetId ?? 0, where);
    if (typeof body.fields !== "string" || body.fields.trim() === "")
      throw invalidArgument(`${where}: At least one field must be updated, but 'fields' is empty.`);
    const before = structuredClone(sheet.properties);
    applyUpdateMask(sheet.properties as unknown as Record<string, unknown>, props, body.fields);
    const p = sheet.properties;
    if (s.sheets.some((sh) => sh !== sheet && sh.properties.title === p.title))
      throw invalidArgument(`${where}: A sheet with the name "${p.title}" already exists. Please enter another name.`);
    p.sheetId = before.sheetId;
    p.gridProperties = { ...before.gridProperties, ...(p.gridProperties ?? {}) };
    if (p.index !== before.index) {
      p.index = p.index > before.index ? p.index + 0.5 : p.index - 0.5;
      reindex(s);
    }
    const grid = p.gridProperties;
    if ((grid.frozenRowCount ?? 0) >= grid.rowCount)
      throw invalidArgument(`${where}: You can't freeze all visible rows on the sheet.`);
    if (sheet.rows.length > grid.rowCount) sheet.rows.length = grid.rowCount;
    for (const line of sheet.rows) if (line.length > grid.columnCount) line.length = grid.columnCount;
    return undefined;
  },
  updateSpreadsheetProperties(s, body, where) {
    if (typeof body.fields !== "string" || body.fields.trim() === "")
      throw invalidArgument(`${where}: At least one field must be updated, but 'fields' is empty.`);
    applyUpdateMask(s.properties, (body.properties ?? {}) as Record<string, unknown>, body.fields);
    return undefined;
  },
  repeatCell(s, body, where) {
    const mask = requireFields(body, where);
    const r = boundedRange(s, body.range as GridRange, where);
    const cell = (body.cell ?? {}) as CellData;
    for (let row = r.startRow; row < r.endRow; row++)
      for (let col = r.startColumn; col < r.endColumn; col++) writeCell(r.sheet, row, col, cell, mask);
    return undefined;
  },
  updateCells(s, body, where) {
    const mask = requireFields(body, where);
    const rows = (body.rows ?? []) as { values?: CellData[] }[];
    const start = body.start as { sheetId?: number; rowIndex?: number; columnIndex?: number } | undefined;
    const r = start
      ? boundedRange(
          s,
          {
            sheetId: start.sheetId,
            startRowIndex: start.rowIndex ?? 0,
            endRowIndex: (start.rowIndex ?? 0) + rows.length,
            startColumnIndex: start.columnIndex ?? 0,
            endColumnIndex: (start.columnIndex ?? 0) + Math.max(0, ...rows.map((x) => x.values?.length ?? 0)),
          },
          where,
        )
      : boundedRange(s, body.range as GridRange, where);
    rows.forEach((line, i) =>
      (line.values ?? []).forEach((cell, j) => {
        if (r.startRow + i < r.endRow && r.startColumn + j < r.endColumn)
          writeCell(r.sheet, r.startRow + i, r.startColumn + j, cell ?? {}, mask);
      }),
    );
    return undefined;
  },
  updateDimensionProperties(s, body, where) {
    const range = (body.range ?? {}) as {
      sheetId?: number;
      dimension?: string;
      startIndex?: number;
      endIndex?: number;
    };
    const sheet = sheetById(s, range.sheetId ?? 0, where);
    if (range.dimension !== "COLUMNS" && range.dimension !== "ROWS")
      throw invalidArgument(`${where}: dimension must be ROWS or COLUMNS`);
    requireFields(body, where);
    const pixelSize = (body.properties as { pixelSize?: number } | undefined)?.pixelSize;
    if (range.dimension === "COLUMNS" && typeof pixelSize === "number") {
      const end = range.endIndex ?? sheet.properties.gridProperties.columnCount;
      if (end > sheet.properties.gridProperties.columnCount)
        throw invalidArgument(`${where}: Range exceeds grid limits.`);
      for (let c = range.startIndex ?? 0; c < end; c++) sheet.columnWidths[String(c)] = pixelSize;
    }
    return undefined;
  },
  appendDimension(s, body, where) {
    const sheet = sheetById(s, body.sheetId ?? 0, where);
    const length = Number(body.length);
    if (!(length > 0)) throw invalidArgument(`${where}: length must be positive`);
    if (body.dimension === "ROWS") sheet.properties.gridProperties.rowCount += length;
    else if (body.dimension === "COLUMNS") sheet.properties.gridProperties.columnCount += length;
    else throw invalidArgument(`${where}: dimension must be ROWS or COLUMNS`);
    return undefined;
  },
  addConditionalFormatRule(s, body, where) {
    const rule = structuredClone(body.rule) as { ranges?: GridRange[] } | undefined;
    if (!rule?.ranges?.length) throw invalidArgument(`${where}: The rule must have at least one range.`);
    const sheet = sheetById(s, rule.ranges[0].sheetId ?? 0, where);
    const index =
      typeof body.index === "number"
        ? Math.min(body.index, sheet.conditionalFormats.length)
        : sheet.conditionalFormats.length;
    sheet.conditionalFormats.splice(index, 0, rule as Record<string, unknown>);
    return undefined;
  },
  deleteConditionalFormatRule(s, body, where) {
    const sheet = sheetById(s, body.sheetId ?? 0, where);
    const index = Number(body.index ?? 0);
    if (index < 0 || index >= sheet.conditionalFormats.length)
      throw invalidArgument(`${where}: No conditional format on sheet: ${sheet.properties.sheetId} at index: ${index}`);
    const [rule] = sheet.conditionalFormats.splice(index, 1);
    return { deleteConditionalFormatRule: { rule } };
  },
  addProtectedRange(s, body, where) {
    const pr = structuredClone((body.protectedRange ?? {}) as Record<string, unknown>);
    const range = pr.range as GridRange | undefined;
    const sheet = sheetById(s, range?.sheetId ?? 0, where);
    pr.protectedRangeId = typeof pr.protectedRangeId === "number" ? pr.protectedRangeId : newId(s);
    sheet.protectedRanges.push(pr);
    return { addProtectedRange: { protectedRange: { ...pr, requestingUserCanEdit: true } } };
  },
  deleteProtectedRange(s, body, where) {
    if (!removeById(s, "protectedRanges", "protectedRangeId", body.protectedRangeId)) {
      throw invalidArgument(`${where}: No protected range with id: ${String(body.protectedRangeId)}`);
    }
    return undefined;
  },
  addChart(s, body, where) {
    const chart = structuredClone((body.chart ?? {}) as Record<string, unknown>);
    const anchor = (chart.position as { overlayPosition?: { anchorCell?: { sheetId?: number } } } | undefined)
      ?.overlayPosition?.anchorCell;
    const sheet = sheetById(s, anchor?.sheetId ?? 0, where);
    chart.chartId = typeof chart.chartId === "number" ? chart.chartId : newId(s);
    sheet.charts.push(chart);
    return { addChart: { chart } };
  },
  deleteEmbeddedObject(s, body, where) {
    if (!removeById(s, "charts", "chartId", body.objectId))
      throw invalidArgument(`${where}: No object with id: ${String(body.objectId)}`);
    return undefined;
  },
  createDeveloperMetadata,
  deleteDeveloperMetadata,
};

export function batchUpdate(
  s: StoredSpreadsheet,
  requests: unknown,
  caller: Caller,
): { result: StoredSpreadsheet; replies: Reply[] } {
  if (!Array.isArray(requests) || requests.length === 0) throw invalidArgument("Must specify at least one request.");
  const copy = structuredClone(s);
  const replies = (requests as Req[]).map((request, i) => {
    const kinds = Object.keys(request ?? {});
    if (kinds.length !== 1) throw invalidArgument(`Invalid requests[${i}]: exactly one kind of request must be set.`);
    const kind = kinds[0];
    const handler = handlers[kind];
    const where = `Invalid requests[${i}].${kind}`;
    if (!handler)
      throw invalidArgument(`Invalid requests[${i}]: the local Sheets server does not implement '${kind}'.`);
    try {
      return handler(copy, request[kind] ?? {}, where, caller) ?? {};
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw invalidArgument(`${where}: ${(e as Error).message}`);
    }
  });
  return { result: copy, replies };
}
