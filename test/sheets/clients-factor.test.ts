/**
 * The `Clients` sheet's factoring (#16): a row assigning a customer to a
 * factor the company has not configured is refused beside the row, in
 * French naming the factor and the configured ones, no record written or
 * changed; typed in any case, the configured factor is recorded under its
 * name — through the same command as the API, on the emulator and the
 * local Sheets server.
 */
import type { ImportResult } from "../../functions/src/sheets/import/import-under-lease";
import { CUSTOMERS } from "../../functions/src/model/collections";
import type { CustomerDoc } from "../../functions/src/model/customer";
import { ACCOUNTING, C } from "../workflow/fixtures";
import { LAST, cellOf, clientRow, typeCells } from "./clients-sheet";
import { importSuite } from "./import-suite";

const suite = importSuite("sheetsfactor");
const fs = suite.fs;
const company = () => fs.db.collection("companies").doc(C);
const records = async () => (await company().collection(CUSTOMERS).get()).docs.map((d) => d.data() as CustomerDoc);

const type = (spreadsheetId: string, range: string, values: (string | number)[][]) =>
  typeCells(suite.kit, spreadsheetId, range, values);
const importRows = async (spreadsheetId: string) => {
  const answer = await suite.call("import", ACCOUNTING, { spreadsheetId });
  expect(answer.status).toBe(200);
  return (answer.body as ImportResult).sheets?.Clients;
};

const GARAGE = {
  Client: "Garage Dupuis SAS",
  "Type de client": "Professionnel",
  SIREN: "552 100 554",
  Affacturage: "Affacturé",
  Factor: "Eurofactor",
};
const REFUSAL =
  "Colonne « Factor » : le factor Eurofactor n'est pas configuré pour la société (factors configurés : Rhône Affacturage SA).";

beforeEach(async () => {
  await company().update({
    "settings.factors": [{ name: "Rhône Affacturage SA", iban: "FR7630004000031234567890143" }],
  });
});

test("a row naming an unconfigured factor is refused in French, nothing recorded; the configured one, typed in any case, is recorded under its name", async () => {
  const spreadsheetId = await suite.workbookWith({});
  await type(spreadsheetId, `Clients!A2:${LAST}2`, [clientRow(GARAGE)]);
  const first = await importRows(spreadsheetId);
  expect(first?.refused).toEqual([{ row: 2, message: REFUSAL }]);
  expect(await records()).toEqual([]);

  await type(spreadsheetId, cellOf("Factor", 2), [["rhône AFFACTURAGE sa"]]);
  const second = await importRows(spreadsheetId);
  expect(second?.recorded).toHaveLength(1);
  const [garage] = await records();
  expect(garage.factoring).toEqual({ status: "assigned", factor: "Rhône Affacturage SA" });

  // Changing the recorded row to another factor: refused, the record keeps its factor.
  await type(spreadsheetId, cellOf("Factor", 2), [["Eurofactor"]]);
  const third = await importRows(spreadsheetId);
  expect(third?.refused).toEqual([{ row: 2, message: REFUSAL }]);
  expect((await records())[0].factoring).toEqual({ status: "assigned", factor: "Rhône Affacturage SA" });
});
