/**
 * The `Banque` sheet (issue #15, docs/bank.md): every recorded statement
 * entry, what waits « À rapprocher » with its ranked suggestions, what the
 * others settled. Written by the same write-back as the other managed tabs,
 * on the local Sheets v4 server; the bank's text stays text.
 */
import { Timestamp } from "@google-cloud/firestore";
import { BANK_ENTRIES, COMPANIES } from "../../functions/src/model/collections";
import { BANQUE } from "../../functions/src/sheets/layout/workbook-spec";
import { sheetsNotifier, syncCompanySheets } from "../../functions/src/sheets/sync/sync-company";
import { camtStatement } from "../../functions/testing/bank/camt-statement";
import { testFirestore } from "../support/firestore";
import { bindAsOperator } from "../support/bind-workbook";
import { seedCompany, startTestApi, type TestApi } from "../support/workflow-api";
import { ACCOUNTING, C, USERS } from "../workflow/fixtures";
import { startSheetsKit, type SheetsKit } from "./sheets-test-kit";

const fs = testFirestore("banque");
const IBAN = "FR7630006000011234567890189";
const base = `/v1/companies/${C}`;
const NNBSP = "\u202f";
const FORMULA_NAME = '=HYPERLINK("http://x";"Payez ici")';

let kit: SheetsKit;
let api: TestApi;
let spreadsheetId: string;
let errors: unknown[];

beforeAll(async () => (kit = await startSheetsKit()));
afterAll(async () => {
  await kit.stop();
  await fs.close();
});
beforeEach(async () => {
  await fs.clear();
  errors = [];
  spreadsheetId = await kit.newSpreadsheet("Acme — Banque");
  api = await startTestApi(
    fs.db,
    sheetsNotifier({ db: fs.db, gateway: kit.gateway }, (_m, e) => errors.push(e)),
  );
  await seedCompany(fs.db, C, USERS as never, { bankIban: IBAN });
  await bindAsOperator(fs.db, C, spreadsheetId);
});
afterEach(() => api.close());

async function banque(render: "FORMATTED_VALUE" | "UNFORMATTED_VALUE" = "FORMATTED_VALUE") {
  const res = await kit.gateway.api.spreadsheets.values.get({
    spreadsheetId,
    range: "'Banque'",
    valueRenderOption: render,
  });
  return (res.data.values ?? []) as string[][];
}

const column = (header: string) => BANQUE.columns.findIndex((c) => c.header === header);
const cell = (row: string[], header: string) => row[column(header)] ?? "";

test("an imported statement lands in Banque: French dates and amounts, « À rapprocher », bank text kept as text", async () => {
  api.setToday("2026-04-02");
  const file = camtStatement({
    id: "REL-2026-04",
    iban: IBAN,
    entries: [
      {
        ref: "IN-1",
        amount: "1234.56",
        direction: "credit",
        bookingDate: "2026-04-01",
        counterpartyName: FORMULA_NAME,
        remittance: ["+33 Facture FA-2099-999999"],
      },
      {
        ref: "OUT-1",
        amount: "350.00",
        direction: "debit",
        bookingDate: "2026-03-31",
        counterpartyName: "Loueur Matériel SARL",
        remittance: ["Location mars"],
      },
    ],
  });
  const imported = await api.call("POST", `${base}/bank/statements`, { as: ACCOUNTING, body: { file } });
  expect([imported.status, imported.body.error?.message]).toEqual([201, undefined]);
  expect(errors).toEqual([]);

  const rows = await banque();
  expect(rows[0]).toEqual(BANQUE.columns.map((c) => c.header));
  // Chronological: the debit of 31/03 first.
  expect(rows.slice(1).map((r) => cell(r, "Référence bancaire"))).toEqual(["OUT-1", "IN-1"]);
  const [out, inc] = rows.slice(1);
  expect(cell(out, "Date")).toBe("31/03/2026");
  expect(cell(out, "Sens")).toBe("Décaissement");
  expect(cell(out, "Montant")).toBe(`-350,00 €`);
  expect(cell(inc, "Montant")).toBe(`1${NNBSP}234,56 €`);
  expect(cell(inc, "Sens")).toBe("Encaissement");
  expect(cell(inc, "Contrepartie")).toBe(FORMULA_NAME);
  expect(cell(inc, "Libellé")).toBe("+33 Facture FA-2099-999999");
  expect(cell(inc, "Statut")).toBe("À rapprocher");
  expect(cell(inc, "Explication")).toBe(
    imported.body.entries.find((e: { entryRef: string }) => e.entryRef === "IN-1").explanation,
  );
  expect(cell(inc, "Relevé")).toBe("REL-2026-04");
  expect(cell(inc, "Identifiant")).toBe(
    imported.body.entries.find((e: { entryRef: string }) => e.entryRef === "IN-1").id,
  );

  // What the cells hold, not only how they show: text stays a string, never a formula or a number.
  const grid = await kit.gateway.get(spreadsheetId, { ranges: ["'Banque'!A2:L3"], includeGridData: true });
  const entered = grid.sheets![0].data![0].rowData!.map((r) => r.values!.map((v) => v.userEnteredValue));
  expect(entered[1][column("Contrepartie")]).toEqual({ stringValue: FORMULA_NAME });
  expect(entered[1][column("Libellé")]).toEqual({ stringValue: "+33 Facture FA-2099-999999" });
  expect(entered[0][column("Montant")]).toEqual({ numberValue: -350 });

  // The same statement again adds nothing, and the sheet keeps one row per entry.
  const again = await api.call("POST", `${base}/bank/statements`, { as: ACCOUNTING, body: { file } });
  expect(again.body.created).toBe(0);
  expect((await banque()).length).toBe(3);
});

