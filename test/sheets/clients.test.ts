/**
 * The `Clients` sheet (issue #16): a row typed without id creates the
 * customer's record; a typed change to a limit of a row with an id is
 * validated and recorded once (a second import of the same sheet records
 * nothing); refused rows get « Erreur » and the French reason; text is
 * written back as text — on the emulator and the local Sheets server.
 */
import { columnIndexOf } from "../../functions/src/sheets/layout/sheet-spec";
import { CLIENTS } from "../../functions/src/sheets/layout/workbook-spec";
import type { ImportResult } from "../../functions/src/sheets/import/import-under-lease";
import { CUSTOMERS, EVENTS } from "../../functions/src/model/collections";
import type { CustomerDoc } from "../../functions/src/model/customer";
import { ACCOUNTING, ADMIN, C, REQUESTER } from "../workflow/fixtures";
import { LAST, cellOf, clientRow, typeCells } from "./clients-sheet";
import { importSuite } from "./import-suite";

const suite = importSuite("sheetsclients");
const fs = suite.fs;
const type = (spreadsheetId: string, range: string, values: (string | number)[][]) =>
  typeCells(suite.kit, spreadsheetId, range, values);

const importAs = async (as: string, spreadsheetId: string) => {
  const answer = await suite.call("import", as, { spreadsheetId });
  expect(answer.status).toBe(200);
  return answer.body as ImportResult;
};

const sheet = async (spreadsheetId: string) =>
  (await suite.kit.gateway.readValues(spreadsheetId, [`Clients!A1:${LAST}`]))[0];
const at = (rows: unknown[][], row: number, header: string) => rows[row - 1]?.[columnIndexOf(CLIENTS, header)];
const company = () => fs.db.collection("companies").doc(C);
const records = async () => (await company().collection(CUSTOMERS).get()).docs.map((d) => d.data() as CustomerDoc);
const updates = async () => (await company().collection(EVENTS).where("type", "==", "customer.updated").get()).size;

const GARAGE = {
  Client: "Garage Dupuis SAS",
  "Type de client": "Professionnel",
  SIREN: "552 100 554",
  "Limite de crédit": "15 000,00",
  "Délai de paiement (jours)": 45,
  Assureur: "Allianz Trade",
  "Montant garanti": "10 000",
  "Garanti le": "02/01/2026",
  Affacturage: "Non affacturé",
};

test("typed rows create records; a limit edit is validated, recorded once, refused in French when wrong", async () => {
  const spreadsheetId = await suite.workbookWith({});
  await type(spreadsheetId, `Clients!A2:${LAST}3`, [
    clientRow(GARAGE),
    clientRow({ Client: "Atelier Roux", "Type de client": "Professionnel", SIREN: "732 829 321" }),
  ]);

  const first = await importAs(ACCOUNTING, spreadsheetId);
  expect(first.sheets?.Clients.recorded).toHaveLength(1);
  expect(first.sheets?.Clients.refused).toEqual([
    { row: 3, message: expect.stringMatching(/^Colonne « SIREN » : .*clé/) },
  ]);
  const [garage] = await records();
  expect(garage).toMatchObject({
    name: "Garage Dupuis SAS",
    siren: "552100554",
    creditLimit: "15000.00",
    paymentTermsDays: 45,
    insurance: { insurer: "Allianz Trade", limit: "10000.00", grantedOn: "2026-01-02" },
    factoring: { status: "none" },
  });
  let rows = await sheet(spreadsheetId);
  expect(at(rows, 2, "Identifiant")).toBe(garage.id);
  expect(at(rows, 3, "Statut")).toBe("Erreur");
  expect(at(rows, 3, "Identifiant") ?? "").toBe("");

  // Finance staff raise the limit in the sheet: recorded once, audited.
  await type(spreadsheetId, cellOf("Limite de crédit", 2), [["20 000"]]);
  expect((await importAs(ACCOUNTING, spreadsheetId)).sheets?.Clients.recorded).toEqual([{ row: 2, id: garage.id }]);
  expect((await records()).find((r) => r.id === garage.id)?.creditLimit).toBe("20000.00");
  expect(await updates()).toBe(1);

  // The same sheet imported again: nothing new.
  const again = await importAs(ACCOUNTING, spreadsheetId);
  expect(again.sheets?.Clients.recorded).toEqual([]);
  expect(await updates()).toBe(1);

  // A negative limit is refused beside the row, the record keeps its limit and the sheet shows it again.
  await type(spreadsheetId, cellOf("Limite de crédit", 2), [["-5"]]);
  const refused = await importAs(ACCOUNTING, spreadsheetId);
  expect(refused.sheets?.Clients.refused).toEqual([
    { row: 2, message: "Colonne « Limite de crédit » : le montant ne peut pas être négatif." },
    // The row left unfixed is refused again, as in Acomptes.
    { row: 3, message: expect.stringMatching(/^Colonne « SIREN »/) },
  ]);
  expect((await records()).find((r) => r.id === garage.id)?.creditLimit).toBe("20000.00");
  rows = await sheet(spreadsheetId);
  expect(at(rows, 2, "Statut")).toBe("Erreur");
  expect(at(rows, 2, "Limite de crédit")).toBe(20000);
  expect(await updates()).toBe(1);

  // An operator typing a risk class is refused too.
  await type(spreadsheetId, cellOf("Classe de risque", 2), [["A"]]);
  const risk = await importAs(ACCOUNTING, spreadsheetId);
  expect(risk.sheets?.Clients.refused[0]).toEqual({
    row: 2,
    message: expect.stringMatching(/^Colonne « Classe de risque » : calculée par Acompte/),
  });
  expect((await records())[0].riskClass).toBeUndefined();
});

test("a requester's client rows are refused in French; the record's text is written back as text", async () => {
  const spreadsheetId = await suite.workbookWith({});
  await type(spreadsheetId, `Clients!A2:${LAST}2`, [clientRow(GARAGE)]);
  const refused = await importAs(REQUESTER, spreadsheetId);
  expect(refused.sheets?.Clients.refused).toEqual([{ row: 2, message: expect.stringMatching(/rôle/) }]);
  expect(await records()).toEqual([]);

  await importAs(ACCOUNTING, spreadsheetId);
  const [garage] = await records();
  const formula = '=HYPERLINK("http://x";"y")';
  await company().collection(CUSTOMERS).doc(garage.id).update({ name: formula, segment: "+33" });
  expect((await suite.call("resync", ADMIN, { spreadsheetId })).status).toBe(200);
  const grid = await suite.kit.gateway.get(spreadsheetId, {
    ranges: [`${cellOf("Client", 2)}:${cellOf("Client", 2).split("!")[1]}`, cellOf("Segment", 2)],
    includeGridData: true,
  });
  const entered = grid.sheets![0].data!.map((d) => d.rowData![0].values![0].userEnteredValue);
  expect(entered).toEqual([{ stringValue: formula }, { stringValue: "+33" }]);
});
