/** Customer names that look like formulas or numbers are written and read back as text. */
import { rawValue, text } from "../../functions/src/sheets/cell";
import { startSheetsKit, type SheetsKit } from "./sheets-test-kit";

let kit: SheetsKit;
beforeAll(async () => (kit = await startSheetsKit()));
afterAll(() => kit.stop());

const NAMES = ['=HYPERLINK("http://x";"y")', "+1", "-1", "@x", "=1+1", "'quoted", " =SUM(A1:A2)"];

it("writes user text through the gateway so that it stays text", async () => {
  const id = await kit.newSpreadsheet();
  await kit.gateway.writeValues(id, [{ range: "Sheet1!A1:A7", values: NAMES.map((n) => [rawValue(text(n))]) }]);
  const [read] = await kit.gateway.readValues(id, ["Sheet1!A1:A7"]);
  expect(read).toEqual(NAMES.map((n) => [n]));
  const formatted = await kit.gateway.api.spreadsheets.values.get({
    spreadsheetId: id,
    range: "Sheet1!A1:A7",
    valueRenderOption: "FORMATTED_VALUE",
  });
  expect(formatted.data.values).toEqual(NAMES.map((n) => [n]));
  const grid = await kit.gateway.get(id, { ranges: ["Sheet1!A1:A7"], includeGridData: true });
  const entered = grid.sheets![0].data![0].rowData!.map((r) => r.values![0].userEnteredValue);
  expect(entered).toEqual(NAMES.map((n) => ({ stringValue: n })));
});

it("the same names sent as USER_ENTERED would not stay text (what the gateway avoids)", async () => {
  const id = await kit.newSpreadsheet();
  await kit.gateway.api.spreadsheets.values.update({
    spreadsheetId: id,
    range: "Sheet1!A1:A4",
    valueInputOption: "USER_ENTERED",
    requestBody: { values: NAMES.slice(0, 4).map((n) => [n]) },
  });
  const grid = await kit.gateway.get(id, { ranges: ["Sheet1!A1:A4"], includeGridData: true });
  const entered = grid.sheets![0].data![0].rowData!.map((r) => r.values![0].userEnteredValue);
  expect(entered).toEqual([{ formulaValue: NAMES[0] }, { numberValue: 1 }, { numberValue: -1 }, { stringValue: "@x" }]);
});
