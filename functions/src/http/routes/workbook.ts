import type { ReadCommand } from "../../application/command";
import { commandRoute } from "../command-route";
import type { Route } from "../route";

/** The add-on's workbook actions (sheets/workbook-commands.ts builds them with the Sheets gateway). */
export function workbookRoutes(commands: {
  bindingCode: ReadCommand;
  setup: ReadCommand;
  resync: ReadCommand;
  import: ReadCommand;
  vatReturn: ReadCommand;
}): Route[] {
  const sheets = "/v1/companies/:companyId/sheets";
  return [
    commandRoute("POST", `${sheets}/binding-code`, commands.bindingCode),
    commandRoute("POST", `${sheets}/setup`, commands.setup),
    commandRoute("POST", `${sheets}/resync`, commands.resync),
    commandRoute("POST", `${sheets}/import`, commands.import),
    commandRoute("POST", `${sheets}/vat-return`, commands.vatReturn),
  ];
}
