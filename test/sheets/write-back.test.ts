/**
 * End to end: the workflow's api (deposit → request → approvals → credit
 * note → instalments) with the Sheets write-back as its after-commit
 * listener, then the local spreadsheet read through the same client.
 */
import { setupWorkbook } from "../../functions/src/sheets/layout/setup-workbook";
import { WORKBOOK } from "../../functions/src/sheets/layout/workbook-spec";
import { sheetsNotifier, syncCompanySheets } from "../../functions/src/sheets/sync/sync-company";
import { syncRef } from "../../functions/src/sheets/sync/sync-lease";
import { testFirestore } from "../support/firestore";
import { bindAsOperator } from "../support/bind-workbook";
import { seedCompany, startTestApi, type TestApi } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, SALES, USERS, refundBody } from "../workflow/fixtures";
import { startSheetsKit, type SheetsKit } from "./sheets-test-kit";
import { acomptesColumn, acomptesRange, acomptesRecord } from "./acomptes-layout";

const fs = testFirestore("sheetswb");
const base = `/v1/companies/${C}`;
const SYNCED = ["Acomptes", "Factures", "Remboursements", "Échéancier", "Avoirs", "Écritures"];
const NBSP = "\u202f";

afterAll(() => fs.close());
beforeEach(() => fs.clear());

interface Run {
  kit: SheetsKit;
  api: TestApi;
  spreadsheetId: string;
  ids: { deposit: string; refund: string };
  errors: unknown[];
}

async function runWorkflow(faultRate: number): Promise<Run> {
  const kit = await startSheetsKit({ faultRate, faultSeed: 42 });
  const spreadsheetId = await kit.newSpreadsheet("Acme — Acompte");
  const errors: unknown[] = [];
  const deps = { db: fs.db, gateway: kit.gateway };
  const api = await startTestApi(
    fs.db,
    sheetsNotifier(deps, (_m, e) => errors.push(e)),
  );
  await seedCompany(fs.db, C, USERS as never, { approvalThreshold: "4000.00" });
  await bindAsOperator(fs.db, C, spreadsheetId);
  api.setToday("2026-01-15");
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  expect(dep.status).toBe(201);
  api.setToday("2026-03-10");
  const req = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(dep.body.id) });
  expect(req.status).toBe(201);
  expect((await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: ACCOUNTING })).status).toBe(200);
  expect((await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: SALES })).status).toBe(200);
  api.setToday("2026-03-31");
  expect((await api.call("POST", `${base}/refunds/${req.body.id}/instalments/1/pay`, { as: ACCOUNTING })).status).toBe(
    200,
  );
  api.setToday("2026-04-30");
  expect((await api.call("POST", `${base}/refunds/${req.body.id}/instalments/2/pay`, { as: ACCOUNTING })).status).toBe(
    200,
  );
  return { kit, api, spreadsheetId, ids: { deposit: dep.body.id, refund: req.body.id }, errors };
}

async function sheetValues(run: Run) {
  const res = await run.kit.gateway.api.spreadsheets.values.batchGet({
    spreadsheetId: run.spreadsheetId,
    ranges: SYNCED.map((t) => `'${t}'`),
  });
  return Object.fromEntries(res.data.valueRanges!.map((vr, i) => [SYNCED[i], vr.values ?? []]));
}

const euros = (s: string) => `${s} €`;

