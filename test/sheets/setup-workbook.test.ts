/** setupWorkbook builds the French layout, repairs it, and a second run changes nothing. */
import { carries, LOCKED_DESCRIPTION, setupWorkbook } from "../../functions/src/sheets/layout/setup-workbook";
import { WORKBOOK } from "../../functions/src/sheets/layout/workbook-spec";
import { acomptesCell } from "./acomptes-layout";
import { startSheetsKit, type SheetsKit } from "./sheets-test-kit";

let kit: SheetsKit;
beforeAll(async () => (kit = await startSheetsKit()));
afterAll(() => kit.stop());

const snapshot = async (id: string) =>
  (await kit.gateway.api.spreadsheets.get({ spreadsheetId: id, includeGridData: true })).data;
const writes = () => {
  const c = kit.server.calls();
  return (
    (c["spreadsheets.batchUpdate"] ?? 0) +
    (c["spreadsheets.values.batchUpdate"] ?? 0) +
    (c["spreadsheets.values.update"] ?? 0)
  );
};

it("creates the nine French sheets with headers, frozen row, widths, formats, colours and protections", async () => {
  const id = await kit.newSpreadsheet();
  await setupWorkbook(kit.gateway, id);
  const s = await snapshot(id);
  expect(s.properties).toMatchObject({ locale: "fr_FR", timeZone: "Europe/Paris" });
  // The new spreadsheet's empty « Sheet1 » is gone: « Acomptes » opens first.
  expect(s.sheets!.map((x) => x.properties!.title)).toEqual([
    "Acomptes",
    "Factures",
    "Remboursements",
    "Échéancier",
    "Avoirs",
    "Écritures",
    "Banque",
    "Clients",
    "Relances",
    "Tableau de bord",
    "Tableau clients",
    "Intégrité",
  ]);
  const acomptes = s.sheets!.find((x) => x.properties!.title === "Acomptes")!;
  expect(acomptes.properties!.gridProperties!.frozenRowCount).toBe(1);
  const header = acomptes.data![0].rowData![0].values!.map((v) => v.formattedValue);
  expect(header).toEqual(WORKBOOK[0].columns.map((c) => c.header));
  expect(acomptes.data![0].columnMetadata![1].pixelSize).toBe(200);
  const row2 = acomptes.data![0].rowData![1].values!;
  const ttc = WORKBOOK[0].columns.findIndex((c) => c.header === "Acompte TTC");
  const dateCol = WORKBOOK[0].columns.findIndex((c) => c.header === "Date de facture");
  expect(row2[ttc].userEnteredFormat!.numberFormat).toEqual({ type: "CURRENCY", pattern: '#,##0.00 "€"' });
  expect(row2[dateCol].userEnteredFormat!.numberFormat).toEqual({ type: "DATE", pattern: "dd/mm/yyyy" });
  expect(acomptes.conditionalFormats!.map((r) => r.booleanRule!.condition!.values![0].userEnteredValue)).toEqual([
    "Ouvert",
    "Imputé",
    "Remboursé",
    "Avoir émis",
    "Remboursement en cours",
    "Erreur",
  ]);
  expect(acomptes.protectedRanges!.every((p) => p.warningOnly)).toBe(true);
  // What a person reads comes first: the invoice number, then the customer and amount they type, then the balance,
  // status and import message; the rest of the typed columns; the computed invoice block and the id last. The
  // computed columns are protected, the typed ones are not.
  expect(acomptes.data![0].rowData![0].values!.slice(0, 6).map((v) => v.formattedValue)).toEqual([
    "Facture d'acompte",
    "Client",
    "Acompte TTC",
    "Solde remboursable",
    "Statut",
    "Message",
  ]);
  expect(acomptes.protectedRanges!.map((p) => [p.range!.startColumnIndex, p.range!.endColumnIndex])).toEqual([
    [0, 1],
    [3, 6],
    [17, 22],
  ]);

  // Factures: typed columns (B:N) are not protected; Statut, Document and Assurance-crédit (O:Q) are; a refused import row (« Erreur : … ») is coloured by its prefix.
  const factures = s.sheets!.find((x) => x.properties!.title === "Factures")!;
  expect(factures.protectedRanges!.map((p) => [p.range!.startColumnIndex, p.range!.endColumnIndex])).toEqual([
    [0, 1],
    [2, 3],
    [14, 17],
  ]);
  expect(
    factures.conditionalFormats!.map((r) => [
      r.booleanRule!.condition!.type,
      r.booleanRule!.condition!.values![0].userEnteredValue,
    ]),
  ).toEqual([
    ["TEXT_EQ", "Payée"],
    ["TEXT_EQ", "À payer"],
    ["TEXT_EQ", "En retard"],
    ["TEXT_STARTS_WITH", "Erreur"],
  ]);

  // The sheets people read by document number: the number first, the technical id last, protected with the rest.
  for (const [title, first] of [
    ["Remboursements", "Demande"],
    ["Échéancier", "Demande"],
    ["Avoirs", "Numéro"],
    ["Écritures", "N° écriture"],
  ]) {
    const sheet = s.sheets!.find((x) => x.properties!.title === title)!;
    const headers = sheet.data![0].rowData![0].values!.map((v) => v.formattedValue);
    expect([title, headers[0], headers.at(-1)]).toEqual([title, first, "Identifiant"]);
    expect(headers.filter((h) => h === "Identifiant")).toHaveLength(1);
    const last = headers.length - 1;
    expect(
      sheet.protectedRanges!.some(
        (p) => p.warningOnly && p.range!.startColumnIndex! <= last && p.range!.endColumnIndex! > last,
      ),
    ).toBe(true);
  }
  expect(
    s.sheets!.find((x) => x.properties!.title === "Remboursements")!.data![0].rowData![0].values![1].formattedValue,
  ).toBe("Facture d'acompte");

  // Intégrité is written by Acompte alone: the whole sheet is protected for real, not with a warning.
  const integrite = s.sheets!.find((x) => x.properties!.title === "Intégrité")!;
  expect(integrite.protectedRanges!.map((p) => [p.range, p.warningOnly, p.description])).toEqual([
    [{ sheetId: integrite.properties!.sheetId }, false, LOCKED_DESCRIPTION],
  ]);

  // What a French accountant sees:
  await kit.gateway.writeValues(id, [
    { range: acomptesCell("Acompte TTC", 2), values: [[3600]] },
    { range: acomptesCell("Date d'encaissement", 2), values: [[46037]] },
  ]);
  const seen = await kit.gateway.api.spreadsheets.values.batchGet({
    spreadsheetId: id,
    ranges: [acomptesCell("Acompte TTC", 2), acomptesCell("Date d'encaissement", 2)],
  });
  expect(seen.data.valueRanges!.map((r) => r.values![0][0])).toEqual(["3\u202f600,00 €", "15/01/2026"]);
});