const entry = (ref: string, amount: string, name: string, remittance: string) => ({
  accountIban: IBAN,
  statementId: "REL-2026-05",
  entryRef: ref,
  bookingDate: "2026-05-04",
  amount,
  direction: "credit",
  reversal: false,
  returned: false,
  transactions: [{ amount, counterpartyName: name, remittance }],
});

test("ranked suggestions best first, what an applied entry settled, and older entries without the matching's fields", async () => {
  const entries = fs.db.collection(COMPANIES).doc(C).collection(BANK_ENTRIES);
  const stamp = { importedAt: Timestamp.now(), importedBy: ACCOUNTING };
  await entries.doc("a-suggested").set({
    key: `${IBAN}|S-1`,
    entry: entry("S-1", "600.00", "Hôtel du Lac", "Virement acompte"),
    status: "to_reconcile",
    explanation: "Montant trouvé sur plusieurs factures : à choisir.",
    paidInstalments: [],
    suggestions: [
      {
        score: 40,
        explanation: "Même montant et même nom de client.",
        allocations: [
          { itemKind: "final_invoice", itemId: "i1", reference: "FA-2026-000012", amount: "600.00", settles: true },
        ],
      },
      {
        score: 25,
        explanation: "Même montant.",
        allocations: [
          { itemKind: "external_invoice", itemId: "i2", reference: "F-EXT-77", amount: "600.00", settles: true },
        ],
      },
    ],
    allocations: [],
    payments: [],
    ...stamp,
  });
  await entries.doc("b-applied").set({
    key: `${IBAN}|S-2`,
    entry: entry("S-2", "2500.00", "Durand SA", "FA-2026-000013 FA-2026-000014"),
    status: "applied",
    explanation: "Deux factures citées, total exact.",
    paidInstalments: [],
    suggestions: [],
    allocations: [
      { itemKind: "final_invoice", itemId: "i3", reference: "FA-2026-000013", amount: "1000.00", settles: true },
      { itemKind: "final_invoice", itemId: "i4", reference: "FA-2026-000014", amount: "1500.00", settles: false },
    ],
    payments: ["p1", "p2"],
    ...stamp,
  });
  // Recorded before #15's matching fields, and one undone by a person (« unmatched »): to reconcile again.
  await entries.doc("c-older").set({
    key: `${IBAN}|S-3`,
    entry: { ...entry("S-3", "80.00", "Martin", "Échéance"), direction: "debit" },
    status: "applied",
    explanation: "Échéance payée.",
    paidInstalments: ["r1/2"],
    ...stamp,
  });
  await entries.doc("d-unmatched").set({
    key: `${IBAN}|S-4`,
    entry: entry("S-4", "10.00", "Inconnu", "?"),
    status: "unmatched",
    explanation: "Rapprochement annulé.",
    paidInstalments: [],
    ...stamp,
  });

  const synced = await syncCompanySheets({ db: fs.db, gateway: kit.gateway }, C);
  expect(synced[spreadsheetId].status).toBe("synced");
  const rows = new Map((await banque()).slice(1).map((r) => [cell(r, "Identifiant"), r]));
  expect([...rows.keys()].sort()).toEqual(["a-suggested", "b-applied", "c-older", "d-unmatched"]);

  const suggested = rows.get("a-suggested")!;
  expect(cell(suggested, "Statut")).toBe("À rapprocher");
  expect(cell(suggested, "Suggestions").split("\n")).toEqual([
    `1) FA-2026-000012 : 600,00\u00a0€ (soldée) — score 40/100 : Même montant et même nom de client.`,
    `2) F-EXT-77 : 600,00\u00a0€ (soldée) — score 25/100 : Même montant.`,
  ]);
  expect(cell(suggested, "Rapprochement")).toBe("");

  const applied = rows.get("b-applied")!;
  expect(cell(applied, "Statut")).toBe("Rapprochée");
  expect(cell(applied, "Rapprochement")).toBe(
    `FA-2026-000013 : 1${NNBSP}000,00\u00a0€ (soldée) ; FA-2026-000014 : 1${NNBSP}500,00\u00a0€`,
  );
  expect(cell(applied, "Suggestions")).toBe("");

  const older = rows.get("c-older")!;
  expect([cell(older, "Statut"), cell(older, "Rapprochement"), cell(older, "Montant")]).toEqual([
    "Rapprochée",
    "Échéance r1/2",
    "-80,00 €",
  ]);
  expect(cell(rows.get("d-unmatched")!, "Statut")).toBe("Rapprochement annulé");

  // A later change to an entry (a person matched it) rewrites its row in place.
  await entries.doc("a-suggested").update({
    status: "applied",
    suggestions: [],
    allocations: [
      { itemKind: "final_invoice", itemId: "i1", reference: "FA-2026-000012", amount: "600.00", settles: true },
    ],
  });
  await syncCompanySheets({ db: fs.db, gateway: kit.gateway }, C);
  const after = (await banque()).slice(1);
  expect(after).toHaveLength(4);
  const row = after.find((r) => cell(r, "Identifiant") === "a-suggested")!;
  expect([cell(row, "Statut"), cell(row, "Suggestions"), cell(row, "Rapprochement")]).toEqual([
    "Rapprochée",
    "",
    "FA-2026-000012 : 600,00\u00a0€ (soldée)",
  ]);
});
