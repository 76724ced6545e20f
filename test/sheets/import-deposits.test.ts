/**
 * Deposits typed into `Acomptes` by a person: recorded through the
 * workflow's deposit route, refused rows explained in French beside them,
 * fixed rows recorded once.
 */
import { ACCOUNTING, ADMIN, C, SALES } from "../workflow/fixtures";
import { importSuite } from "./import-suite";
import { acomptesCell, acomptesRange, acomptesRecord, acomptesRows } from "./acomptes-layout";

const suite = importSuite("sheetsimport");
const fs = suite.fs;

const call = suite.call;

/** What a person types, parsed by Sheets as in the UI (USER_ENTERED, fr_FR). */
async function type(spreadsheetId: string, range: string, values: unknown[][]) {
  await suite.kit.gateway.api.spreadsheets.values.update({
    spreadsheetId,
    range,
    valueInputOption: "USER_ENTERED",
    requestBody: { values },
  });
}

const VALID = [
  "Boulangerie Martin",
  "Professionnel",
  "552 100 554",
  "",
  "CMD-88",
  "Acompte",
  "Biens",
  "20",
  "10 000,00",
  "30",
  "",
  "05/03/2026",
  "Virement",
];

test("imports a valid row once, explains a refused row, records it once fixed", async () => {
  const spreadsheetId = await suite.kit.newSpreadsheet();
  expect((await suite.setup(ADMIN, spreadsheetId)).status).toBe(200);

  await type(
    spreadsheetId,
    acomptesRange(2, 3),
    acomptesRows([
      VALID,
      [
        "Mme Durand",
        "Professionnel",
        "",
        "",
        "CMD-89",
        "Arrhes",
        "Prestations",
        "19",
        "500",
        "",
        "120",
        "06/03/2026",
        "Carte",
      ],
    ]),
  );
  const first = await call("import", ACCOUNTING, { spreadsheetId });
  const body = first.body as { recorded: { row: number; id: string }[]; refused: { row: number; message: string }[] };
  expect(body.recorded).toEqual([{ row: 2, id: expect.any(String) }]);
  expect(body.refused).toEqual([{ row: 3, message: expect.stringContaining("Colonne « SIREN »") }]);
  expect(body.refused[0].message).toContain("Colonne « Taux TVA »");

  const [acomptes] = await suite.kit.gateway.readValues(spreadsheetId, [acomptesRange(2, 3)]);
  // Row 2 became the deposit's row: id, the customer as typed, the deposit invoice and its amounts (30 % of 10,000.00 net at 20 %).
  expect(acomptesRecord(acomptes[0])).toEqual({
    "Facture d'acompte": "FA-2026-000001",
    Client: "Boulangerie Martin",
    "Acompte TTC": 3600,
    "Solde remboursable": 3600,
    Statut: "Ouvert",
    Message: "",
    "Type de client": "Professionnel",
    SIREN: "552100554",
    "E-mail": "",
    Commande: "CMD-88",
    Nature: "Acompte",
    Livraison: "Biens",
    "Taux TVA": "20 %",
    "Commande HT": 10000, // typed by the person, left as typed
    "Acompte (%)": "30",
    "Date d'encaissement": 46086,
    "Moyen de paiement": "Virement",
    "Date de facture": 46091,
    HT: 3000,
    TVA: 600,
    "TVA exigible le": 46086,
    Identifiant: body.recorded[0].id,
  });
  expect(acomptesRecord(acomptes[1])).toMatchObject({
    Identifiant: "",
    Statut: "Erreur",
    Message: body.refused[0].message,
  });
  expect((await fs.db.collection(`companies/${C}/deposits`).get()).size).toBe(1);

  // The person fixes the row: SIREN and rate.
  await type(spreadsheetId, acomptesCell("SIREN", 3), [["732829320"]]);
  await type(spreadsheetId, acomptesCell("Taux TVA", 3), [["20"]]);
  const second = (await call("import", ACCOUNTING, { spreadsheetId })).body as typeof body;
  expect(second.recorded).toEqual([{ row: 3, id: expect.any(String) }]);
  expect(second.refused).toEqual([]);
  const third = (await call("import", ACCOUNTING, { spreadsheetId })).body as typeof body;
  expect(third.recorded).toEqual([]);

  const [after] = await suite.kit.gateway.readValues(spreadsheetId, [acomptesRange(2)]);
  expect(after.map((l) => acomptesRecord(l).Identifiant)).toEqual([body.recorded[0].id, second.recorded[0].id]);
  // Arrhes of 120.00 gross for services at 20 %: 100.00 + 20.00 VAT, due on cashing (06/03/2026); the error message is gone.
  expect(acomptesRecord(after[1])).toMatchObject({
    "Facture d'acompte": "FA-2026-000002",
    "Date de facture": 46091,
    HT: 100,
    TVA: 20,
    "TVA exigible le": 46087,
    "Solde remboursable": 120,
    Statut: "Ouvert",
    Message: "",
  });
  const deposits = await fs.db.collection(`companies/${C}/deposits`).get();
  expect(deposits.size).toBe(2);
  // Any member may resync; the workbook already shows everything.
  const resync = await call("resync", SALES, { spreadsheetId });
  expect(resync.body).toMatchObject({
    spreadsheetId,
    sync: { status: "synced", writeCalls: 0, updatedRows: 0, newRows: 0 },
  });
  expect(deposits.docs.map((d) => d.get("customer.name")).sort()).toEqual(["Boulangerie Martin", "Mme Durand"]);
});

