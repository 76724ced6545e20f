/**
 * Writes « Tableau clients » while the dashboard job streams the customers:
 * rows are buffered CHUNK_ROWS at a time and sent (values.batchUpdate, split
 * under the payload limit by the gateway), so 100,000 customers cost about
 * twenty writes and never more than one chunk in memory. The grid grows by
 * doubling ahead of the rows; at the end it is cut to the rows written, which
 * drops a previous run's extra customers, and the columns' number formats
 * are laid over every row.
 */
import type { CustomerTableRow } from "../domain/dashboard/customer-table-row";
import { quoteSheet, columnLetter } from "../sheets/layout/a1";
import { formatRequests, setupWorkbook } from "../sheets/layout/setup-workbook";
import { TABLEAU_CLIENTS } from "../sheets/layout/workbook-spec";
import { rawValue, type RawValue } from "../sheets/cell";
import type { Request, SheetsGateway } from "../sheets/sheets-gateway";
import type { CustomerRowSink } from "./company-dashboard";
import { customerTableCells } from "./customer-table-sheet";

/** Rows per write: about 1.5 MB of JSON at most, under the gateway's 2 MB split, one call each. */
export const CHUNK_ROWS = 5_000;

export interface CustomerTableWriter extends CustomerRowSink {
  /** Sends what is buffered, cuts the grid to the rows written and formats them; returns the customers written. */
  close(): Promise<number>;
}

async function customerTab(gateway: SheetsGateway, spreadsheetId: string) {
  const meta = await gateway.get(spreadsheetId, {
    fields: "sheets(properties(sheetId,title,gridProperties.rowCount))",
  });
  return (meta.sheets ?? []).find((s) => s.properties?.title === TABLEAU_CLIENTS.title)?.properties;
}

export async function openCustomerTableSheet(
  gateway: SheetsGateway,
  spreadsheetId: string,
  chunkRows = CHUNK_ROWS,
): Promise<CustomerTableWriter> {
  let tab = await customerTab(gateway, spreadsheetId);
  if (!tab) {
    // A workbook set up before the sheet existed: setup adds it (header, widths, formats, protection).
    await setupWorkbook(gateway, spreadsheetId);
    tab = await customerTab(gateway, spreadsheetId);
  }
  const sheetId = tab!.sheetId!;
  let rowCount = tab!.gridProperties?.rowCount ?? 0;
  const lastColumn = columnLetter(TABLEAU_CLIENTS.columns.length - 1);
  let buffer: RawValue[][] = [];
  let written = 0;

  let customers = 0;
  const resize = (rows: number): Request => ({
    updateSheetProperties: {
      properties: { sheetId, gridProperties: { rowCount: rows } },
      fields: "gridProperties.rowCount",
    },
  });
  const flush = async () => {
    if (buffer.length === 0) return;
    const first = 2 + written; // row 1 is the header
    const last = first + buffer.length - 1;
    if (last > rowCount) {
      rowCount = Math.max(last, 2 * rowCount);
      await gateway.batchUpdate(spreadsheetId, [resize(rowCount)]);
    }
    await gateway.writeValues(spreadsheetId, [
      { range: `${quoteSheet(TABLEAU_CLIENTS.title)}!A${first}:${lastColumn}${last}`, values: buffer },
    ]);
    written += buffer.length;
    buffer = [];
  };

  return {
    async add(row: CustomerTableRow) {
      buffer.push(customerTableCells(row).map(rawValue));
      customers++;
      if (buffer.length >= chunkRows) await flush();
    },
    async close() {
      // No customer: row 2 is blanked, since a grid keeps at least one row under its frozen header.
      if (written === 0 && buffer.length === 0) buffer.push(TABLEAU_CLIENTS.columns.map(() => ""));
      await flush();
      const rows = 1 + written;
      await gateway.batchUpdate(spreadsheetId, [resize(rows), ...formatRequests(TABLEAU_CLIENTS, sheetId, 1, rows)]);
      return customers;
    },
  };
}
