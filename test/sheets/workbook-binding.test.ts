/**
 * A workbook belongs to one company. Company A's admin, who knows the id
 * of company B's workbook (every workbook is shared with the one service
 * account), can neither bind it, nor resync it, nor import from it; the
 * after-commit sync never reaches it. Binding a new workbook needs the
 * one-time code the add-on writes into the workbook's developer metadata;
 * a wrong, expired or reused code is refused; two companies binding one
 * workbook at once: one wins.
 */
import type { Firestore } from "@google-cloud/firestore";
import { BINDING_METADATA_KEY } from "../../functions/src/sheets/binding/binding-code";
import { companySpreadsheets } from "../../functions/src/sheets/binding/workbook-registry";
import { sheetsNotifier, syncCompanySheets } from "../../functions/src/sheets/sync/sync-company";
import { ACOMPTE_PROJECT } from "../../functions/testing/sheets-server/access";
import { testFirestore } from "../support/firestore";
import { seedCompany, snapshotAll, startTestApi } from "../support/workflow-api";
import { ACCOUNTING, ADMIN, C as A, DEPOSIT_BODY, USERS } from "../workflow/fixtures";
import { KIT_NOW, startSheetsKit, type SheetsAction, type SheetsKit } from "./sheets-test-kit";
import { acomptesColumn, acomptesRange, acomptesRows } from "./acomptes-layout";

const B = "beta";
const ADMIN_B = "bea@beta.fr";
const ACCOUNTING_B = "bruno@beta.fr";
// Acomptes, columns Client to Moyen de paiement, as B's staff types it.
const TYPED_BY_B = "Fournil Beta|Professionnel|552 100 554||CMD-B-1|Acompte|Biens|20|1 000,00|30||05/03/2026|Virement";

// Each test sets up whole workbooks (layout, sync) and compares every document: minutes on a loaded machine.
jest.setTimeout(180_000);

const fs = testFirestore("binding");
let kit: SheetsKit;
let db: Firestore;

beforeAll(async () => {
  kit = await startSheetsKit();
  db = fs.db;
});
afterAll(async () => {
  await kit.stop();
  await fs.close();
});
beforeEach(async () => {
  await fs.clear();
  await seedCompany(db, A, USERS as never);
  await seedCompany(db, B, { [ADMIN_B]: ["admin"], [ACCOUNTING_B]: ["accounting_approver"] }, { name: "Fournil Beta" });
});

const call = (company: string, action: SheetsAction, as: string, spreadsheetId: string, now?: Date) =>
  kit.call(db, company, action, as, { spreadsheetId }, { now });

/** What the add-on answers with: the code to write, when the workbook is not bound to the company yet. */
async function askCode(company: string, as: string, spreadsheetId: string): Promise<string> {
  const answer = await kit.call(db, company, "binding-code", as, { spreadsheetId }, { key: null });
  expect(answer).toMatchObject({ status: 201, body: { alreadyBound: false, metadataKey: BINDING_METADATA_KEY } });
  return (answer.body as { code: string }).code;
}

/** Writes `value` under the binding key, as the add-on would (Acompte's project, PROJECT visibility) unless told otherwise. */
async function writeCode(
  spreadsheetId: string,
  as: string,
  value: string,
  { project = ACOMPTE_PROJECT, visibility = "PROJECT" } = {},
): Promise<void> {
  await kit.addonApi(as, project).spreadsheets.batchUpdate({
    spreadsheetId,
    requestBody: {
      requests: [
        {
          createDeveloperMetadata: {
            developerMetadata: {
              metadataKey: BINDING_METADATA_KEY,
              metadataValue: value,
              visibility,
              location: { spreadsheet: true },
            },
          },
        },
      ],
    },
  });
}

/** Everything the functions can see of a workbook: grid data, sheets, formats, developer metadata. */
const workbookState = (spreadsheetId: string) => kit.gateway.get(spreadsheetId, { includeGridData: true });

