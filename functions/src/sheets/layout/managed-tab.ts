import type { Request, SheetsGateway } from "../sheets-gateway";
import { formatRequests, setupWorkbook } from "./setup-workbook";
import type { SheetSpec } from "./sheet-spec";

export interface ManagedTab {
  sheetId: number;
  rowCount: number;
  /** Whether the layout had to be set up first (one write call). */
  setUp: boolean;
}

/** A sheet of the Acompte layout, by title; the layout is set up first when the sheet is missing. */
export async function managedTab(gateway: SheetsGateway, spreadsheetId: string, title: string): Promise<ManagedTab> {
  const find = async () =>
    (
      await gateway.get(spreadsheetId, { fields: "sheets.properties(sheetId,title,gridProperties.rowCount)" })
    ).sheets?.find((s) => s.properties?.title === title)?.properties;
  let props = await find();
  const setUp = !props;
  if (setUp) {
    await setupWorkbook(gateway, spreadsheetId);
    props = await find();
  }
  return { sheetId: props!.sheetId!, rowCount: props!.gridProperties?.rowCount ?? 0, setUp };
}

/** The requests that grow a managed sheet to `rows` rows, the new rows formatted like the others. */
export function growRequests(spec: SheetSpec, tab: ManagedTab, rows: number): Request[] {
  return [
    {
      updateSheetProperties: {
        properties: { sheetId: tab.sheetId, gridProperties: { rowCount: rows } },
        fields: "gridProperties.rowCount",
      },
    },
    ...formatRequests(spec, tab.sheetId, tab.rowCount, rows),
  ];
}