test("every state change lands once in the right sheet, with French formats", async () => {
  const run = await runWorkflow(0);
  try {
    expect(run.errors).toEqual([]);
    const v = await sheetValues(run);
    const headers = (title: string) => WORKBOOK.find((s) => s.title === title)!.columns.map((c) => c.header);
    for (const t of SYNCED) expect(v[t][0]).toEqual(headers(t));
    const { deposit: d, refund: r } = run.ids;
    const rows = (t: string) => v[t].slice(1);

    // What a person reads first: the invoice number, customer, amount, balance and status; the id last.
    expect(rows("Acomptes")).toEqual([
      [
        "FA-2026-000001",
        "Hôtel Bellevue SARL",
        euros(`4${NBSP}320,00`),
        euros("0,00"),
        "Remboursé",
        "",
        "Professionnel",
        "732829320",
        "",
        "CMD-2026-017",
        "Acompte",
        "Biens",
        "20 %",
        // The order's net and the percentage asked (#12.9: they were left empty).
        euros(`12${NBSP}000,00`),
        "30",
        "15/01/2026",
        "Virement",
        "15/01/2026",
        euros(`3${NBSP}600,00`),
        euros("720,00"),
        "15/01/2026",
        d,
      ],
    ]);
    expect(rows("Factures")).toEqual([
      [
        expect.any(String),
        "FA-2026-000001",
        "Facture d'acompte",
        "15/01/2026",
        "Hôtel Bellevue SARL",
        "CMD-2026-017",
        euros(`3${NBSP}600,00`),
        euros("720,00"),
        euros(`4${NBSP}320,00`),
        "",
        euros(`4${NBSP}320,00`),
        "15/01/2026",
        euros("0,00"),
        "15/01/2026",
        "Payée",
      ],
    ]);
    // People read the request's and the deposit invoice's numbers; the technical id comes last.
    expect(rows("Remboursements")).toEqual([
      [
        "RB-2026-000001",
        "FA-2026-000001",
        "Hôtel Bellevue SARL",
        "Annulation par le vendeur",
        // Avoir TTC, then Total dû au client (the same here: no compensation).
        euros(`4${NBSP}320,00`),
        euros(`4${NBSP}320,00`),
        REQUESTER,
        "10/03/2026",
        "Remboursée",
        "",
        `Approbateur comptable : ${ACCOUNTING} ; Approbateur commercial : ${SALES}`,
        "10/03/2026",
        "AV-2026-000001",
        "",
        "30/04/2026",
        r,
      ],
    ]);
    expect(rows("Échéancier")).toEqual([
      [
        "RB-2026-000001",
        "AV-2026-000001",
        "Hôtel Bellevue SARL",
        "1/2",
        "31/03/2026",
        euros(`2${NBSP}160,00`),
        "Payée",
        "31/03/2026",
        `${r}-1`,
      ],
      [
        "RB-2026-000001",
        "AV-2026-000001",
        "Hôtel Bellevue SARL",
        "2/2",
        "30/04/2026",
        euros(`2${NBSP}160,00`),
        "Payée",
        "30/04/2026",
        `${r}-2`,
      ],
    ]);
    // Every mention of the credit note: number, date, type, seller, customer, cited invoice by number and date, per-rate and total amounts.
    expect(rows("Avoirs")).toEqual([
      [
        "AV-2026-000001",
        "10/03/2026",
        "Avoir (503)",
        "Menuiserie Durand SAS",
        "552100554",
        "Hôtel Bellevue SARL",
        "732829320",
        "",
        "FA-2026-000001",
        "15/01/2026",
        "20 %",
        euros(`-3${NBSP}600,00`),
        euros("-720,00"),
        euros(`-4${NBSP}320,00`),
        euros(`-3${NBSP}600,00`),
        euros("-720,00"),
        euros(`-4${NBSP}320,00`),
        r,
        // Document: this company issues no files (settings.documentsEnabled off).
        "",
        expect.stringMatching(/-20$/),
      ],
    ]);
    const journal = rows("Écritures").map((l) => [l[0], l[1], l[2], l[4], l[5], l[7] ?? "", l[8] ?? ""]);
    expect(rows("Écritures").map((l) => l[9])).toEqual(rows("Écritures").map(() => expect.stringMatching(/-\d+$/)));
    expect(journal).toEqual([
      ["EC-2026-000001", "15/01/2026", "BQ", "FA-2026-000001", "512", euros(`4${NBSP}320,00`), ""],
      ["EC-2026-000001", "15/01/2026", "BQ", "FA-2026-000001", "4191", "", euros(`3${NBSP}600,00`)],
      ["EC-2026-000001", "15/01/2026", "BQ", "FA-2026-000001", "44571", "", euros("720,00")],
      ["EC-2026-000002", "10/03/2026", "VT", "AV-2026-000001", "4191", euros(`3${NBSP}600,00`), ""],
      ["EC-2026-000002", "10/03/2026", "VT", "AV-2026-000001", "44571", euros("720,00"), ""],
      ["EC-2026-000002", "10/03/2026", "VT", "AV-2026-000001", "411", "", euros(`4${NBSP}320,00`)],
      ["EC-2026-000003", "31/03/2026", "BQ", expect.any(String), "411", euros(`2${NBSP}160,00`), ""],
      ["EC-2026-000003", "31/03/2026", "BQ", expect.any(String), "512", "", euros(`2${NBSP}160,00`)],
      ["EC-2026-000004", "30/04/2026", "BQ", expect.any(String), "411", euros(`2${NBSP}160,00`), ""],
      ["EC-2026-000004", "30/04/2026", "BQ", expect.any(String), "512", "", euros(`2${NBSP}160,00`)],
    ]);
    // Ids are unique in every sheet: updated in place, never duplicated.
    for (const t of SYNCED) {
      const ids = rows(t).map((l) => l[headers(t).indexOf("Identifiant")]);
      expect(new Set(ids).size).toBe(ids.length);
    }
    // Numbers and dates are stored as numbers (formats do the display), user text as text.
    const raw = await run.kit.gateway.readValues(run.spreadsheetId, [acomptesRange(2, 2)]);
    expect(acomptesRecord(raw[0][0])).toMatchObject({
      "Acompte TTC": 4320,
      "Date d'encaissement": 46037,
      "Moyen de paiement": "Virement",
      "Facture d'acompte": "FA-2026-000001",
      "Date de facture": 46037,
      HT: 3600,
    });

    // A resync with nothing new changes nothing and writes nothing.
    run.kit.server.resetCalls();
    const again = await syncCompanySheets({ db: fs.db, gateway: run.kit.gateway }, C);
    expect(again[run.spreadsheetId]).toMatchObject({ status: "synced", writeCalls: 0, updatedRows: 0, newRows: 0 });
    expect(run.kit.server.calls()).toEqual({ "spreadsheets.get": 1, "spreadsheets.values.batchGet": 1 });
    expect(await sheetValues(run)).toEqual(v);
  } finally {
    await run.api.close();
    await run.kit.stop();
  }
});

