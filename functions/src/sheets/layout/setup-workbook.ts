/**
 * Creates or repairs the Acompte layout in an existing spreadsheet: missing
 * sheets, headers, frozen header row, column widths, number formats, status
 * colours, protected computed columns (warning only; the append-only
 * `Intégrité` sheet is protected for real), fr_FR locale. It
 * compares what is there with what should be and sends only the
 * difference, in one batchUpdate — run twice, the second run changes
 * nothing (and makes no write call).
 */
import type { sheets_v4 } from "@googleapis/sheets";
import type { Request, SheetsGateway } from "../sheets-gateway";
import { numberFormat, type ColumnKind, type SheetSpec } from "./sheet-spec";
import { WORKBOOK } from "./workbook-spec";
import { quoteSheet, columnLetter } from "./a1";

export const PROTECTION_DESCRIPTION = "Acompte : colonnes calculées, modifiées par la synchronisation";
export const LOCKED_DESCRIPTION = "Acompte : feuille tenue par Acompte seul, lignes ajoutées jamais modifiées";
const OUR_PROTECTIONS = new Set([PROTECTION_DESCRIPTION, LOCKED_DESCRIPTION]);
const HEADER_FORMAT = { textFormat: { bold: true }, backgroundColor: { red: 0.91, green: 0.94, blue: 0.99 } };
const MIN_COLUMNS = 26;

export interface SetupResult {
  spreadsheetId: string;
  requests: number;
  sheetIds: Record<string, number>;
}

/** The number format of column `column` over rows [startRow, endRow). */
function columnFormatRequest(
  kind: ColumnKind,
  sheetId: number,
  column: number,
  startRow: number,
  endRow: number,
): Request {
  return {
    repeatCell: {
      range: {
        sheetId,
        startRowIndex: startRow,
        endRowIndex: endRow,
        startColumnIndex: column,
        endColumnIndex: column + 1,
      },
      cell: { userEnteredFormat: { numberFormat: numberFormat(kind) } },
      fields: "userEnteredFormat.numberFormat",
    },
  };
}

/** Every column's number format over rows [startRow, endRow) (setup, and the rows a sync adds). */
export function formatRequests(spec: SheetSpec, sheetId: number, startRow: number, endRow: number): Request[] {
  return spec.columns.map((c, i) => columnFormatRequest(c.kind, sheetId, i, startRow, endRow));
}

function conditionalRules(spec: SheetSpec, sheetId: number): sheets_v4.Schema$ConditionalFormatRule[] {
  if (!spec.statusColumn || !spec.statusColours) return [];
  const c = spec.columns.findIndex((x) => x.header === spec.statusColumn);
  return spec.statusColours.map((s) => ({
    ranges: [{ sheetId, startRowIndex: 1, startColumnIndex: c, endColumnIndex: c + 1 }],
    booleanRule: {
      condition: { type: s.prefix ? "TEXT_STARTS_WITH" : "TEXT_EQ", values: [{ userEnteredValue: s.label }] },
      format: { backgroundColor: s.colour },
    },
  }));
}

function protectedRanges(spec: SheetSpec, sheetId: number): sheets_v4.Schema$ProtectedRange[] {
  if (spec.locked) return [{ range: { sheetId }, description: LOCKED_DESCRIPTION, warningOnly: false }];
  const out: sheets_v4.Schema$ProtectedRange[] = [];
  spec.columns.forEach((c, i) => {
    if (!c.computed) return;
    const last = out[out.length - 1];
    if (last && last.range!.endColumnIndex === i) last.range!.endColumnIndex = i + 1;
    else
      out.push({
        range: { sheetId, startRowIndex: 1, startColumnIndex: i, endColumnIndex: i + 1 },
        description: PROTECTION_DESCRIPTION,
        warningOnly: true,
      });
  });
  return out;
}

/**
 * Does what Sheets returns carry what we set? Extra fields are ignored
 * (Sheets adds e.g. `backgroundColorStyle` next to `backgroundColor`) and
 * numbers are compared as the floats Sheets stores them (colours); a
 * default value (0, false, "") may be left out, as proto3 JSON does.
 */
