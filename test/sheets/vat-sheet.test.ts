/** « Déclaration de TVA »: the VAT return written into the `TVA` sheet, typed cells, text never a formula, rewritten whole. */
import { VatReturnBuilder, vatPeriod } from "../../functions/src/domain";
import { writeVatSheet } from "../../functions/src/sheets/vat-sheet";
import { TestApi, startTestApi } from "../support/workflow-api";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER } from "../workflow/fixtures";
import { importSuite } from "./import-suite";

const suite = importSuite("vatsheet");
let api: TestApi;
beforeAll(async () => (api = await startTestApi(suite.fs.db)));
afterAll(() => api.close());

async function sheetValues(spreadsheetId: string, range = "TVA!A1:I60") {
  const res = await suite.kit.gateway.api.spreadsheets.values.get({
    spreadsheetId,
    range,
    valueRenderOption: "UNFORMATTED_VALUE",
  });
  return (res.data.values ?? []) as (string | number)[][];
}

test("the menu's call writes the quarter's return into TVA, amounts as numbers, and rewrites it whole for another period", async () => {
  api.setToday("2026-01-15");
  expect((await api.call("POST", `/v1/companies/${C}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY })).status).toBe(
    201,
  );
  const spreadsheetId = await suite.kit.newSpreadsheet();
  expect((await suite.setup(ADMIN, spreadsheetId)).status).toBe(200);

  const res = await suite.call("vat-return", ACCOUNTING, { spreadsheetId, period: "2026-Q1" });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ sheet: "TVA", period: "1er trimestre 2026", vat: "720.00", warnings: [] });
  const values = await sheetValues(spreadsheetId);
  expect(values[0]).toEqual(["Déclaration de TVA (CA3) : 1er trimestre 2026", "du 01/01/2026 au 31/03/2026"]);
  expect(values[2]).toEqual(["Ligne CA3", "Libellé", "Base HT", "TVA"]);
  // Worked example 1's deposit: 3,600.00 at 20 % on line 08, 720.00 of VAT.
  expect(values.find((r) => r[0] === "08")).toEqual(["08", "Taux normal 20 %", 3600, 720]);
  expect(values.find((r) => r[2] === "FA-2026-000001")).toEqual([
    "20 %",
    "Acomptes encaissés",
    "FA-2026-000001",
    46037, // 15/01/2026 as a date serial, shown dd/mm/yyyy
    46037,
    "Encaissement",
    46037,
    3600,
    720,
  ]);
  const rowsBefore = values.length;

  // February has no VAT document: the sheet is rewritten, nothing of the quarter left.
  const feb = await suite.call("vat-return", ADMIN, { spreadsheetId, month: "2026-02" });
  expect(feb.status).toBe(200);
  const after = await sheetValues(spreadsheetId);
  expect(after[0][0]).toBe("Déclaration de TVA (CA3) : février 2026");
  expect(after.length).toBeLessThan(rowsBefore);
  expect(after.flat()).not.toContain("FA-2026-000001");

  await expect(suite.call("vat-return", ACCOUNTING, { spreadsheetId, period: "T1" })).rejects.toMatchObject({
    message: "Paramètre « period » : un trimestre comme 2026-Q1 (ou le mois dans « month », comme 2026-03).",
  });
  await expect(suite.call("vat-return", REQUESTER, { spreadsheetId, period: "2026-Q1" })).rejects.toMatchObject({
    status: 403,
  });
});

test("text that looks like a formula stays text in the TVA sheet", async () => {
  const spreadsheetId = await suite.kit.newSpreadsheet();
  const builder = new VatReturnBuilder(vatPeriod({ month: "2026-01" }), { vatOnDebits: false });
  builder.add({
    source: "deposit",
    number: '=HYPERLINK("http://x";"y")',
    date: "2026-01-15",
    postedOn: "2026-01-15",
    cashedOn: "2026-01-15",
    supplyKind: "goods",
    lines: [{ vatRate: "20", net: "100.00", vat: "20.00" }],
    ledgerVat: "20.00",
    entries: ["EC-1"],
  });
  await writeVatSheet(suite.kit.gateway, spreadsheetId, builder.result());
  const grid = await suite.kit.gateway.get(spreadsheetId, { ranges: ["TVA!A1:I30"], includeGridData: true });
  const entered = grid.sheets![0].data![0].rowData!.flatMap((r) => (r.values ?? []).map((v) => v.userEnteredValue));
  expect(entered).toContainEqual({ stringValue: '=HYPERLINK("http://x";"y")' });
  expect(entered.some((v) => v && "formulaValue" in v)).toBe(false);
});
