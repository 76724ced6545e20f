/**
 * The sync's lease and grid growth, with rows given directly (Firestore
 * still holds the lease document).
 */
import { date, money, text } from "../../functions/src/sheets/cell";
import { setupWorkbook } from "../../functions/src/sheets/layout/setup-workbook";
import {
  ACOMPTES,
  AVOIRS,
  ECHEANCIER,
  ECRITURES,
  FACTURES,
  REMBOURSEMENTS,
} from "../../functions/src/sheets/layout/workbook-spec";
import type { Row } from "../../functions/src/sheets/sync/row-mappers";
import { acomptesColumn, acomptesIndex, acomptesRange, acomptesRecord } from "./acomptes-layout";
import { syncRef } from "../../functions/src/sheets/sync/sync-lease";
import { GROWTH_HEADROOM_ROWS, syncSpreadsheet } from "../../functions/src/sheets/sync/sync-spreadsheet";
import { sheetsTouchedBy } from "../../functions/src/sheets/sync/workbook-rows";
import type { WorkbookRows } from "../../functions/src/sheets/sync/workbook-rows";
import { testFirestore } from "../support/firestore";
import { createSheetsApi } from "../../functions/src/sheets/sheets-api";
import { SheetsGateway } from "../../functions/src/sheets/sheets-gateway";
import { FAST_RETRY, startSheetsKit, type SheetsKit } from "./sheets-test-kit";

const fs = testFirestore("sheetslease");
let kit: SheetsKit;
beforeAll(async () => (kit = await startSheetsKit()));
afterAll(async () => {
  await kit.stop();
  await fs.close();
});
beforeEach(() => fs.clear());

/** A deposit's row with only its id, customer, amount and cashing date: the other cells left as they are. */
const deposit = (i: number): Row => {
  const cells: Row["cells"] = ACOMPTES.columns.map(() => null);
  cells[acomptesIndex("Identifiant")] = text(`dep${i}`);
  cells[acomptesIndex("Client")] = text(`Client ${i}`);
  cells[acomptesIndex("Acompte TTC")] = money(`${i}00.00`);
  cells[acomptesIndex("Date d'encaissement")] = date("2026-01-15");
  return { id: `dep${i}`, order: String(i).padStart(5, "0"), cells };
};
const workbook = (deposits: Row[]): WorkbookRows => [
  [ACOMPTES, deposits],
  [FACTURES, []],
  [REMBOURSEMENTS, []],
  [ECHEANCIER, []],
  [AVOIRS, []],
  [ECRITURES, []],
];

test("a sync that needs more rows grows the grid and formats the new rows, in one extra call", async () => {
  const id = await kit.newSpreadsheet();
  const { sheetIds } = await setupWorkbook(kit.gateway, id);
  await kit.gateway.batchUpdate(id, [
    {
      updateSheetProperties: {
        properties: { sheetId: sheetIds.Acomptes, gridProperties: { rowCount: 2 } },
        fields: "gridProperties.rowCount",
      },
    },
  ]);
  kit.server.resetCalls();
  const result = await syncSpreadsheet(
    { db: fs.db, gateway: kit.gateway, readRows: async () => workbook([1, 2, 3].map(deposit)) },
    "c1",
    id,
  );
  expect(result).toMatchObject({ status: "synced", writeCalls: 2, newRows: 3 });
  expect(kit.server.calls()).toMatchObject({ "spreadsheets.batchUpdate": 1, "spreadsheets.values.batchUpdate": 1 });
  const seen = await kit.gateway.api.spreadsheets.values.get({ spreadsheetId: id, range: acomptesRange(4, 4) });
  expect(acomptesRecord(seen.data.values![0])).toEqual({
    ...acomptesRecord([]),
    Identifiant: "dep3",
    Client: "Client 3",
    "Acompte TTC": "300,00 €",
    "Date d'encaissement": "15/01/2026",
  });

  // The grid grew with room to spare, formatted too: the next new rows need no growth.
  kit.server.resetCalls();
  const rows = Array.from({ length: 3 + GROWTH_HEADROOM_ROWS }, (_, i) => deposit(i + 1));
  const next = await syncSpreadsheet(
    { db: fs.db, gateway: kit.gateway, readRows: async () => workbook(rows) },
    "c1",
    id,
  );
  expect(next).toMatchObject({ writeCalls: 1, newRows: GROWTH_HEADROOM_ROWS });
  expect(kit.server.calls()["spreadsheets.batchUpdate"]).toBeUndefined();
  const lastRow = 1 + rows.length;
  const last = await kit.gateway.api.spreadsheets.values.get({
    spreadsheetId: id,
    range: acomptesRange(lastRow, lastRow),
  });
  expect(acomptesRecord(last.data.values![0])).toMatchObject({
    "Acompte TTC": "50\u202f300,00 €", // deposit 503
    "Date d'encaissement": "15/01/2026",
  });
  const grid = await kit.gateway.get(id, { fields: "sheets.properties(title,gridProperties.rowCount)" });
  const acomptes = grid.sheets!.find((s) => s.properties!.title === "Acomptes")!;
  expect(acomptes.properties!.gridProperties!.rowCount).toBe(lastRow);
});