test("with 30 % of the Sheets answers failing (429/500), the run ends with the same sheets", async () => {
  const clean = await runWorkflow(0);
  const expected = await sheetValues(clean);
  await clean.api.close();
  await clean.kit.stop();
  await fs.clear();

  const faulty = await runWorkflow(0.3);
  try {
    expect(faulty.kit.server.faults()).toBeGreaterThan(0);
    faulty.kit.server.setFaultRate(0);
    // Writes that failed after every retry were recorded; a resync replays them.
    await syncCompanySheets({ db: fs.db, gateway: faulty.kit.gateway }, C);
    const got = await sheetValues(faulty);
    const withoutIds = (values: Record<string, unknown[][]>) =>
      JSON.stringify(values).replace(/"[A-Za-z0-9]{20}(-[0-9]+)?"/g, '"id"');
    expect(withoutIds(got)).toEqual(withoutIds(expected));
    expect((await syncRef(fs.db, C, faulty.spreadsheetId).get()).get("failed")).toBeNull();
  } finally {
    await faulty.api.close();
    await faulty.kit.stop();
  }
});

test("a write that fails after every retry is recorded, then replayed by the next sync — nothing lost, nothing doubled", async () => {
  const kit = await startSheetsKit();
  const spreadsheetId = await kit.newSpreadsheet();
  await setupWorkbook(kit.gateway, spreadsheetId);
  const errors: unknown[] = [];
  const api = await startTestApi(
    fs.db,
    sheetsNotifier({ db: fs.db, gateway: kit.gateway }, (_m, e) => errors.push(e)),
  );
  try {
    await seedCompany(fs.db, C, USERS as never);
    await bindAsOperator(fs.db, C, spreadsheetId);
    kit.server.setFaultRate(1);
    const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
    expect(dep.status).toBe(201); // the change stands even though the sheet could not be written
    expect(errors).toHaveLength(1);
    const failed = (await syncRef(fs.db, C, spreadsheetId).get()).get("failed");
    expect(failed).toMatchObject({ attempts: 1 });
    kit.server.setFaultRate(0);
    const result = await syncCompanySheets({ db: fs.db, gateway: kit.gateway }, C);
    // Acomptes, Factures, three Écritures lines and the customer's Clients row.
    expect(result[spreadsheetId]).toMatchObject({ replayed: true, newRows: 6 });
    await syncCompanySheets({ db: fs.db, gateway: kit.gateway }, C);
    const [acomptes] = await kit.gateway.readValues(spreadsheetId, [acomptesColumn("Identifiant")]);
    expect(acomptes).toEqual([[dep.body.id]]);
    expect((await syncRef(fs.db, C, spreadsheetId).get()).get("failed")).toBeNull();
  } finally {
    await api.close();
    await kit.stop();
  }
});

test("a workbook laid out with the ids first (before #12) is rewritten under the new layout: each document once, the old rows gone", async () => {
  const run = await runWorkflow(0);
  try {
    const expected = await sheetValues(run);
    const { deposit: d, refund: r } = run.ids;
    const api = run.kit.gateway.api.spreadsheets.values;
    const sheet = (title: string) => ({ spreadsheetId: run.spreadsheetId, range: `'${title}'` });
    const old = (title: string, values: string[][]) =>
      api.update({ ...sheet(title), valueInputOption: "RAW", requestBody: { values } });
    // What the sync wrote before: the id in column A, the deposit's id where its invoice number now is; a pasted copy too.
    const oldRefund = [r, d, "Hôtel Bellevue SARL", "Annulation par le vendeur", "4320", REQUESTER, "", "Remboursée"];
    await api.clear(sheet("Remboursements"));
    await old("Remboursements", [
      ["Identifiant", "Acompte", "Client", "Motif", "Montant TTC", "Demandé par", "Demandé le", "Statut"],
      oldRefund,
      oldRefund,
    ]);
    await api.clear(sheet("Échéancier"));
    await old("Échéancier", [
      ["Identifiant", "Demande", "Avoir", "Client"],
      [`${r}-1`, r, "AV-2026-000001", "Hôtel Bellevue SARL"],
      [`${r}-2`, r, "AV-2026-000001", "Hôtel Bellevue SARL"],
      ["note", "tapée", "sous", "le tableau"],
    ]);

    const result = await syncCompanySheets({ db: fs.db, gateway: run.kit.gateway }, C);
    expect(result[run.spreadsheetId]).toMatchObject({ status: "synced" });
    expect(await sheetValues(run)).toEqual(expected);
    // Settled: the next sync writes nothing.
    run.kit.server.resetCalls();
    const again = await syncCompanySheets({ db: fs.db, gateway: run.kit.gateway }, C);
    expect(again[run.spreadsheetId]).toMatchObject({ writeCalls: 0, updatedRows: 0, newRows: 0 });
  } finally {
    await run.api.close();
    await run.kit.stop();
  }
});
