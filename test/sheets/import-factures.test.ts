/**
 * Invoices of another tool typed into `Factures`: recorded through
 * POST …/invoices/external with their payment matched through
 * POST …/payments, refused rows explained in `Statut`, fixed rows recorded
 * once — on the emulator and the local Sheets server.
 */
import type { ImportResult } from "../../functions/src/sheets/import/import-under-lease";
import { ACCOUNTING, ADMIN, C, REQUESTER } from "../workflow/fixtures";
import { importSuite } from "./import-suite";
import { acomptesRange, acomptesRows } from "./acomptes-layout";

const suite = importSuite("sheetsfactures");
const fs = suite.fs;

/** The add-on's « Importer » action: POST …/sheets/import, which imports `Acomptes` and `Factures`. */
const importAs = async (as: string, spreadsheetId: string) => {
  const answer = await suite.call("import", as, { spreadsheetId });
  expect(answer.status).toBe(200);
  return answer.body as ImportResult;
};

/** What a person types into several ranges, parsed by Sheets as in the UI (USER_ENTERED, fr_FR). */
const type = (spreadsheetId: string, edits: Record<string, (string | number)[][]>) =>
  suite.kit.gateway.api.spreadsheets.values.batchUpdate({
    spreadsheetId,
    requestBody: {
      valueInputOption: "USER_ENTERED",
      data: Object.entries(edits).map(([range, values]) => ({ range, values })),
    },
  });

// Columns B to N: Numéro, Type, Date, Client, Commande, Total HT, Total TVA, Total TTC,
// Acomptes déduits TTC, Net à payer, Échéance, Reste dû, Payée le.
const UNPAID = [
  "2025-F-0917",
  "",
  "10/12/2025",
  "Garage Dupuis SAS (SIREN 552 100 554)",
  "ERP-4411",
  "1 000,00",
  "200,00",
  "1 200,00",
  "",
  "",
  "09/01/2026",
  "",
  "",
];
const PART_PAID = [
  "2025-F-0920",
  "",
  "15/12/2025",
  "Mme Durand (particulier)",
  "",
  "500",
  "100",
  "",
  "",
  "",
  "14/01/2026",
  "200",
  "20/01/2026",
];
const BAD = ["2026-F-0003", "", "02/01/2026", "Société Sans Siren", "", "100", "abc", "", "", "", "", "", ""];
const PAYMENT_IN_FUTURE = [
  "2026-F-0004",
  "",
  "05/01/2026",
  "Atelier Roux (SIREN 732829320)",
  "",
  "1000",
  "200",
  "1200",
  "200",
  "1000",
  "04/02/2026",
  "",
  "01/04/2026",
];

const invoicesByNumber = async () =>
  Object.fromEntries(
    (await fs.db.collection(`companies/${C}/invoices`).get()).docs.map((d) => [
      d.get("number"),
      {
        id: d.id,
        open: d.get("openAmount"),
        paidOn: d.get("paidOn"),
        origin: d.get("origin"),
        letters: d.get("letters") ?? [],
      },
    ]),
  );
const payments = async () => (await fs.db.collection(`companies/${C}/payments`).get()).docs.map((d) => d.data());

