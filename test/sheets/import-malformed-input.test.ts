/**
 * The import records typed rows through the api's own routes, so the same
 * checks hold for what a person types in a sheet: control characters,
 * amounts above 999 999 999,99 €, dates outside the window — each row
 * refused with its column named in French, nothing recorded.
 */
import type { ImportResult } from "../../functions/src/sheets/import/import-under-lease";
import { ACCOUNTING, C } from "../workflow/fixtures";
import { importSuite } from "./import-suite";
import { acomptesRange, acomptesRows } from "./acomptes-layout";

const suite = importSuite("sheetsmalformed");
const fs = suite.fs;
const MAX = "999\u202f999\u202f999,99\u00a0€";

const count = async (collection: string) => (await fs.db.collection(`companies/${C}/${collection}`).get()).size;

// Acomptes, columns Client to Moyen de paiement.
const deposit = (client: string, net: string) => [
  client,
  "Professionnel",
  "552 100 554",
  "",
  "CMD-88",
  "Acompte",
  "Biens",
  "20",
  net,
  "30",
  "",
  "05/03/2026",
  "Virement",
];
// Factures, columns Numéro to Payée le.
const invoice = (number: string, date: string, net: string, vat: string) => [
  number,
  "",
  date,
  "Garage Dupuis SAS (SIREN 552 100 554)",
  "",
  net,
  vat,
  "",
  "",
  "",
  "",
  "",
  "",
];

test("control characters and amounts above the bound in `Acomptes`: refused, the column named", async () => {
  const spreadsheetId = await suite.workbookWith({
    [acomptesRange(2, 3)]: acomptesRows([
      deposit("Boulangerie\u0007Martin", "10 000,00"),
      deposit("Boulangerie Martin", "2 000 000 000,00"),
    ]),
  });
  const result = (await suite.call("import", ACCOUNTING, { spreadsheetId })).body as ImportResult;
  expect(result.sheets?.Acomptes).toEqual({
    recorded: [],
    refused: [
      { row: 2, message: "Colonne « Client » : caractère de contrôle interdit (U+0007), en position 12." },
      { row: 3, message: `Colonne « Commande HT » : le montant dépasse le maximum de ${MAX}.` },
    ],
  });
  expect(await count("deposits")).toBe(0);
});

test("13-digit totals and a date of 1999 in `Factures`: refused, the columns named", async () => {
  const spreadsheetId = await suite.workbookWith({
    "'Factures'!B2:N3": [
      invoice("2026-F-0001", "10/01/2026", "1 234 567 890 123,45", "246 913 578 024,69"),
      invoice("2026-F-0002", "31/12/1999", "100", "20"),
    ],
  });
  const result = (await suite.call("import", ACCOUNTING, { spreadsheetId })).body as ImportResult;
  expect(result.sheets?.Factures).toEqual({
    recorded: [],
    refused: [
      {
        row: 2,
        message: `Colonne « Total HT » : le montant dépasse le maximum de ${MAX}. — Colonne « Total TVA » : le montant dépasse le maximum de ${MAX}.`,
      },
      {
        row: 3,
        message: expect.stringMatching(/^Colonne « Date » : la date doit être comprise entre le 01\/01\/2000 et le/),
      },
    ],
  });
  expect(await count("invoices")).toBe(0);
});