/** B's workbook, bound to B by its admin through the add-on, with a row B's staff typed and did not import yet. */
async function workbookOfB(): Promise<string> {
  const spreadsheetId = await kit.newSpreadsheet("Fournil Beta — Acompte");
  expect((await kit.setupAsAddon(db, B, ADMIN_B, spreadsheetId)).status).toBe(200);
  await kit.gateway.api.spreadsheets.values.update({
    spreadsheetId,
    range: acomptesRange(2, 2),
    valueInputOption: "USER_ENTERED",
    requestBody: { values: acomptesRows([TYPED_BY_B.split("|")]) },
  });
  return spreadsheetId;
}

const BOUND_ELSEWHERE = {
  status: 409,
  code: "WORKBOOK_BOUND_ELSEWHERE",
  message: expect.stringMatching(/^Ce classeur est déjà associé à une autre société dans Acompte/),
};
const NOT_BOUND_HERE = {
  status: 404,
  message: expect.stringMatching(/^Ce classeur n'est pas associé à cette société/),
};

describe("company A's admin and B's workbook", () => {
  it("cannot bind it: no code is issued for it, setup is refused, nothing changes in the workbook or Firestore", async () => {
    const workbook = await workbookOfB();
    const [sheetBefore, dbBefore] = [await workbookState(workbook), await snapshotAll(db)];

    await expect(kit.call(db, A, "binding-code", ADMIN, { spreadsheetId: workbook })).rejects.toMatchObject(
      BOUND_ELSEWHERE,
    );
    await expect(call(A, "setup", ADMIN, workbook)).rejects.toMatchObject(BOUND_ELSEWHERE);
    // Even with a code of A's (for another workbook) written into B's by someone who can edit it.
    await writeCode(workbook, ADMIN, await askCode(A, ADMIN, await kit.newSpreadsheet()));
    await expect(call(A, "setup", ADMIN, workbook)).rejects.toMatchObject(BOUND_ELSEWHERE);

    // The workbook as it was, but for the entry written into it by hand.
    const sheetAfter = await workbookState(workbook);
    expect(sheetBefore.developerMetadata).toBeUndefined();
    expect(sheetAfter.developerMetadata).toHaveLength(1);
    expect({ ...sheetAfter, developerMetadata: undefined }).toEqual(sheetBefore);
    // Firestore as it was, but for the one code A's admin asked for (its own company's) and its audit event.
    const dbAfter = await snapshotAll(db);
    const added = Object.keys(dbAfter).filter((path) => !(path in dbBefore));
    expect(added).toEqual([
      expect.stringMatching(new RegExp(`^companies/${A}/bindingCodes/[0-9a-f]{64}$`)),
      expect.stringMatching(new RegExp(`^companies/${A}/events/`)),
    ]);
    for (const path of added) delete dbAfter[path];
    expect(dbAfter).toEqual(dbBefore);
    expect(await companySpreadsheets({ db }, A)).toEqual([]);
  });

  it("cannot resync it nor import the row B's staff typed there", async () => {
    const workbook = await workbookOfB();
    const [sheetBefore, dbBefore] = [await workbookState(workbook), await snapshotAll(db)];
    await expect(call(A, "resync", ADMIN, workbook)).rejects.toMatchObject(NOT_BOUND_HERE);
    await expect(call(A, "resync", ACCOUNTING, workbook)).rejects.toMatchObject(NOT_BOUND_HERE);
    await expect(call(A, "import", ACCOUNTING, workbook)).rejects.toMatchObject(NOT_BOUND_HERE);
    expect(await workbookState(workbook)).toEqual(sheetBefore);
    expect(await snapshotAll(db)).toEqual(dbBefore);

    // B's own staff still can: the row becomes B's deposit.
    const imported = await call(B, "import", ACCOUNTING_B, workbook);
    expect(imported.body).toMatchObject({ recorded: [{ row: 2 }], refused: [] });
    expect((await db.collection(`companies/${B}/deposits`).get()).size).toBe(1);
    expect((await db.collection(`companies/${A}/deposits`).get()).size).toBe(0);
  });

  it("a change in A syncs A's workbook only, even with B's id left in A's spreadsheetIds", async () => {
    const workbookB = await workbookOfB();
    const workbookA = await kit.newSpreadsheet("Acme — Acompte");
    expect((await kit.setupAsAddon(db, A, ADMIN, workbookA)).status).toBe(200);
    // What the hole this closes used to leave behind: B's workbook listed in A's company document.
    await db.doc(`companies/${A}`).update({ spreadsheetIds: [workbookA, workbookB] });
    const sheetBefore = await workbookState(workbookB);

    const errors: unknown[] = [];
    const api = await startTestApi(
      db,
      sheetsNotifier({ db, gateway: kit.gateway }, (_m, e) => errors.push(e)),
    );
    try {
      const deposit = await api.call("POST", `/v1/companies/${A}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
      expect(deposit.status).toBe(201);
      expect(errors).toEqual([]);
      const [rowsOfA] = await kit.gateway.readValues(workbookA, [acomptesColumn("Identifiant")]);
      expect(rowsOfA).toEqual([[deposit.body.id]]);
      expect(Object.keys(await syncCompanySheets({ db, gateway: kit.gateway }, A))).toEqual([workbookA]);
      expect(await workbookState(workbookB)).toEqual(sheetBefore);
    } finally {
      await api.close();
    }
  });
});

describe("binding codes", () => {
  it("binds with the code the add-on wrote: registry, company, code consumed, event, metadata removed; a repair needs none", async () => {
    const workbook = await kit.newSpreadsheet();
    const code = await askCode(B, ADMIN_B, workbook);
    await writeCode(workbook, ADMIN_B, code);
    const key = "setup-once-0123456789";
    const first = await kit.call(db, B, "setup", ADMIN_B, { spreadsheetId: workbook }, { key });
    expect(first).toMatchObject({ status: 200, body: { spreadsheetId: workbook, binding: "new" } });

    expect((await db.doc(`workbooks/${workbook}`).get()).data()).toMatchObject({
      companyId: B,
      boundBy: ADMIN_B,
      proof: "binding_code",
    });
    expect((await db.doc(`companies/${B}`).get()).get("spreadsheetIds")).toEqual([workbook]);
    const [codeDoc] = (await db.collection(`companies/${B}/bindingCodes`).get()).docs;
    expect(codeDoc.data()).toMatchObject({ spreadsheetId: workbook, requestedBy: ADMIN_B, usedBy: ADMIN_B });
    expect(JSON.stringify(codeDoc.data())).not.toContain(code);
    const events = async () =>
      (await db.collection(`companies/${B}/events`).where("type", "==", "workbook.bound").get()).docs;
    expect((await events()).map((e) => e.get("subject"))).toEqual([{ kind: "workbook", id: workbook }]);
    expect((await workbookState(workbook)).developerMetadata).toBeUndefined();
    expect((await kit.gateway.readValues(workbook, ["'Acomptes'!A1:B1"]))[0]).toEqual([
      ["Facture d'acompte", "Client"],
    ]);

    // The same call again (a lost answer): the first answer, nothing recorded twice.
    const replay = await kit.call(db, B, "setup", ADMIN_B, { spreadsheetId: workbook }, { key });
    expect(replay.body).toMatchObject({ binding: "new" });
    expect(await events()).toHaveLength(1);
    // A repair from the add-on: no code to ask for, none needed.
    expect((await kit.call(db, B, "binding-code", ADMIN_B, { spreadsheetId: workbook }, { key: null })).body).toEqual({
      spreadsheetId: workbook,
      alreadyBound: true,
    });
    expect((await call(B, "setup", ADMIN_B, workbook)).body).toMatchObject({ binding: "existing" });
    expect(await events()).toHaveLength(1);
  });

  it("refuses a setup without a code it can trust, in French, and writes nothing", async () => {
    const workbook = await kit.newSpreadsheet();
    const other = await kit.newSpreadsheet();
    const missing = {
      status: 403,
      code: "BINDING_CODE_MISSING",
      message: expect.stringMatching(
        /^Ce classeur n'a pas pu être vérifié : lancez « Installer ou réparer le classeur »/,
      ),
    };
    const codeForA = await askCode(A, ADMIN, workbook);
    // No code at all.
    await expect(call(A, "setup", ADMIN, workbook)).rejects.toMatchObject(missing);
    // A code-shaped value nobody issued; B's own code; A's code for another workbook.
    await writeCode(workbook, ADMIN, "x".repeat(43));
    await writeCode(workbook, ADMIN_B, await askCode(B, ADMIN_B, workbook));
    await writeCode(workbook, ADMIN, await askCode(A, ADMIN, other));
    // A's right code, but written by another app (another project) or readable by any app (DOCUMENT).
    await writeCode(workbook, ADMIN, codeForA, { project: "autre-projet" });
    await writeCode(workbook, ADMIN, codeForA, { visibility: "DOCUMENT" });
    const [sheetBefore, dbBefore] = [await workbookState(workbook), await snapshotAll(db)];
    await expect(call(A, "setup", ADMIN, workbook)).rejects.toMatchObject(missing);
    expect(await workbookState(workbook)).toEqual(sheetBefore);
    expect(await snapshotAll(db)).toEqual(dbBefore);
    // Only admins ask for codes.
    await expect(call(A, "binding-code", ACCOUNTING, workbook)).rejects.toMatchObject({ status: 403 });

    // The right code, as the add-on writes it: bound.
    await writeCode(workbook, ADMIN, codeForA);
    expect((await call(A, "setup", ADMIN, workbook)).body).toMatchObject({ binding: "new" });
  });

  it("refuses an expired code and a code used before, each with its own French message", async () => {
    const workbook = await kit.newSpreadsheet();
    const code = await askCode(A, ADMIN, workbook);
    await writeCode(workbook, ADMIN, code);
    const dbBefore = await snapshotAll(db);
    const elevenMinutesLater = new Date(KIT_NOW.getTime() + 11 * 60_000);
    await expect(call(A, "setup", ADMIN, workbook, elevenMinutesLater)).rejects.toMatchObject({
      status: 403,
      code: "BINDING_CODE_EXPIRED",
      message: expect.stringContaining("a expiré (il vaut 10 minutes)"),
    });
    expect(await snapshotAll(db)).toEqual(dbBefore);
    const nineMinutesLater = new Date(KIT_NOW.getTime() + 9 * 60_000);
    expect((await call(A, "setup", ADMIN, workbook, nineMinutesLater)).body).toMatchObject({ binding: "new" });

    // Someone who saw the code writes it back; the workbook is released by an operator: the code stays spent.
    await writeCode(workbook, ADMIN, code);
    await db.doc(`workbooks/${workbook}`).delete();
    await expect(call(A, "setup", ADMIN, workbook)).rejects.toMatchObject({
      status: 403,
      code: "BINDING_CODE_USED",
      message: expect.stringContaining("a déjà servi"),
    });
  });

  it("two companies binding one workbook at once: exactly one wins, the other is refused and records nothing", async () => {
    for (let round = 0; round < 3; round++) {
      const workbook = await kit.newSpreadsheet();
      await writeCode(workbook, ADMIN, await askCode(A, ADMIN, workbook));
      await writeCode(workbook, ADMIN_B, await askCode(B, ADMIN_B, workbook));
      const outcomes = await Promise.allSettled([
        call(A, "setup", ADMIN, workbook),
        call(B, "setup", ADMIN_B, workbook),
      ]);
      const won = outcomes.findIndex((o) => o.status === "fulfilled");
      const lost = 1 - won;
      expect(outcomes[won]).toMatchObject({ status: "fulfilled", value: { status: 200, body: { binding: "new" } } });
      expect(outcomes[lost]).toMatchObject({ status: "rejected", reason: BOUND_ELSEWHERE });
      const [winner, loser] = won === 0 ? [A, B] : [B, A];
      expect((await db.doc(`workbooks/${workbook}`).get()).get("companyId")).toBe(winner);
      expect(await companySpreadsheets({ db }, winner)).toContain(workbook);
      expect(await companySpreadsheets({ db }, loser)).not.toContain(workbook);
      expect((await db.doc(`companies/${loser}`).get()).get("spreadsheetIds") ?? []).not.toContain(workbook);
      const loserCodes = await db
        .collection(`companies/${loser}/bindingCodes`)
        .where("spreadsheetId", "==", workbook)
        .get();
      expect(loserCodes.size).toBe(1);
      expect(loserCodes.docs.map((d) => d.get("usedAt"))).toEqual(loserCodes.docs.map(() => null));
    }
  });
});