it("keeps a « Sheet1 » that holds a person's data", async () => {
  const id = await kit.newSpreadsheet();
  await kit.gateway.api.spreadsheets.values.update({
    spreadsheetId: id,
    range: "Sheet1!B3",
    valueInputOption: "RAW",
    requestBody: { values: [["mes notes"]] },
  });
  await setupWorkbook(kit.gateway, id);
  const titles = (await snapshot(id)).sheets!.map((x) => x.properties!.title);
  expect(titles[0]).toBe("Sheet1");
  expect(titles).toContain("Acomptes");
});

it("a second run finds nothing to do: same spreadsheet, no write call", async () => {
  const id = await kit.newSpreadsheet();
  await setupWorkbook(kit.gateway, id);
  const first = await snapshot(id);
  const before = writes();
  const again = await setupWorkbook(kit.gateway, id);
  expect(again.requests).toBe(0);
  expect(writes()).toBe(before);
  expect(await snapshot(id)).toEqual(first);
});

it("repairs what a person broke, and only that", async () => {
  const id = await kit.newSpreadsheet();
  const { sheetIds } = await setupWorkbook(kit.gateway, id);
  const good = await snapshot(id);
  await kit.gateway.batchUpdate(id, [
    { deleteSheet: { sheetId: sheetIds["Avoirs"] } },
    {
      updateSheetProperties: {
        properties: { sheetId: sheetIds["Factures"], gridProperties: { frozenRowCount: 0 } },
        fields: "gridProperties.frozenRowCount",
      },
    },
    {
      updateDimensionProperties: {
        range: { sheetId: sheetIds["Acomptes"], dimension: "COLUMNS", startIndex: 1, endIndex: 2 },
        properties: { pixelSize: 40 },
        fields: "pixelSize",
      },
    },
    { deleteConditionalFormatRule: { sheetId: sheetIds["Remboursements"], index: 0 } },
    {
      updateSheetProperties: {
        properties: { sheetId: sheetIds["Écritures"], gridProperties: { columnCount: 3 } },
        fields: "gridProperties.columnCount",
      },
    },
    {
      updateCells: {
        start: { sheetId: sheetIds["Échéancier"], rowIndex: 0, columnIndex: 1 },
        rows: [{ values: [{ userEnteredValue: { stringValue: "bidule" } }] }],
        fields: "userEnteredValue",
      },
    },
  ]);
  const repaired = await setupWorkbook(kit.gateway, id);
  expect(repaired.requests).toBeGreaterThan(0);
  const after = await snapshot(id);
  // A re-created sheet comes last; apart from its place (and its new id) everything is as set up.
  const titles = (x: typeof after) => x.sheets!.map((s) => s.properties!.title).sort();
  expect(titles(after)).toEqual(titles(good));
  // Écritures was cut to 3 columns: its headers come back, its (empty) cells do not need to.
  const comparable = (x: typeof after) =>
    JSON.parse(
      JSON.stringify(
        x.sheets!.filter((s) => s.properties!.title !== "Écritures"),
        (key, value) => (key === "index" || key === "sheetId" || key === "protectedRangeId" ? undefined : value),
      ),
    ).sort((a: { properties: { title: string } }, b: { properties: { title: string } }) =>
      a.properties.title.localeCompare(b.properties.title),
    );
  expect(comparable(after)).toEqual(comparable(good));
  expect((await setupWorkbook(kit.gateway, id)).requests).toBe(0);
  const ecritures = after.sheets!.find((s) => s.properties!.title === "Écritures")!;
  expect(ecritures.data![0].rowData![0].values!.map((v) => v.formattedValue)).toEqual(
    WORKBOOK.find((s) => s.title === "Écritures")!.columns.map((c) => c.header),
  );
  expect(ecritures.properties!.gridProperties!.columnCount).toBe(26);
});

it("compares what Sheets returns with what setup wants as Google answers it (extra style fields, float colours, omitted defaults)", () => {
  const wanted = {
    ranges: [{ sheetId: 0, startRowIndex: 1 }],
    booleanRule: { format: { backgroundColor: { red: 0.85, green: 0.94, blue: 0.83 } } },
  };
  const fromGoogle = {
    ranges: [{ startRowIndex: 1, endRowIndex: 1000 }],
    booleanRule: {
      format: {
        backgroundColor: { red: 0.85000002, green: 0.94, blue: 0.83 },
        backgroundColorStyle: { rgbColor: { red: 0.85 } },
      },
    },
  };
  expect(carries(fromGoogle, wanted)).toBe(true);
  expect(carries({ ...fromGoogle, ranges: [{ startRowIndex: 2 }] }, wanted)).toBe(false);
  expect(carries([fromGoogle, fromGoogle], [wanted])).toBe(false);
  expect(carries(undefined, { type: "TEXT" })).toBe(false);
});
