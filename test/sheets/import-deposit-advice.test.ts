/**
 * Issue #16: a deposit typed in `Acomptes` for a customer whose stored
 * profile puts the order over its credit limit is recorded, and its
 * « Message » says so — the limit warning of the recording's answer, then
 * the policy's recommendation the deposit falls short of — as the import's
 * answer does. A row with nothing to warn about keeps an empty « Message »,
 * and the write-back that follows (or a later resync) leaves the warning.
 */
import { riskProfile } from "../../functions/src/domain";
import { CUSTOMERS } from "../../functions/src/model/collections";
import { customerIdOf } from "../../functions/src/model/customer";
import { OVER_LIMIT } from "../domain/customers/risk-seeds";
import { ACCOUNTING, C, SALES } from "../workflow/fixtures";
import { acomptesRange, acomptesRecord, acomptesRows } from "./acomptes-layout";
import { importSuite } from "./import-suite";

const suite = importSuite("sheetsimportadvice");
const fs = suite.fs;
const plain = (text: unknown) => String(text).replace(/[\u202f\u00a0]/g, " ");

const SIREN = "732829320";
/** 10 000,00 HT at 20 % (12 000,00 TTC) for the hotel, the deposit as a percentage or as a gross amount. */
const hotelRow = (orderRef: string, percent: string, gross: string) => [
  "Hôtel Bellevue SARL",
  "Professionnel",
  SIREN,
  "",
  orderRef,
  "Acompte",
  "Biens",
  "20",
  "10 000,00",
  percent,
  gross,
  "05/03/2026",
  "Virement",
];

type ImportAnswer = {
  recorded: { row: number; id: string; notice?: string }[];
  refused: { row: number; message: string }[];
};

test("the Message of a deposit over the customer's credit limit: the warning and the recommendation it falls short of", async () => {
  // The hotel's first deposit creates its record (no profile yet: nothing to warn about, Message stays empty).
  const spreadsheetId = await suite.workbookWith({
    [acomptesRange(2, 2)]: acomptesRows([hotelRow("CMD-1", "30", "")]),
  });
  const first = (await suite.call("import", ACCOUNTING, { spreadsheetId })).body as ImportAnswer;
  expect(first.recorded).toEqual([{ row: 2, id: expect.any(String) }]);

  // Its limit and the class-D profile the refresh would store (exposure 13 000,00), as customer-advice.test.ts seeds it.
  const profile = riskProfile(OVER_LIMIT);
  expect(profile).toMatchObject({ riskClass: "D", exposure: "13000.00" });
  await fs.db
    .collection("companies")
    .doc(C)
    .collection(CUSTOMERS)
    .doc(customerIdOf(`siren:${SIREN}`))
    .update({ profile, riskClass: "D", creditLimit: "15000.00" });
  // The refresh's change reaches the workbook (`Clients` shows the class) before anyone types again.
  expect((await suite.call("resync", SALES, { spreadsheetId })).status).toBe(200);

  // Two more orders for it, and one for a new customer with nothing to warn about.
  await suite.kit.gateway.api.spreadsheets.values.update({
    spreadsheetId,
    range: acomptesRange(3, 5),
    valueInputOption: "USER_ENTERED",
    requestBody: {
      values: acomptesRows([
        hotelRow("CMD-2", "30", ""),
        hotelRow("CMD-3", "", "2 400,00"),
        [
          "Boulangerie Martin",
          "Professionnel",
          "552 100 554",
          "",
          "CMD-4",
          "Acompte",
          "Biens",
          "20",
          "1 000",
          "30",
          "",
          "05/03/2026",
          "Virement",
        ],
      ]),
    },
  });
  const second = (await suite.call("import", ACCOUNTING, { spreadsheetId })).body as ImportAnswer;
  expect(second.refused).toEqual([]);
  expect(second.recorded.map((r) => r.row)).toEqual([3, 4, 5]);
  const [percentRow, amountRow, otherRow] = second.recorded;

  // 12 000,00 TTC less 3 600,00 cashed adds 8 400,00: 13 000,00 → 21 400,00, 6 400,00 over 15 000,00; class D asks 100 %.
  expect(plain(percentRow.notice)).toBe(
    "Avec cette commande de 8 400,00 €, l'encours du client passerait de 13 000,00 € à 21 400,00 €, au-delà de sa limite de crédit de 15 000,00 € (dépassement de 6 400,00 €). Acompte de 30 % inférieur aux 100 % recommandés pour la classe D.",
  );
  // 2 400,00 cashed adds 9 600,00: 22 600,00, 7 600,00 over; 100 % of the order is its 12 000,00 TTC.
  expect(plain(amountRow.notice)).toBe(
    "Avec cette commande de 9 600,00 €, l'encours du client passerait de 13 000,00 € à 22 600,00 €, au-delà de sa limite de crédit de 15 000,00 € (dépassement de 7 600,00 €). Acompte de 2 400,00 € inférieur aux 100 % recommandés pour la classe D (12 000,00 € sur cette commande).",
  );
  expect(otherRow).toEqual({ row: 5, id: expect.any(String) });

  // The sheet after the import and its write-back: recorded rows (status filled), the notices in « Message ».
  const rows = async () =>
    (await suite.kit.gateway.readValues(spreadsheetId, [acomptesRange(2, 5)]))[0].map(acomptesRecord);
  const expected = [
    { Identifiant: first.recorded[0].id, Statut: "Ouvert", Message: "" },
    { Identifiant: percentRow.id, Statut: "Ouvert", Message: percentRow.notice },
    { Identifiant: amountRow.id, Statut: "Ouvert", Message: amountRow.notice },
    { Identifiant: otherRow.id, Statut: "Ouvert", Message: "" },
  ];
  expect(await rows()).toMatchObject(expected);
  expect((await fs.db.collection(`companies/${C}/deposits`).get()).size).toBe(4);

  // A resync rewrites nothing, and the warnings stay beside their deposits.
  const resync = await suite.call("resync", SALES, { spreadsheetId });
  expect(resync.body).toMatchObject({ sync: { status: "synced", updatedRows: 0, newRows: 0 } });
  expect(await rows()).toMatchObject(expected);
});