export function carries(actual: unknown, wanted: unknown): boolean {
  if (actual === undefined && (wanted === 0 || wanted === false || wanted === "")) return true;
  if (typeof wanted === "number") return typeof actual === "number" && Math.abs(actual - wanted) < 1e-4;
  if (Array.isArray(wanted))
    return Array.isArray(actual) && actual.length === wanted.length && wanted.every((w, i) => carries(actual[i], w));
  if (wanted !== null && typeof wanted === "object") {
    if (actual === null || typeof actual !== "object") return false;
    return Object.entries(wanted).every(
      ([k, w]) => w === undefined || carries((actual as Record<string, unknown>)[k], w),
    );
  }
  return actual === wanted;
}

function sheetRequests(spec: SheetSpec, sheet: sheets_v4.Schema$Sheet | undefined, sheetId: number): Request[] {
  const requests: Request[] = [];
  const props = sheet?.properties;
  const grid = props?.gridProperties ?? { rowCount: 1000, columnCount: MIN_COLUMNS };
  const columns = Math.max(MIN_COLUMNS, spec.columns.length);
  if (spec.columns.length === 0) return requests;
  if ((grid.frozenRowCount ?? 0) !== 1 || (grid.columnCount ?? 0) < columns) {
    requests.push({
      updateSheetProperties: {
        properties: {
          sheetId,
          gridProperties: { frozenRowCount: 1, columnCount: Math.max(columns, grid.columnCount ?? 0) },
        },
        fields: "gridProperties.frozenRowCount,gridProperties.columnCount",
      },
    });
  }
  const data = sheet?.data?.[0];
  const header = data?.rowData?.[0]?.values ?? [];
  const firstRow = data?.rowData?.[1]?.values ?? [];
  const widths = data?.columnMetadata ?? [];
  const rowCount = grid.rowCount ?? 1000;
  spec.columns.forEach((c, i) => {
    const h = header[i];
    if (
      h?.userEnteredValue?.stringValue !== c.header ||
      !carries(h?.userEnteredFormat, { ...HEADER_FORMAT, numberFormat: { type: "TEXT" } })
    ) {
      requests.push({
        updateCells: {
          start: { sheetId, rowIndex: 0, columnIndex: i },
          rows: [
            {
              values: [
                {
                  userEnteredValue: { stringValue: c.header },
                  userEnteredFormat: { ...HEADER_FORMAT, numberFormat: { type: "TEXT" } },
                },
              ],
            },
          ],
          fields: "userEnteredValue,userEnteredFormat",
        },
      });
    }
    if ((widths[i]?.pixelSize ?? 100) !== c.width) {
      requests.push({
        updateDimensionProperties: {
          range: { sheetId, dimension: "COLUMNS", startIndex: i, endIndex: i + 1 },
          properties: { pixelSize: c.width },
          fields: "pixelSize",
        },
      });
    }
    if (!carries(firstRow[i]?.userEnteredFormat?.numberFormat, numberFormat(c.kind))) {
      requests.push(columnFormatRequest(c.kind, sheetId, i, 1, rowCount));
    }
  });
  const wantedRules = conditionalRules(spec, sheetId);
  const rules = sheet?.conditionalFormats ?? [];
  if (!carries(rules, wantedRules)) {
    for (let i = rules.length - 1; i >= 0; i--) requests.push({ deleteConditionalFormatRule: { sheetId, index: i } });
    wantedRules.forEach((rule, index) => requests.push({ addConditionalFormatRule: { rule, index } }));
  }
  const ours = (sheet?.protectedRanges ?? []).filter((p) => OUR_PROTECTIONS.has(p.description ?? ""));
  const wantedProtection = protectedRanges(spec, sheetId);
  if (!carries(ours, wantedProtection)) {
    ours.forEach((p) => requests.push({ deleteProtectedRange: { protectedRangeId: p.protectedRangeId } }));
    wantedProtection.forEach((protectedRange) => requests.push({ addProtectedRange: { protectedRange } }));
  }
  return requests;
}

