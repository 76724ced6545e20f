/**
 * The local Sheets server driven by the real @googleapis/sheets client, as
 * the product uses it.
 */
import { sheets, type sheets_v4 } from "@googleapis/sheets";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSheetsServer, type SheetsServer } from "../../functions/testing/sheets-server";

let server: SheetsServer;
let api: sheets_v4.Sheets;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "sheets-server-"));
  server = await startSheetsServer({ dataDir });
  api = sheets({ version: "v4", rootUrl: `${server.url}/`, retry: false, fetchImplementation: fetch });
});
afterAll(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function newSpreadsheet(locale = "fr_FR"): Promise<string> {
  const res = await api.spreadsheets.create({
    requestBody: {
      properties: { title: "Essai", locale, timeZone: "Europe/Paris" },
      sheets: [{ properties: { title: "O'Brien" } }, { properties: { title: "Échéancier 2026" } }],
    },
  });
  return res.data.spreadsheetId!;
}

async function apiError(p: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    await p;
  } catch (e) {
    const err = e as { status?: number; response?: { status: number; data: unknown } };
    return { status: err.response!.status, body: err.response!.data };
  }
  throw new Error("the call succeeded");
}

describe("local Sheets server through @googleapis/sheets", () => {
  it('a row shorter than its range and a null leave cells as they are; "" clears a cell (the write-back trims on this)', async () => {
    const id = await newSpreadsheet();
    const range = "'Échéancier 2026'!A1:D2";
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range,
      valueInputOption: "RAW",
      requestBody: {
        values: [
          ["a", "b", "c", "d"],
          ["e", "f", "g", "h"],
        ],
      },
    });
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: "RAW",
        data: [
          {
            range,
            values: [
              ["A", null],
              ["E", "", "G"],
            ],
          },
        ],
      },
    });
    const res = await api.spreadsheets.values.get({ spreadsheetId: id, range });
    expect(res.data.values).toEqual([
      ["A", "b", "c", "d"],
      ["E", "", "G", "h"],
    ]);
  });

  it("USER_ENTERED parses formulas, numbers, dates and booleans; a leading apostrophe forces text; RAW stores strings as typed", async () => {
    const id = await newSpreadsheet();
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'O''Brien'!A1:F1",
      valueInputOption: "USER_ENTERED",
      requestBody: { values: [["=1", "+1", "15/01/2026", "3 600,50", "VRAI", "'=2"]] },
    });
    await api.spreadsheets.values
      .update({
        spreadsheetId: id,
        range: "'O''Brien'!A2",
        valueInputOption: "RAW",
        requestBody: { values: [["=1", "+1", "15/01/2026", 12.5, true]] },
      })
      .catch(() => undefined); // A2 is one cell: five values do not fit
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'O''Brien'!A2:E2",
      valueInputOption: "RAW",
      requestBody: { values: [["=1", "+1", "15/01/2026", 12.5, true]] },
    });
    const unformatted = await api.spreadsheets.values.get({
      spreadsheetId: id,
      range: "'O''Brien'!A1:F2",
      valueRenderOption: "UNFORMATTED_VALUE",
    });
    expect(unformatted.data.values).toEqual([
      [1, 1, 46037, 3600.5, true, "=2"],
      ["=1", "+1", "15/01/2026", 12.5, true],
    ]);
    const formulas = await api.spreadsheets.values.get({
      spreadsheetId: id,
      range: "'O''Brien'!A1:A2",
      valueRenderOption: "FORMULA",
    });
    expect(formulas.data.values).toEqual([["=1"], ["=1"]]);
    const formatted = await api.spreadsheets.values.get({ spreadsheetId: id, range: "'O''Brien'!A1:F1" });
    expect(formatted.data.values).toEqual([["1", "1", "15/01/2026", "3600,5", "VRAI", "=2"]]);
    const grid = await api.spreadsheets.get({ spreadsheetId: id, ranges: ["'O''Brien'!A1:A2"], includeGridData: true });
    const cells = grid.data.sheets![0].data![0].rowData!.map((r) => r.values![0].userEnteredValue);
    expect(cells).toEqual([{ formulaValue: "=1" }, { stringValue: "=1" }]);
  });

  it("USER_ENTERED keeps text typed into a plain-text cell as typed", async () => {
    const id = await newSpreadsheet();
    await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            repeatCell: {
              range: { sheetId: 0, startColumnIndex: 0, endColumnIndex: 1 },
              cell: { userEnteredFormat: { numberFormat: { type: "TEXT" } } },
              fields: "userEnteredFormat.numberFormat",
            },
          },
        ],
      },
    });
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'O''Brien'!A1:B3",
      valueInputOption: "USER_ENTERED",
      requestBody: {
        values: [
          ["012345678", "012345678"],
          ["=1", "=1"],
          ["+1", "+1"],
        ],
      },
    });
    const got = await api.spreadsheets.values.get({
      spreadsheetId: id,
      range: "'O''Brien'!A1:B3",
      valueRenderOption: "UNFORMATTED_VALUE",
    });
    expect(got.data.values).toEqual([
      ["012345678", 12345678],
      ["=1", 1],
      ["+1", 1],
    ]);
  });

  it("reads open-ended ranges, whole sheets and columns-major, trimming empty trailing cells", async () => {
    const id = await newSpreadsheet("en_US");
    await api.spreadsheets.values
      .update({
        spreadsheetId: id,
        range: "'Échéancier 2026'!B2",
        valueInputOption: "RAW",
        requestBody: { values: [["x", "", "y"], ["z"]] },
      })
      .catch(() => undefined);
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Échéancier 2026'!B2:D3",
      valueInputOption: "RAW",
      requestBody: { values: [["x", "", "y"], ["z"]] },
    });
    const open = await api.spreadsheets.values.get({ spreadsheetId: id, range: "'Échéancier 2026'!A2:D" });
    expect(open.data).toMatchObject({
      range: "'Échéancier 2026'!A2:D1000",
      majorDimension: "ROWS",
      values: [
        ["", "x", "", "y"],
        ["", "z"],
      ],
    });
    const cols = await api.spreadsheets.values.get({
      spreadsheetId: id,
      range: "'Échéancier 2026'!B:C",
      majorDimension: "COLUMNS",
    });
    expect(cols.data.values).toEqual([["", "x", "z"]]);
    const batch = await api.spreadsheets.values.batchGet({
      spreadsheetId: id,
      ranges: ["'Échéancier 2026'", "'O''Brien'!A1:B2"],
    });
    expect(batch.data.valueRanges!.map((v) => [v.range, v.values])).toEqual([
      ["'Échéancier 2026'!A1:Z1000", [[], ["", "x", "", "y"], ["", "z"]]],
      ["'O''Brien'!A1:B2", undefined],
    ]);
  });

  it("answers Google's error shape: 400 bad range, 400 missing valueInputOption, 400 outside the grid, 404 unknown spreadsheet", async () => {
    const id = await newSpreadsheet();
    expect(await apiError(api.spreadsheets.values.get({ spreadsheetId: id, range: "Inconnu!A1" }))).toEqual({
      status: 400,
      body: { error: { code: 400, message: "Unable to parse range: Inconnu!A1", status: "INVALID_ARGUMENT" } },
    });
    const missing = await apiError(
      api.spreadsheets.values.update({ spreadsheetId: id, range: "'O''Brien'!A1", requestBody: { values: [["x"]] } }),
    );
    expect(missing).toMatchObject({
      status: 400,
      body: { error: { status: "INVALID_ARGUMENT", message: "'valueInputOption' is required but not specified" } },
    });
    const outside = await apiError(
      api.spreadsheets.values.update({
        spreadsheetId: id,
        range: "'O''Brien'!A1000:A1001",
        valueInputOption: "RAW",
        requestBody: { values: [["x"], ["y"]] },
      }),
    );
    expect(outside).toMatchObject({
      status: 400,
      body: {
        error: { message: "Range ('O''Brien'!A1000:A1001) exceeds grid limits. Max rows: 1000, max columns: 26" },
      },
    });
    const readPast = await apiError(api.spreadsheets.values.get({ spreadsheetId: id, range: "'O''Brien'!A1:AA2" }));
    expect(readPast).toMatchObject({
      status: 400,
      body: { error: { message: "Range ('O''Brien'!A1:AA2) exceeds grid limits. Max rows: 1000, max columns: 26" } },
    });
    expect(await apiError(api.spreadsheets.get({ spreadsheetId: "absent" }))).toEqual({
      status: 404,
      body: { error: { code: 404, message: "Requested entity was not found.", status: "NOT_FOUND" } },
    });
  });

  it("validates a whole batch before writing: one bad range and nothing changes", async () => {
    const id = await newSpreadsheet();
    const bad = await apiError(
      api.spreadsheets.values.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          valueInputOption: "RAW",
          data: [
            { range: "'O''Brien'!A1", values: [["écrit ?"]] },
            { range: "Nulle part!A1", values: [["x"]] },
          ],
        },
      }),
    );
    expect(bad.status).toBe(400);
    const after = await api.spreadsheets.values.get({ spreadsheetId: id, range: "'O''Brien'!A1" });
    expect(after.data.values).toBeUndefined();

    const badRequests = await apiError(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            { addSheet: { properties: { title: "Nouvelle" } } },
            { addSheet: { properties: { title: "O'Brien" } } },
          ],
        },
      }),
    );
    expect(badRequests).toMatchObject({
      status: 400,
      body: {
        error: {
          message:
            'Invalid requests[1].addSheet: A sheet with the name "O\'Brien" already exists. Please enter another name.',
        },
      },
    });
    const meta = await api.spreadsheets.get({ spreadsheetId: id, fields: "sheets.properties.title" });
    expect(meta.data).toEqual({
      sheets: [{ properties: { title: "O'Brien" } }, { properties: { title: "Échéancier 2026" } }],
    });
  });

  it("applies formatting requests and returns them from spreadsheets.get", async () => {
    const id = await newSpreadsheet();
    const res = await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateSheetProperties: {
              properties: { sheetId: 0, gridProperties: { frozenRowCount: 1 } },
              fields: "gridProperties.frozenRowCount",
            },
          },
          {
            updateDimensionProperties: {
              range: { sheetId: 0, dimension: "COLUMNS", startIndex: 1, endIndex: 2 },
              properties: { pixelSize: 180 },
              fields: "pixelSize",
            },
          },
          {
            repeatCell: {
              range: { sheetId: 0, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
              cell: { userEnteredFormat: { numberFormat: { type: "CURRENCY", pattern: '#,##0.00 "€"' } } },
              fields: "userEnteredFormat.numberFormat",
            },
          },
          {
            addProtectedRange: {
              protectedRange: {
                range: { sheetId: 0, startColumnIndex: 1, endColumnIndex: 2 },
                description: "calculé",
                warningOnly: true,
              },
            },
          },
          {
            addConditionalFormatRule: {
              index: 0,
              rule: {
                ranges: [{ sheetId: 0, startRowIndex: 1 }],
                booleanRule: {
                  condition: { type: "TEXT_EQ", values: [{ userEnteredValue: "Payé" }] },
                  format: { backgroundColor: { green: 1 } },
                },
              },
            },
          },
          {
            addChart: {
              chart: {
                spec: { title: "Prévision" },
                position: { overlayPosition: { anchorCell: { sheetId: 0, rowIndex: 0, columnIndex: 4 } } },
              },
            },
          },
        ],
      },
    });
    expect(res.data.replies![3].addProtectedRange!.protectedRange!.protectedRangeId).toEqual(expect.any(Number));
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'O''Brien'!B2",
      valueInputOption: "RAW",
      requestBody: { values: [[1234567.891]] },
    });
    const value = await api.spreadsheets.values.get({ spreadsheetId: id, range: "'O''Brien'!B2" });
    expect(value.data.values).toEqual([["1\u202f234\u202f567,89 €"]]);
    const got = await api.spreadsheets.get({ spreadsheetId: id, ranges: ["'O''Brien'!A1:B2"], includeGridData: true });
    const sheet = got.data.sheets![0];
    expect(sheet.properties!.gridProperties!.frozenRowCount).toBe(1);
    expect(sheet.data![0].columnMetadata!.map((c) => c.pixelSize)).toEqual([100, 180]);
    expect(sheet.data![0].rowData![1].values![1].userEnteredFormat).toEqual({
      numberFormat: { type: "CURRENCY", pattern: '#,##0.00 "€"' },
    });
    expect(sheet.protectedRanges).toEqual([expect.objectContaining({ description: "calculé", warningOnly: true })]);
    expect(sheet.conditionalFormats).toHaveLength(1);
    expect(sheet.charts).toEqual([expect.objectContaining({ spec: { title: "Prévision" } })]);

    const protectedRangeId = res.data.replies![3].addProtectedRange!.protectedRange!.protectedRangeId!;
    const chartId = res.data.replies![5].addChart!.chart!.chartId!;
    await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [{ deleteProtectedRange: { protectedRangeId } }, { deleteEmbeddedObject: { objectId: chartId } }],
      },
    });
    const after = await api.spreadsheets.get({ spreadsheetId: id, fields: "sheets(protectedRanges,charts)" });
    expect(after.data.sheets![0]).toEqual({});
    const again = await apiError(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ deleteEmbeddedObject: { objectId: chartId } }] },
      }),
    );
    expect(again).toMatchObject({
      status: 400,
      body: { error: { message: `Invalid requests[0].deleteEmbeddedObject: No object with id: ${chartId}` } },
    });
  });

  it("appends below the table (growing the grid), clears values but keeps formats", async () => {
    const id = await newSpreadsheet();
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'O''Brien'!A1:B2",
      valueInputOption: "RAW",
      requestBody: {
        values: [
          ["Nom", "Montant"],
          ["a", 1],
        ],
      },
    });
    const appended = await api.spreadsheets.values.append({
      spreadsheetId: id,
      range: "'O''Brien'!A:B",
      valueInputOption: "RAW",
      requestBody: { values: [["b", 2]] },
    });
    expect(appended.data).toMatchObject({
      tableRange: "'O''Brien'!A1:B2",
      updates: { updatedRange: "'O''Brien'!A3:B3", updatedCells: 2 },
    });
    await api.spreadsheets.values.clear({ spreadsheetId: id, range: "'O''Brien'!A2:B" });
    const left = await api.spreadsheets.values.get({ spreadsheetId: id, range: "'O''Brien'" });
    expect(left.data.values).toEqual([["Nom", "Montant"]]);
  });

  it("writes columns-major, inserts rows on append, clears several ranges, renames, moves and deletes sheets", async () => {
    const id = await newSpreadsheet();
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'O''Brien'!A1:B3",
      valueInputOption: "RAW",
      requestBody: { majorDimension: "COLUMNS", values: [["a1", "a2", "a3"], ["b1"]] },
    });
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'O''Brien'!A5",
      valueInputOption: "RAW",
      requestBody: { values: [["bas"]] },
    });
    const inserted = await api.spreadsheets.values.append({
      spreadsheetId: id,
      range: "'O''Brien'!A1:B3",
      valueInputOption: "RAW",
      insertDataOption: "INSERT_ROWS",
      requestBody: { values: [["a4", "b4"]] },
    });
    expect(inserted.data.updates!.updatedRange).toBe("'O''Brien'!A4:B4");
    let all = await api.spreadsheets.values.get({ spreadsheetId: id, range: "'O''Brien'!A:B" });
    expect(all.data.values).toEqual([["a1", "b1"], ["a2"], ["a3"], ["a4", "b4"], [], ["bas"]]);
    const cleared = await api.spreadsheets.values.batchClear({
      spreadsheetId: id,
      requestBody: { ranges: ["'O''Brien'!B:B", "'O''Brien'!A6"] },
    });
    expect(cleared.data.clearedRanges).toEqual(["'O''Brien'!B1:B1001", "'O''Brien'!A6"]);
    all = await api.spreadsheets.values.get({ spreadsheetId: id, range: "'O''Brien'!A:B" });
    expect(all.data.values).toEqual([["a1"], ["a2"], ["a3"], ["a4"]]);

    await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateSheetProperties: { properties: { sheetId: 1, title: "Échéances", index: 0 }, fields: "title,index" },
          },
          { deleteSheet: { sheetId: 0 } },
        ],
      },
    });
    const meta = await api.spreadsheets.get({ spreadsheetId: id, fields: "sheets.properties(title,index,sheetId)" });
    expect(meta.data.sheets).toEqual([{ properties: { title: "Échéances", index: 0, sheetId: 1 } }]);
    const gone = await apiError(api.spreadsheets.values.get({ spreadsheetId: id, range: "'O''Brien'!A1" }));
    expect(gone.status).toBe(400);
    const last = await apiError(
      api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ deleteSheet: { sheetId: 1 } }] } }),
    );
    expect(last).toMatchObject({
      status: 400,
      body: { error: { message: "Invalid requests[0].deleteSheet: You can't remove all the sheets in a document." } },
    });
  });

  it("keeps the data in its directory between runs and shows it on an HTML page", async () => {
    const id = await newSpreadsheet();
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'O''Brien'!A1",
      valueInputOption: "RAW",
      requestBody: { values: [["<Dupont & fils>"]] },
    });
    await server.stop();
    server = await startSheetsServer({ dataDir });
    api = sheets({ version: "v4", rootUrl: `${server.url}/`, retry: false, fetchImplementation: fetch });
    const back = await api.spreadsheets.values.get({ spreadsheetId: id, range: "'O''Brien'!A1" });
    expect(back.data.values).toEqual([["<Dupont & fils>"]]);
    const page = await fetch(`${server.url}/view/${id}?onglet=${encodeURIComponent("O'Brien")}`);
    const html = await page.text();
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(html).toContain('lang="fr"');
    expect(html).toContain("&#60;Dupont &#38; fils&#62;");
    expect(html).toContain("Échéancier 2026");
  });

  it("shows cell text, sheet and spreadsheet titles as text on the HTML pages, never as markup", async () => {
    const IMG = '<img src=x onerror="window.__xss=1">';
    const SCRIPT = "</script><script>window.__xss=2</script>";
    const res = await api.spreadsheets.create({
      requestBody: { properties: { title: SCRIPT }, sheets: [{ properties: { title: IMG } }] },
    });
    const id = res.data.spreadsheetId!;
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: `'${IMG}'!A1:B1`,
      valueInputOption: "RAW",
      requestBody: { values: [[IMG, SCRIPT]] },
    });
    const view = await (await fetch(`${server.url}/view/${id}`)).text();
    const index = await (await fetch(`${server.url}/`)).text();
    for (const html of [view, index]) {
      expect(html).not.toMatch(/<img|<script|<\/script/i);
      expect(html).toContain("&#60;/script&#62;&#60;script&#62;window.__xss=2&#60;/script&#62;");
    }
    expect(view).toContain("<td>&#60;img src=x onerror=&#34;window.__xss=1&#34;&#62;</td>");
  });

  it("injects seeded 429/500 faults in Google's shape and counts calls per method", async () => {
    const faulty = await startSheetsServer({ faultRate: 0.5, faultSeed: 7 });
    try {
      const client = sheets({ version: "v4", rootUrl: `${faulty.url}/`, retry: false, fetchImplementation: fetch });
      faulty.setFaultRate(0);
      const id = (await client.spreadsheets.create({ requestBody: {} })).data.spreadsheetId!;
      faulty.setFaultRate(0.5);
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const r = await client.spreadsheets.values.get({ spreadsheetId: id, range: "Sheet1!A1" }).then(
          () => 200,
          (e: { response: { status: number; data: { error: { code: number; status: string } } } }) => {
            expect(e.response.data.error.code).toBe(e.response.status);
            expect(["RESOURCE_EXHAUSTED", "INTERNAL"]).toContain(e.response.data.error.status);
            return e.response.status;
          },
        );
        statuses.push(r);
      }
      expect(statuses).toContain(200);
      expect(statuses).toContain(429);
      expect(statuses).toContain(500);
      expect(faulty.faults()).toBe(statuses.filter((s) => s !== 200).length);
      expect(faulty.calls()).toEqual({ "spreadsheets.create": 1, "spreadsheets.values.get": 40 });
    } finally {
      await faulty.stop();
    }
  });
});
