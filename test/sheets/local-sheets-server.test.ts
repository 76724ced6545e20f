/**
 * The local Sheets server driven by the real @googleapis/sheets client, as
 * the product uses it.
 */
import type { sheets_v4 } from "@googleapis/sheets";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSheetsApi } from "../../functions/src/sheets/sheets-api";
import { startSheetsServer, type SheetsServer } from "../../functions/testing/sheets-server";
import { ACOMPTE_PROJECT, localAccessToken } from "../../functions/testing/sheets-server/access";

let server: SheetsServer;
let api: sheets_v4.Sheets;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "sheets-server-"));
  server = await startSheetsServer({ dataDir });
  api = createSheetsApi(server.functionsAccess);
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

  it("writes a block from a single-cell range, from that top-left cell on; a wider range still bounds its block", async () => {
    const id = (
      await api.spreadsheets.create({
        requestBody: { properties: { locale: "fr_FR" }, sheets: [{ properties: { title: "Tableau de bord" } }] },
      })
    ).data.spreadsheetId!;
    const one = await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Tableau de bord'!B2",
      valueInputOption: "RAW",
      requestBody: { values: [["Encours", 1200, "au", "30/11/2026"]] },
    });
    expect(one.data).toMatchObject({ updatedRange: "'Tableau de bord'!B2:E2", updatedCells: 4 });
    const batch = await api.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: { valueInputOption: "RAW", data: [{ range: "'Tableau de bord'!A4", values: [["a"], ["b", "c"]] }] },
    });
    expect(batch.data.responses![0]).toMatchObject({ updatedRange: "'Tableau de bord'!A4:B5", updatedCells: 3 });
    const back = await api.spreadsheets.values.get({ spreadsheetId: id, range: "'Tableau de bord'!A1:E5" });
    expect(back.data.values).toEqual([[], ["", "Encours", "1200", "au", "30/11/2026"], [], ["a"], ["b", "c"]]);

    const twoCells = await apiError(
      api.spreadsheets.values.update({
        spreadsheetId: id,
        range: "'Tableau de bord'!B2:C2",
        valueInputOption: "RAW",
        requestBody: { values: [["x", "y", "z"]] },
      }),
    );
    expect(twoCells).toMatchObject({
      status: 400,
      body: {
        error: { message: "Requested writing within range ['Tableau de bord'!B2:C2], but tried writing to column [4]" },
      },
    });
    const pastGrid = await apiError(
      api.spreadsheets.values.update({
        spreadsheetId: id,
        range: "'Tableau de bord'!Z1",
        valueInputOption: "RAW",
        requestBody: { values: [["x", "y"]] },
      }),
    );
    expect(pastGrid).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining("exceeds grid limits") } },
    });
  });

  it("checks credentials before it reads the body: 403 without any, 401 for a token it cannot accept", async () => {
    const id = await newSpreadsheet();
    const post = (headers: Record<string, string>, body = "{ pas du JSON") =>
      fetch(`${server.url}/v4/spreadsheets/${id}:batchUpdate`, { method: "POST", headers, body }).then(async (r) => ({
        status: r.status,
        auth: r.headers.get("www-authenticate"),
        body: await r.json(),
      }));
    expect(await post({})).toEqual({
      status: 403,
      auth: null,
      body: { error: { code: 403, message: "The request is missing a valid API key.", status: "PERMISSION_DENIED" } },
    });
    for (const authorization of ["Bearer inconnu", "Basic dXNlcjpwYXNz", `Bearer ${localAccessToken("", "x")}`]) {
      const refused = await post({ authorization });
      expect(refused).toMatchObject({
        status: 401,
        auth: expect.stringContaining('error="invalid_token"'),
        body: { error: { code: 401, status: "UNAUTHENTICATED" } },
      });
    }
    expect((await post({ authorization: `Bearer ${server.functionsAccess.accessToken}` })).body).toEqual({
      error: { code: 400, message: "Invalid JSON payload received.", status: "INVALID_ARGUMENT" },
    });
    // The token may also come as `access_token=`, as Google accepts it.
    const asQuery = await fetch(
      `${server.url}/v4/spreadsheets/${id}?fields=spreadsheetId&access_token=${server.functionsAccess.accessToken}`,
    );
    expect(await asQuery.json()).toEqual({ spreadsheetId: id });
  });

  it("keeps developer metadata per project: PROJECT entries are seen by their own project only, DOCUMENT ones by all", async () => {
    const id = await newSpreadsheet();
    const addon = createSheetsApi({
      rootUrl: server.url,
      accessToken: localAccessToken(ACOMPTE_PROJECT, "ana@acme.fr"),
    });
    const stranger = createSheetsApi({
      rootUrl: server.url,
      accessToken: localAccessToken("autre-projet", "eve@x.fr"),
    });
    const create = (client: sheets_v4.Sheets, metadataKey: string, metadataValue: string, visibility: string) =>
      client.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            {
              createDeveloperMetadata: {
                developerMetadata: { metadataKey, metadataValue, visibility, location: { spreadsheet: true } },
              },
            },
          ],
        },
      });
    const created = await create(addon, "code", "secret-1", "PROJECT");
    const mine = created.data.replies![0].createDeveloperMetadata!.developerMetadata!;
    expect(mine).toEqual({
      metadataId: expect.any(Number),
      metadataKey: "code",
      metadataValue: "secret-1",
      visibility: "PROJECT",
      location: { locationType: "SPREADSHEET", spreadsheet: true },
    });
    await create(stranger, "code", "forged", "PROJECT");
    await create(stranger, "note", "visible", "DOCUMENT");

    const byKey = { dataFilters: [{ developerMetadataLookup: { metadataKey: "code" } }] };
    // The functions' service account runs in the add-on's project: it reads back the add-on's entry, not the stranger's.
    const found = await api.spreadsheets.developerMetadata.search({ spreadsheetId: id, requestBody: byKey });
    expect(found.data).toEqual({
      matchedDeveloperMetadata: [{ developerMetadata: mine, dataFilters: byKey.dataFilters }],
    });
    const seenByStranger = await stranger.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: byKey,
    });
    expect(seenByStranger.data.matchedDeveloperMetadata!.map((m) => m.developerMetadata!.metadataValue)).toEqual([
      "forged",
    ]);
    const listed = await api.spreadsheets.get({
      spreadsheetId: id,
      fields: "developerMetadata(metadataKey,metadataValue)",
    });
    expect(listed.data).toEqual({
      developerMetadata: [
        { metadataKey: "code", metadataValue: "secret-1" },
        { metadataKey: "note", metadataValue: "visible" },
      ],
    });
    expect(
      (await api.spreadsheets.developerMetadata.get({ spreadsheetId: id, metadataId: mine.metadataId! })).data,
    ).toEqual(mine);
    expect(
      (await apiError(stranger.spreadsheets.developerMetadata.get({ spreadsheetId: id, metadataId: mine.metadataId! })))
        .status,
    ).toBe(404);

    // A stranger deleting by key removes its own entry only.
    const strangerDeletes = await stranger.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ deleteDeveloperMetadata: { dataFilter: byKey.dataFilters[0] } }] },
    });
    expect(
      strangerDeletes.data.replies![0].deleteDeveloperMetadata!.deletedDeveloperMetadata!.map((m) => m.metadataValue),
    ).toEqual(["forged"]);
    expect((await api.spreadsheets.developerMetadata.search({ spreadsheetId: id, requestBody: byKey })).data).toEqual(
      found.data,
    );

    // Kept in the data file between runs.
    await server.stop();
    server = await startSheetsServer({ dataDir });
    api = createSheetsApi(server.functionsAccess);
    const reloaded = await api.spreadsheets.developerMetadata.search({ spreadsheetId: id, requestBody: byKey });
    expect(reloaded.data).toEqual(found.data);
    const deleted = await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId: mine.metadataId } } } },
        ],
      },
    });
    expect(deleted.data.replies![0].deleteDeveloperMetadata!.deletedDeveloperMetadata).toEqual([mine]);
    expect((await api.spreadsheets.developerMetadata.search({ spreadsheetId: id, requestBody: byKey })).data).toEqual(
      {},
    );
  });

  it("refuses developer metadata Sheets would refuse, and a refused request leaves the whole batch undone", async () => {
    const id = await newSpreadsheet();
    const batch = (developerMetadata: sheets_v4.Schema$DeveloperMetadata) =>
      apiError(
        api.spreadsheets.batchUpdate({
          spreadsheetId: id,
          requestBody: {
            requests: [
              {
                createDeveloperMetadata: {
                  developerMetadata: { metadataKey: "ok", visibility: "DOCUMENT", location: { spreadsheet: true } },
                },
              },
              { createDeveloperMetadata: { developerMetadata } },
            ],
          },
        }),
      );
    const where = "Invalid requests[1].createDeveloperMetadata";
    expect(await batch({ metadataKey: "k", location: { spreadsheet: true } })).toMatchObject({
      status: 400,
      body: { error: { message: `${where}: Developer metadata must always have visibility specified.` } },
    });
    expect(await batch({ visibility: "PROJECT", location: { spreadsheet: true } })).toMatchObject({
      body: { error: { message: `${where}: Developer metadata must always have a key specified.` } },
    });
    expect(await batch({ metadataKey: "k", visibility: "PROJECT" })).toMatchObject({
      body: { error: { message: `${where}: Developer metadata must always have a location specified.` } },
    });
    expect(await batch({ metadataKey: "k", visibility: "PROJECT", location: { sheetId: 0 } })).toMatchObject({
      body: { error: { message: `${where}: the local Sheets server implements spreadsheet-level metadata only.` } },
    });
    expect(
      await batch({
        metadataKey: "k",
        metadataValue: "x".repeat(30_000),
        visibility: "PROJECT",
        location: { spreadsheet: true },
      }),
    ).toMatchObject({ body: { error: { message: expect.stringContaining("would exceed 30000 characters") } } });
    expect((await api.spreadsheets.get({ spreadsheetId: id, fields: "developerMetadata" })).data).toEqual({});
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
    api = createSheetsApi(server.functionsAccess);
    const back = await api.spreadsheets.values.get({ spreadsheetId: id, range: "'O''Brien'!A1" });
    expect(back.data.values).toEqual([["<Dupont & fils>"]]);
    const page = await fetch(`${server.url}/view/${id}?onglet=${encodeURIComponent("O'Brien")}`);
    const html = await page.text();
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(html).toContain('lang="fr"');
    expect(html).toContain("&lt;Dupont &amp; fils&gt;");
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
      expect(html).toContain("&lt;/script&gt;&lt;script&gt;window.__xss=2&lt;/script&gt;");
    }
    expect(view).toContain("<td>&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;</td>");
  });

  it("draws a sheet's basic charts on its HTML page from the cells of their ranges, titles as text", async () => {
    const res = await api.spreadsheets.create({
      requestBody: {
        properties: { title: "Graphiques", locale: "fr_FR" },
        sheets: [{ properties: { title: "Données" } }, { properties: { title: "Vue" } }],
      },
    });
    const id = res.data.spreadsheetId!;
    const [data, shown] = res.data.sheets!.map((sh) => sh.properties!.sheetId!);
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: "Données!A1:B4",
      valueInputOption: "RAW",
      requestBody: {
        values: [
          ["Mois", "Solde"],
          ["Janvier", 120],
          ["Février", -40],
          ["Mars", 75.5],
        ],
      },
    });
    const column = (c: number) => ({
      sourceRange: {
        sources: [{ sheetId: data, startRowIndex: 0, endRowIndex: 4, startColumnIndex: c, endColumnIndex: c + 1 }],
      },
    });
    const chart = (title: string, chartType: string) => ({
      addChart: {
        chart: {
          spec: {
            title,
            basicChart: {
              chartType,
              headerCount: 1,
              domains: [{ domain: column(0) }],
              series: [{ series: column(1) }],
            },
          },
          position: { overlayPosition: { anchorCell: { sheetId: shown, rowIndex: 0, columnIndex: 0 } } },
        },
      },
    });
    await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [chart("<script>window.__xss=3</script>", "LINE"), chart("Soldes", "BAR"), chart("Aires", "AREA")],
      },
    });
    const view = await (await fetch(`${server.url}/view/${id}?onglet=Vue`)).text();
    const figures = view.split('<figure class="chart"').slice(1);
    expect(figures).toHaveLength(3);
    const [line, bar, area] = figures;
    expect(view).not.toMatch(/<script/i);
    expect(line).toContain("<figcaption>&lt;script&gt;window.__xss=3&lt;/script&gt;</figcaption>");
    // The header row is the series' name, not a point; the points are the three months.
    expect(line.match(/<circle class="point"/g)).toHaveLength(3);
    expect(line).toContain('<polyline class="line"');
    expect(line).toContain("<title>Février : -40</title>");
    expect(line).not.toContain("Mois");
    expect(bar.match(/<rect class="bar"/g)).toHaveLength(3);
    expect(bar).toContain("<title>Mars : 75,5</title>");
    expect(area).toContain("Ce type de graphique n'est pas dessiné par la vue locale (AREA).");
    // The charts belong to the sheet they are anchored on.
    expect(await (await fetch(`${server.url}/view/${id}?onglet=Donn%C3%A9es`)).text()).not.toContain("<figure");
  });

  it("injects seeded 429/500 faults in Google's shape and counts calls per method", async () => {
    const faulty = await startSheetsServer({ faultRate: 0.5, faultSeed: 7 });
    try {
      const client = createSheetsApi(faulty.functionsAccess);
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
