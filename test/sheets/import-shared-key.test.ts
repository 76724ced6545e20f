/**
 * The import's keys are shared by the whole company: when the ids of the
 * rows an import recorded are lost (their write to Sheets failed), the next
 * import — by another member — replays the first answers instead of
 * recording the deposit, invoice or payment a second time. A client's own
 * Idempotency-Key stays per user, and cannot reach the import's records.
 */
import { Timestamp } from "@google-cloud/firestore";
import { depositBodyFromRow } from "../../functions/src/sheets/import/deposit-row-body";
import { importKey } from "../../functions/src/sheets/import/import-key";
import type { ImportResult } from "../../functions/src/sheets/import/import-under-lease";
import { startTestApi, type TestApi } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER } from "../workflow/fixtures";
import { importSuite } from "./import-suite";
import { acomptesCell, acomptesColumn, acomptesRange, acomptesRows } from "./acomptes-layout";

const suite = importSuite("sheetssharedkey");
const fs = suite.fs;
afterEach(() => jest.restoreAllMocks());

const importAs = (as: string, spreadsheetId: string) => suite.call("import", as, { spreadsheetId });

/** The import records its rows, then its one write of ids and statuses to Sheets fails: the ids are lost. */
async function importLosingIds(as: string, spreadsheetId: string): Promise<void> {
  jest.spyOn(suite.kit.gateway, "writeValues").mockRejectedValueOnce(new Error("Sheets: 503 backend unavailable"));
  await expect(importAs(as, spreadsheetId)).rejects.toThrow("503");
  jest.restoreAllMocks();
}

const count = async (collection: string) => (await fs.db.collection(`companies/${C}/${collection}`).get()).size;

// Acomptes, columns Client to Moyen de paiement.
const DEPOSIT_ROW =
  "Boulangerie Martin|Professionnel|552 100 554||CMD-88|Acompte|Biens|20|10 000,00|30||05/03/2026|Virement";
// Factures, columns Numéro to Payée le: 600.00 due, 200.00 still owed, so 400.00 paid on 20/01/2026.
const PART_PAID_ROW = "2025-F-0920||15/12/2025|Mme Durand (particulier)||500|100||||14/01/2026|200|20/01/2026";

test("a typed deposit whose id was lost is imported again by another member: one deposit, the same id", async () => {
  const spreadsheetId = await suite.workbookWith({ [acomptesRange(2, 2)]: acomptesRows([DEPOSIT_ROW.split("|")]) });

  await importLosingIds(ACCOUNTING, spreadsheetId);
  const [recorded] = (await fs.db.collection(`companies/${C}/deposits`).get()).docs;
  expect(recorded).toBeDefined();
  const [lost] = await suite.kit.gateway.readValues(spreadsheetId, [acomptesCell("Identifiant", 2)]);
  expect(lost[0]?.[0] ?? "").toBe("");

  const again = (await importAs(REQUESTER, spreadsheetId)).body as ImportResult;
  expect(again.sheets?.Acomptes).toEqual({ recorded: [{ row: 2, id: recorded.id }], refused: [] });
  expect(await count("deposits")).toBe(1);
  const [ids] = await suite.kit.gateway.readValues(spreadsheetId, [acomptesColumn("Identifiant")]);
  expect(ids.map((r) => r[0] ?? "").filter((id) => id !== "")).toEqual([recorded.id]);

  // The shared record has no expiry: the TTL policy never deletes it, so a re-import months later still replays.
  // (The admin's setup of the workbook keeps its own record, keyed by the admin.)
  const records = (await fs.db.collection(`companies/${C}/idempotency`).get()).docs.filter(
    (r) => r.get("route") !== `POST /v1/companies/${C}/sheets/setup`,
  );
  expect(records.map((r) => [r.id.startsWith("company-"), r.get("expiresAt")])).toEqual([[true, undefined]]);
});

test("a typed invoice and its payment whose id was lost: replayed for a member without accounting's role", async () => {
  const spreadsheetId = await suite.workbookWith({ "'Factures'!B2:N2": [PART_PAID_ROW.split("|")] });

  await importLosingIds(ACCOUNTING, spreadsheetId);
  const [invoice] = (await fs.db.collection(`companies/${C}/invoices`).get()).docs;
  expect(invoice.get("openAmount")).toBe("200.00");
  expect(await count("payments")).toBe(1);

  // The requester could not record them, but the import only reports what accounting recorded.
  const again = (await importAs(REQUESTER, spreadsheetId)).body as ImportResult;
  expect(again.sheets?.Factures).toEqual({ recorded: [{ row: 2, id: invoice.id }], refused: [] });
  expect([await count("invoices"), await count("payments")]).toEqual([1, 1]);
  expect((await fs.db.doc(`companies/${C}/invoices/${invoice.id}`).get()).get("openAmount")).toBe("200.00");
  const [ids] = await suite.kit.gateway.readValues(spreadsheetId, ["'Factures'!A2:A"]);
  expect(ids.map((r) => r[0] ?? "").filter((id) => id !== "")).toEqual([invoice.id]);
});

describe("over HTTP, a client's Idempotency-Key", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(fs.db);
  });
  afterAll(() => api.close());

  const deposits = `/v1/companies/${C}/deposits`;

  test("stays per user: the same key from two users records two deposits", async () => {
    const first = await api.call("POST", deposits, { as: ACCOUNTING, key: "shared-key-1", body: DEPOSIT_BODY });
    const other = await api.call("POST", deposits, { as: REQUESTER, key: "shared-key-1", body: DEPOSIT_BODY });
    const replay = await api.call("POST", deposits, { as: REQUESTER, key: "shared-key-1", body: DEPOSIT_BODY });
    expect([first.status, other.status, replay.status]).toEqual([201, 201, 201]);
    expect(other.body.id).not.toBe(first.body.id);
    expect(replay.body.id).toBe(other.body.id);
    expect(await count("deposits")).toBe(2);
    // Header keys' records expire after the 30-day replay window.
    const records = (await fs.db.collection(`companies/${C}/idempotency`).get()).docs;
    expect(records.map((r) => r.get("expiresAt") instanceof Timestamp)).toEqual([true, true]);
  });

  test("cannot reach the import's shared records, even with the very key the import derived", async () => {
    const spreadsheetId = await suite.workbookWith({ [acomptesRange(2, 2)]: acomptesRows([DEPOSIT_ROW.split("|")]) });
    // Row 2 as the import reads it (before the write-back rewrites it), and the key the import derives from it.
    const [typed] = await suite.kit.gateway.readValues(spreadsheetId, [acomptesRange(2, 2)]);
    const body = depositBodyFromRow(typed[0]);
    const key = importKey(spreadsheetId, 2, body);
    const imported = (await importAs(ACCOUNTING, spreadsheetId)).body as ImportResult;
    expect(imported.recorded).toEqual([{ row: 2, id: expect.any(String) }]);

    api.setToday("2026-03-10");
    const posted = await api.call("POST", deposits, { as: REQUESTER, key, body });
    expect(posted.status).toBe(201);
    expect(posted.body.id).not.toBe(imported.recorded[0].id);
    expect(await count("deposits")).toBe(2);
  });
});