test("import needs the requester or accounting role; an unbound spreadsheet is refused in French", async () => {
  const spreadsheetId = await suite.kit.newSpreadsheet();
  await expect(call("import", SALES, { spreadsheetId })).rejects.toMatchObject({ status: 403 });
  await expect(call("import", ACCOUNTING, { spreadsheetId })).rejects.toMatchObject({
    status: 404,
    message: expect.stringContaining("n'est pas associé"),
  });
  await expect(call("import", ACCOUNTING, { spreadsheetId: "x" })).rejects.toMatchObject({
    message: "Identifiant du classeur : identifiant de classeur invalide.",
  });
  await expect(call("setup", ACCOUNTING, { spreadsheetId })).rejects.toMatchObject({ status: 403 });
  // A workbook the functions cannot reach (here: one that does not exist) is explained in French.
  await expect(call("setup", ADMIN, { spreadsheetId: "AbsentSpreadsheet123" })).rejects.toMatchObject({
    status: 404,
    message: expect.stringContaining("Classeur Google Sheets introuvable"),
  });
});

test("a number that is no date in a date column is refused in French, and the other rows are still imported", async () => {
  const spreadsheetId = await suite.kit.newSpreadsheet();
  expect((await suite.setup(ADMIN, spreadsheetId)).status).toBe(200);
  // Typed in « Date d'encaissement », 1000000000000 is stored as a number (a date serial far beyond year 9999).
  await type(
    spreadsheetId,
    acomptesRange(2, 3),
    acomptesRows([VALID.map((v, i) => (i === 11 ? "1000000000000" : v)), VALID]),
  );

  const answer = await call("import", ACCOUNTING, { spreadsheetId });
  expect(answer.status).toBe(200);
  const body = answer.body as { recorded: { row: number }[]; refused: { row: number; message: string }[] };
  expect(body.recorded.map((r) => r.row)).toEqual([3]);
  expect(body.refused).toEqual([{ row: 2, message: expect.stringMatching(/^Colonne « Date d'encaissement » : /) }]);
  const [message] = await suite.kit.gateway.readValues(spreadsheetId, [acomptesCell("Message", 2)]);
  expect(message[0][0]).toMatch(/Date d'encaissement/);
});