test("two syncs at once: the second leaves a mark, the first syncs again — every row once, nothing lost", async () => {
  const id = await kit.newSpreadsheet();
  await setupWorkbook(kit.gateway, id);
  let stored = [1, 2].map(deposit);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let reads = 0;
  const readRows = async () => {
    reads++;
    const rows = workbook(stored);
    if (reads === 1) await gate; // the first sync is slow: a change arrives meanwhile
    return rows;
  };
  const first = syncSpreadsheet({ db: fs.db, gateway: kit.gateway, readRows }, "c1", id);
  while (reads === 0) await new Promise((r) => setTimeout(r, 5));
  stored = [1, 2, 3].map(deposit);
  const second = await syncSpreadsheet({ db: fs.db, gateway: kit.gateway, readRows }, "c1", id);
  expect(second.status).toBe("deferred");
  expect((await syncRef(fs.db, "c1", id).get()).get("dirty")).toBe(true);
  release();
  expect(await first).toMatchObject({ status: "synced", passes: 2, newRows: 3 });
  const [ids] = await kit.gateway.readValues(id, [acomptesColumn("Identifiant")]);
  expect(ids).toEqual([["dep1"], ["dep2"], ["dep3"]]);
  expect((await syncRef(fs.db, "c1", id).get()).data()).toMatchObject({ dirty: false, leaseOwner: null, failed: null });
});

/** A workbook whose last sync died mid-pass at 10:00 on 10/03/2026, holding a one-minute lease, after another sync left its mark. */
async function workbookOfDeadSync(): Promise<{ id: string; past: Date }> {
  const id = await kit.newSpreadsheet();
  await setupWorkbook(kit.gateway, id);
  const past = new Date("2026-03-10T10:00:00Z");
  await syncRef(fs.db, "c1", id).set({
    leaseOwner: "dead",
    leaseUntil: new Date(past.getTime() + 60_000),
    dirty: true,
    failed: null,
    lastSyncedAt: null,
  });
  return { id, past };
}

test("an expired lease (its holder died) is taken over", async () => {
  const { id, past } = await workbookOfDeadSync();
  const result = await syncSpreadsheet(
    {
      db: fs.db,
      gateway: kit.gateway,
      now: () => new Date(past.getTime() + 5 * 60_000),
      readRows: async () => workbook([deposit(1)]),
    },
    "c1",
    id,
  );
  expect(result).toMatchObject({ status: "synced", newRows: 1 });
});

test("after a holder died, the next change's sync writes every sheet: the changes it and its waiters carried are not lost", async () => {
  // A sync of a deposit died mid-pass, after a refund's sync had left its mark for it.
  const { id, past } = await workbookOfDeadSync();
  const asked: (ReadonlySet<string> | undefined)[] = [];
  const readRows = async (_db: unknown, _c: string, only?: ReadonlySet<string>) => {
    asked.push(only);
    return workbook([deposit(1)]).filter(([spec]) => !only || only.has(spec.title));
  };
  const now = () => new Date(past.getTime() + 5 * 60_000);
  // An instalment is paid: its change touches Échéancier only.
  const result = await syncSpreadsheet({ db: fs.db, gateway: kit.gateway, now, readRows }, "c1", id, {
    onlySheets: new Set(["Échéancier"]),
  });
  expect(result).toMatchObject({ status: "synced", replayed: true, newRows: 1 });
  expect(asked).toEqual([undefined]);
  const [acomptes] = await kit.gateway.readValues(id, [acomptesColumn("Identifiant")]);
  expect(acomptes).toEqual([["dep1"]]);

  // Ended cleanly, the next change's sync is back to its own sheets.
  await syncSpreadsheet({ db: fs.db, gateway: kit.gateway, now, readRows }, "c1", id, {
    onlySheets: new Set(["Échéancier"]),
  });
  expect(asked).toEqual([undefined, new Set(["Échéancier"])]);
});

