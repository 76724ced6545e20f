/**
 * Writes the dashboard to a company's workbook: one values write for the
 * figures, and — the first time only — the number formats of the value
 * column and the two charts (aged balance, cash-out forecast). The layout
 * is fixed, so later runs rewrite the same cells under the same charts.
 */
import { quoteSheet } from "../sheets/layout/a1";
import { numberFormat, type ColumnKind } from "../sheets/layout/sheet-spec";
import { setupWorkbook } from "../sheets/layout/setup-workbook";
import { TABLEAU_DE_BORD } from "../sheets/layout/workbook-spec";
import { rawValue, type Cell } from "../sheets/cell";
import type { Request, SheetsGateway } from "../sheets/sheets-gateway";
import type { DashboardFigures } from "../domain/dashboard/dashboard-accumulator";
import { dashboardSheet, type ChartSpec } from "./dashboard-sheet";

const KIND: Record<Cell["t"], ColumnKind> = {
  text: "text",
  money: "money",
  date: "date",
  datetime: "datetime",
  int: "int",
  percent: "percent",
};

async function dashboardTab(gateway: SheetsGateway, spreadsheetId: string) {
  const meta = await gateway.get(spreadsheetId, {
    fields: "sheets(properties(sheetId,title,gridProperties.rowCount),charts(chartId))",
  });
  return (meta.sheets ?? []).find((s) => s.properties?.title === TABLEAU_DE_BORD.title);
}

function chartRequest(sheetId: number, chart: ChartSpec, index: number): Request {
  const range = (column: number) => ({
    sources: [
      {
        sheetId,
        startRowIndex: chart.startRow + 1,
        endRowIndex: chart.endRow,
        startColumnIndex: column,
        endColumnIndex: column + 1,
      },
    ],
  });
  return {
    addChart: {
      chart: {
        spec: {
          title: chart.title,
          basicChart: {
            chartType: "COLUMN",
            legendPosition: "NO_LEGEND",
            headerCount: 0,
            domains: [{ domain: { sourceRange: range(0) } }],
            series: [{ series: { sourceRange: range(1) }, targetAxis: "LEFT_AXIS" }],
          },
        },
        position: { overlayPosition: { anchorCell: { sheetId, rowIndex: 1 + index * 20, columnIndex: 3 } } },
      },
    },
  };
}

export async function writeDashboardSheet(
  gateway: SheetsGateway,
  spreadsheetId: string,
  figures: DashboardFigures,
): Promise<{ writeCalls: number }> {
  const { rows, charts } = dashboardSheet(figures);
  let writeCalls = 0;
  let tab = await dashboardTab(gateway, spreadsheetId);
  if (!tab) {
    await setupWorkbook(gateway, spreadsheetId);
    writeCalls++;
    tab = await dashboardTab(gateway, spreadsheetId);
  }
  const sheetId = tab!.properties!.sheetId!;
  const requests: Request[] = [];
  if ((tab!.properties!.gridProperties?.rowCount ?? 0) < rows.length) {
    requests.push({
      updateSheetProperties: {
        properties: { sheetId, gridProperties: { rowCount: rows.length } },
        fields: "gridProperties.rowCount",
      },
    });
  }
  const firstWrite = (tab!.charts ?? []).length === 0;
  // Every typed cell of either column (the weeks of the forecast are dates in column A, « Semaine du »), on
  // every write: a layout that grew rows below (the bank figures) gets them formatted on a sheet written before.
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell || (c === 0 && cell.t === "text")) return;
      requests.push({
        repeatCell: {
          range: { sheetId, startRowIndex: r, endRowIndex: r + 1, startColumnIndex: c, endColumnIndex: c + 1 },
          cell: { userEnteredFormat: { numberFormat: numberFormat(KIND[cell.t]) } },
          fields: "userEnteredFormat.numberFormat",
        },
      });
    }),
  );
  if (firstWrite) {
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: "COLUMNS", startIndex: 0, endIndex: 1 },
        properties: { pixelSize: 420 },
        fields: "pixelSize",
      },
    });
    charts.forEach((c, i) => requests.push(chartRequest(sheetId, c, i)));
  }
  if (requests.length) {
    await gateway.batchUpdate(spreadsheetId, requests);
    writeCalls++;
  }
  const values = rows.map((row) => row.map((c) => (c ? rawValue(c) : "")));
  writeCalls += await gateway.writeValues(spreadsheetId, [
    { range: `${quoteSheet(TABLEAU_DE_BORD.title)}!A1:B${rows.length}`, values },
  ]);
  return { writeCalls };
}