test("records typed invoices and their payments, explains refused rows, records fixed rows once", async () => {
  const spreadsheetId = await suite.kit.newSpreadsheet();
  expect((await suite.setup(ADMIN, spreadsheetId)).status).toBe(200);

  await type(spreadsheetId, { "'Factures'!B2:N5": [UNPAID, PART_PAID, BAD, PAYMENT_IN_FUTURE] });
  const first = await importAs(ACCOUNTING, spreadsheetId);
  expect(first.recorded.map((r) => r.row)).toEqual([2, 3]);
  expect(first.refused.map((r) => r.row)).toEqual([4, 5]);
  expect(first.refused[0].message).toBe(
    "Colonne « Client » : écrivez « Nom (SIREN 123456789) » pour un professionnel, « Nom (particulier) » pour un particulier",
  );
  expect(first.refused[1].message).toMatch(/^Facture 2026-F-0004 enregistrée, paiement non enregistré : .*futur/);

  let invoices = await invoicesByNumber();
  expect(invoices).toEqual({
    "2025-F-0917": { id: first.recorded[0].id, open: "1200.00", paidOn: null, origin: "external", letters: [] },
    // 600.00 due, 200.00 still owed: a payment of 400.00 on 20/01/2026, lettered.
    "2025-F-0920": {
      id: first.recorded[1].id,
      open: "200.00",
      paidOn: null,
      origin: "external",
      letters: [expect.any(String)],
    },
    "2026-F-0004": { id: first.refused[1].id, open: "1000.00", paidOn: null, origin: "external", letters: [] },
  });
  expect(await payments()).toEqual([
    expect.objectContaining({
      date: "2026-01-20",
      amount: "400.00",
      means: "virement",
      customer: { name: "Mme Durand", kind: "b2c" },
      allocations: [{ invoiceId: first.recorded[1].id, number: "2025-F-0920", amount: "400.00" }],
      unapplied: "0.00",
    }),
  ]);
  // No number of our series was taken by an imported invoice.
  expect((await fs.db.doc(`companies/${C}/sequences/invoice-2026`).get()).exists).toBe(false);

  const [rows] = await suite.kit.gateway.readValues(spreadsheetId, ["'Factures'!A2:O5"]);
  expect(rows.map((r) => r[0] ?? "")).toEqual([first.recorded[0].id, first.recorded[1].id, "", ""]);
  // Recorded rows are now the invoices' rows, filled by the write-back (« Payée le » only once fully paid).
  expect(rows[1].slice(1, 2).concat(rows[1].slice(12, 15))).toEqual(["2025-F-0920", 200, "", "À payer"]);
  expect(rows[2][14]).toBe(`Erreur : ${first.refused[0].message}`);
  expect(rows[3][14]).toBe(`Erreur : ${first.refused[1].message}`);

  // Fixed: the client's SIREN and the VAT; the payment date.
  await type(spreadsheetId, {
    "'Factures'!E4": [["Société Sans Siren (SIREN 732829320)"]],
    "'Factures'!H4": [["20"]],
    "'Factures'!N5": [["05/03/2026"]],
  });
  const second = await importAs(ACCOUNTING, spreadsheetId);
  expect(second.refused).toEqual([]);
  expect(second.recorded).toEqual([
    { row: 4, id: expect.any(String) },
    // The invoice recorded by the first import (a replay of its key), now with its payment.
    { row: 5, id: first.refused[1].id },
  ]);
  const third = await importAs(ACCOUNTING, spreadsheetId);
  expect([third.recorded, third.refused]).toEqual([[], []]);

  invoices = await invoicesByNumber();
  expect(Object.keys(invoices).sort()).toEqual(["2025-F-0917", "2025-F-0920", "2026-F-0003", "2026-F-0004"]);
  expect(invoices["2026-F-0004"]).toMatchObject({ open: "0.00", paidOn: "2026-03-05" });
  expect(invoices["2026-F-0003"]).toMatchObject({ open: "120.00" });
  expect((await payments()).map((p) => p.amount).sort()).toEqual(["1000.00", "400.00"]);

  // Each invoice shows once in the sheet, on the row it was typed on; no error left.
  const [after] = await suite.kit.gateway.readValues(spreadsheetId, ["'Factures'!A2:O"]);
  const ids = after.map((r) => r[0] ?? "").filter((id) => id !== "");
  expect(ids.slice(0, 4)).toEqual([
    first.recorded[0].id,
    first.recorded[1].id,
    second.recorded[0].id,
    first.refused[1].id,
  ]);
  expect(new Set(ids).size).toBe(4);
  expect(after.slice(0, 4).map((r) => r[14])).toEqual(["À payer", "À payer", "À payer", "Payée"]);
});

test("the same external number typed twice: the second row is refused", async () => {
  const spreadsheetId = await suite.kit.newSpreadsheet();
  await suite.setup(ADMIN, spreadsheetId);
  await type(spreadsheetId, { "'Factures'!B2:N3": [UNPAID, [...UNPAID.slice(0, 10), "20/01/2026", "", ""]] });
  const result = await importAs(ACCOUNTING, spreadsheetId);
  expect(result.recorded.map((r) => r.row)).toEqual([2]);
  expect(result.refused).toEqual([{ row: 3, message: "La facture 2025-F-0917 est déjà enregistrée." }]);
});

test("a requester's import records the typed deposits; the invoice rows, which need accounting, are explained", async () => {
  const spreadsheetId = await suite.kit.newSpreadsheet();
  await suite.setup(ADMIN, spreadsheetId);
  await type(spreadsheetId, {
    "'Factures'!B2:N2": [UNPAID],
    // A consumer's arrhes, typed in Client to Moyen de paiement.
    [acomptesRange(2, 2)]: acomptesRows([
      "Mme Durand|Particulier||durand@example.fr|CMD-90|Arrhes|Prestations|10|800||240|01/03/2026|Carte".split("|"),
    ]),
  });
  const result = await importAs(REQUESTER, spreadsheetId);
  expect(result.sheets?.Acomptes.recorded).toEqual([{ row: 2, id: expect.any(String) }]);
  expect(result.sheets?.Factures.refused).toEqual([
    { row: 2, message: "Vous n'avez pas le rôle nécessaire pour cette action (il faut : approbateur comptable)." },
  ]);
  expect(await invoicesByNumber()).toEqual({
    "FA-2026-000001": expect.objectContaining({ origin: undefined }),
  });
  const [factures] = await suite.kit.gateway.readValues(spreadsheetId, ["'Factures'!A2:O2"]);
  expect(factures[0][0] ?? "").toBe("");
  expect(factures[0][14]).toBe(
    "Erreur : Vous n'avez pas le rôle nécessaire pour cette action (il faut : approbateur comptable).",
  );
});