test("a change syncs only the sheets its documents feed; a replay after a failure syncs everything", async () => {
  expect(
    [
      ...sheetsTouchedBy([
        "companies/c1/deposits/d1",
        "companies/c1/invoices/i1",
        "companies/c1/journalEntries/e1",
        "companies/c1/events/v1",
        "companies/c1/sequences/invoice-2026",
        "companies/c1/refunds/r1/instalments/2",
      ]),
    ].sort(),
  ).toEqual(["Acomptes", "Factures", "Écritures", "Échéancier"].sort());
  expect(sheetsTouchedBy(["companies/c1/users/a@b.fr"]).size).toBe(0);

  const id = await kit.newSpreadsheet();
  await setupWorkbook(kit.gateway, id);
  const asked: (ReadonlySet<string> | undefined)[] = [];
  const readRows = async (_db: unknown, _c: string, only?: ReadonlySet<string>) => {
    asked.push(only);
    return workbook([deposit(1)]).filter(([spec]) => !only || only.has(spec.title));
  };
  const deps = { db: fs.db, gateway: kit.gateway, readRows };
  kit.server.resetCalls();
  expect(await syncSpreadsheet(deps, "c1", id, { onlySheets: new Set() })).toMatchObject({
    status: "synced",
    writeCalls: 0,
  });
  expect(kit.server.calls()).toEqual({});
  expect(await syncSpreadsheet(deps, "c1", id, { onlySheets: new Set(["Acomptes"]) })).toMatchObject({ newRows: 1 });
  await syncRef(fs.db, "c1", id).update({ failed: { at: new Date(), message: "429", attempts: 1 } });
  expect(await syncSpreadsheet(deps, "c1", id, { onlySheets: new Set(["Factures"]) })).toMatchObject({
    replayed: true,
  });
  expect(asked).toEqual([new Set(["Acomptes"]), undefined]);
});

test("a sync too big for one call is cut into calls at row boundaries; with 30 % of answers failing the sheets end the same", async () => {
  const invoice = (i: number): Row => ({
    id: `inv${i}`,
    order: String(i).padStart(5, "0"),
    cells: [text(`inv${i}`), text(`FA-2026-${i}`), text("Facture d'acompte"), date("2026-01-15"), text(`=Client ${i}`)],
  });
  const rows: WorkbookRows = workbook(Array.from({ length: 120 }, (_, i) => deposit(i + 1))).map(([spec, r]) => [
    spec,
    spec === FACTURES ? Array.from({ length: 80 }, (_, i) => invoice(i + 1)) : r,
  ]);
  const read = async (gateway: SheetsGateway, id: string) =>
    gateway.readValues(id, ["'Acomptes'!A1:V", "'Factures'!A1:O"]);

  const oneCall = await kit.newSpreadsheet();
  await setupWorkbook(kit.gateway, oneCall);
  kit.server.resetCalls();
  await syncSpreadsheet({ db: fs.db, gateway: kit.gateway, readRows: async () => rows }, "c1", oneCall);
  expect(kit.server.calls()["spreadsheets.values.batchUpdate"]).toBe(1);

  const faulty = await startSheetsKit({ faultRate: 0.3, faultSeed: 7 });
  try {
    const gateway = new SheetsGateway(createSheetsApi(faulty.server.functionsAccess), FAST_RETRY, 3_000);
    const split = await faulty.newSpreadsheet();
    faulty.server.setFaultRate(0);
    await setupWorkbook(gateway, split);
    faulty.server.setFaultRate(0.3);
    const result = await syncSpreadsheet({ db: fs.db, gateway, readRows: async () => rows }, "c1", split);
    expect(faulty.server.faults()).toBeGreaterThan(0);
    expect(result.writeCalls).toBeGreaterThanOrEqual(4); // ~14 kB of values in calls of 3 kB
    faulty.server.setFaultRate(0);
    expect(await read(gateway, split)).toEqual(await read(kit.gateway, oneCall));
    const again = await syncSpreadsheet({ db: fs.db, gateway, readRows: async () => rows }, "c1", split);
    expect(again).toMatchObject({ writeCalls: 0, newRows: 0, updatedRows: 0 });
  } finally {
    await faulty.stop();
  }
});