/** Reads what setup compares: properties, rules, protections, the header row and the first data row. */
export async function readLayout(gateway: SheetsGateway, spreadsheetId: string): Promise<sheets_v4.Schema$Spreadsheet> {
  const meta = await gateway.get(spreadsheetId, {
    fields: "properties(locale,timeZone),sheets.properties(title,sheetId,gridProperties(rowCount,columnCount))",
  });
  const grids = new Map((meta.sheets ?? []).map((s) => [s.properties?.title, s.properties?.gridProperties]));
  // Never past the grid a person may have shrunk (Sheets refuses such a read).
  const ranges = WORKBOOK.filter((s) => grids.has(s.title) && s.columns.length).map((s) => {
    const grid = grids.get(s.title) ?? {};
    return `${quoteSheet(s.title)}!A1:${columnLetter(Math.min(s.columns.length, grid.columnCount ?? 1) - 1)}${Math.min(2, grid.rowCount ?? 1)}`;
  });
  const full = await gateway.get(spreadsheetId, {
    ranges,
    includeGridData: true,
    fields:
      "sheets(properties,conditionalFormats,protectedRanges,data(rowData.values(userEnteredValue,userEnteredFormat),columnMetadata.pixelSize))",
  });
  return {
    properties: meta.properties,
    sheets: [
      ...(full.sheets ?? []),
      ...(meta.sheets ?? []).filter((s) => !ranges.some((r) => r.startsWith(quoteSheet(s.properties!.title!) + "!"))),
    ],
  };
}

export async function setupWorkbook(gateway: SheetsGateway, spreadsheetId: string): Promise<SetupResult> {
  const current = await readLayout(gateway, spreadsheetId);
  const byTitle = new Map((current.sheets ?? []).map((s) => [s.properties!.title!, s]));
  const usedIds = new Set((current.sheets ?? []).map((s) => s.properties!.sheetId!));
  const requests: Request[] = [];
  if (current.properties?.locale !== "fr_FR" || current.properties?.timeZone !== "Europe/Paris") {
    requests.push({
      updateSpreadsheetProperties: {
        properties: { locale: "fr_FR", timeZone: "Europe/Paris" },
        fields: "locale,timeZone",
      },
    });
  }
  const sheetIds: Record<string, number> = {};
  let nextId = 1001;
  WORKBOOK.forEach((spec) => {
    const existing = byTitle.get(spec.title);
    let sheetId = existing?.properties?.sheetId ?? undefined;
    if (sheetId === undefined || sheetId === null) {
      while (usedIds.has(nextId)) nextId++;
      sheetId = nextId++;
      usedIds.add(sheetId);
      // Fixed ids chosen here so the same batch can format the new sheet.
      requests.push({ addSheet: { properties: { sheetId, title: spec.title } } });
    }
    sheetIds[spec.title] = sheetId;
    requests.push(...sheetRequests(spec, existing, sheetId));
  });
  requests.push(
    ...(await emptyDefaultTabs(gateway, spreadsheetId, current)).map((sheetId) => ({ deleteSheet: { sheetId } })),
  );
  await gateway.batchUpdate(spreadsheetId, requests);
  return { spreadsheetId, requests: requests.length, sheetIds };
}

/** The tab a new spreadsheet comes with, in English or French Sheets. */
const DEFAULT_TAB = /^(Sheet|Feuille ?)1$/;

/**
 * The new spreadsheet's own empty tab (« Sheet1 », « Feuille 1 »), which
 * would open first in front of « Acomptes »: removed once ours exist. A tab
 * of that name holding anything is a person's and stays.
 */
async function emptyDefaultTabs(
  gateway: SheetsGateway,
  spreadsheetId: string,
  current: sheets_v4.Schema$Spreadsheet,
): Promise<number[]> {
  const ours = new Set(WORKBOOK.map((spec) => spec.title));
  const candidates = (current.sheets ?? [])
    .map((s) => s.properties!)
    .filter((p) => DEFAULT_TAB.test(p.title ?? "") && !ours.has(p.title!))
    // readLayout may list a tab twice (with and without its grid).
    .filter((p, i, all) => all.findIndex((q) => q.sheetId === p.sheetId) === i);
  if (candidates.length === 0) return [];
  const contents = await gateway.readValues(
    spreadsheetId,
    candidates.map((p) => quoteSheet(p.title!)),
  );
  return candidates.filter((_, i) => contents[i].every((row) => row.every((v) => v === ""))).map((p) => p.sheetId!);
}
