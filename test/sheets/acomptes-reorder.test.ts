/**
 * #12.9: `Acomptes` now shows the invoice number, customer, amounts and
 * status first and the technical id last. A workbook set up before keeps
 * its columns in the old order until the next sync, which moves every row
 * under its header — typed rows not yet imported included — so nothing a
 * person typed is lost and the import still reads them.
 */
import { ACCOUNTING, ADMIN, C, SALES } from "../workflow/fixtures";
import { acomptesRange, acomptesRecord, acomptesRows } from "./acomptes-layout";
import { importSuite } from "./import-suite";

const suite = importSuite("sheetsreorder");

/** The column order of `Acomptes` before #12.9: the id first, the invoice block and the status last. */
const OLD_ORDER = [
  "Identifiant",
  "Client",
  "Type de client",
  "SIREN",
  "E-mail",
  "Commande",
  "Nature",
  "Livraison",
  "Taux TVA",
  "Commande HT",
  "Acompte (%)",
  "Acompte TTC",
  "Date d'encaissement",
  "Moyen de paiement",
  "Facture d'acompte",
  "Date de facture",
  "HT",
  "TVA",
  "TVA exigible le",
  "Solde remboursable",
  "Statut",
  "Message",
];
const TYPED = "Boulangerie Martin|Professionnel|552 100 554||CMD-88|Acompte|Biens|20|10 000,00|30||05/03/2026|Virement";
const TYPED_LATER = "Mme Durand|Particulier||durand@example.fr|CMD-90|Arrhes|Prestations|10|800||240|01/03/2026|Carte";

test("a workbook in the old column order is laid out anew by the next sync, typed rows kept under their headers", async () => {
  const spreadsheetId = await suite.workbookWith({ [acomptesRange(2, 2)]: acomptesRows([TYPED.split("|")]) });
  const imported = await suite.call("import", ACCOUNTING, { spreadsheetId });
  expect(imported.body).toMatchObject({ recorded: [{ row: 2 }] });
  const id = (imported.body as { recorded: { id: string }[] }).recorded[0].id;
  await suite.kit.gateway.api.spreadsheets.values.update({
    spreadsheetId,
    range: acomptesRange(3, 3),
    valueInputOption: "USER_ENTERED",
    requestBody: { values: acomptesRows([TYPED_LATER.split("|")]) },
  });

  // The same sheet as a workbook set up before #12.9 holds it: every column in the old order.
  const [now] = await suite.kit.gateway.readValues(spreadsheetId, [acomptesRange(1, 3)]);
  const records = now.slice(1).map(acomptesRecord);
  await suite.kit.gateway.writeValues(spreadsheetId, [
    { range: acomptesRange(1, 3), values: [OLD_ORDER, ...records.map((r) => OLD_ORDER.map((h) => r[h] as string))] },
  ]);

  const resync = await suite.call("resync", SALES, { spreadsheetId });
  expect(resync.status).toBe(200);
  const [after] = await suite.kit.gateway.readValues(spreadsheetId, [acomptesRange(1)]);
  expect(after[0].slice(0, 5)).toEqual(["Facture d'acompte", "Client", "Acompte TTC", "Solde remboursable", "Statut"]);
  expect(after.slice(1).map(acomptesRecord)).toEqual([
    expect.objectContaining({
      Identifiant: id,
      "Facture d'acompte": "FA-2026-000001",
      Client: "Boulangerie Martin",
      Statut: "Ouvert",
    }),
    expect.objectContaining({
      Identifiant: "",
      Client: "Mme Durand",
      "Type de client": "Particulier",
      "E-mail": "durand@example.fr",
      Commande: "CMD-90",
      "Acompte TTC": 240,
      "Moyen de paiement": "Carte",
    }),
  ]);

  // The typed row is imported from its new place; the first deposit is not recorded twice.
  const second = await suite.call("import", ACCOUNTING, { spreadsheetId });
  expect(second.body).toMatchObject({ recorded: [{ row: 3 }], refused: [] });
  expect((await suite.fs.db.collection(`companies/${C}/deposits`).get()).size).toBe(2);
  expect((await suite.call("resync", ADMIN, { spreadsheetId })).body).toMatchObject({
    sync: { status: "synced", writeCalls: 0, newRows: 0, updatedRows: 0 },
  });
});
