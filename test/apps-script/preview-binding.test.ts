/**
 * « Installer ou réparer le classeur » for real, end to end: the add-on's
 * bundled server code in the preview's Apps Script runtime asks the `api`
 * (emulator, local tokens, Sheets routes) for a binding code, writes it into
 * the spreadsheet's developer metadata through SpreadsheetApp — which stores
 * it on the local Sheets server as the user, in Acompte's project — and the
 * functions read it back with their own access before binding. The admin of
 * another company, in the same spreadsheet, is refused in French and the
 * spreadsheet stays as it was.
 */
import { startAddonPreview, type AddonPreview } from "../../functions/testing/addon-preview";
import { mintLocalToken } from "../../functions/testing/local-tokens";
import { startSheetsServer, type SheetsServer } from "../../functions/testing/sheets-server";
import { createSheetsApi } from "../../functions/src/sheets/sheets-api";
import { SheetsGateway } from "../../functions/src/sheets/sheets-gateway";
import { sheetsRoutes } from "../../functions/src/app/api-app";
import { sheetsNotifier } from "../../functions/src/sheets/sync/sync-company";
import { testFirestore } from "../support/firestore";
import { seedCompany, snapshotAll, startTestApi, type TestApi } from "../support/workflow-api";
import { ADMIN, C as A, USERS } from "../workflow/fixtures";

const B = "beta";
const ADMIN_B = "bea@beta.fr";

const fs = testFirestore("preview-binding");
let sheets: SheetsServer;
let gateway: SheetsGateway;
let api: TestApi;
let spreadsheetId: string;
const previews: AddonPreview[] = [];

type RpcAnswer = { ok: boolean; error?: string; alerts: { title?: string; prompt: string }[] };

/** The add-on's menu action in `company`'s add-on, run by `email` inside the spreadsheet. */
async function menuAction(company: string, email: string, fn: string): Promise<RpcAnswer> {
  const preview = await startAddonPreview({
    apiUrl: api.url,
    companyId: company,
    actors: [{ key: "admin", label: "Administrateur", email }],
    mintToken: (who) => mintLocalToken(who),
    spreadsheetId,
    sheetsApiUrl: sheets.url,
  });
  previews.push(preview);
  const response = await fetch(`${preview.url}rpc/${fn}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ as: "admin", args: [] }),
  });
  return (await response.json()) as RpcAnswer;
}

beforeAll(async () => {
  await seedCompany(fs.db, A, USERS as never);
  await seedCompany(fs.db, B, { [ADMIN_B]: ["admin"] }, { name: "Fournil Beta" });
  sheets = await startSheetsServer({});
  gateway = new SheetsGateway(createSheetsApi(sheets.functionsAccess), { baseMs: 2, maxMs: 20, attempts: 8 });
  api = await startTestApi(fs.db, sheetsNotifier({ db: fs.db, gateway }), sheetsRoutes(gateway));
  api.setToday("2026-03-10");
  spreadsheetId = (await gateway.api.spreadsheets.create({ requestBody: { properties: { title: "Acme — Acompte" } } }))
    .data.spreadsheetId!;
}, 60_000);

afterAll(async () => {
  for (const preview of previews) await preview.stop();
  await api?.close();
  await sheets?.stop();
  await fs.close();
});

it("binds the spreadsheet through the code the add-on writes into it, then lays it out", async () => {
  const answer = await menuAction(A, ADMIN, "setupWorkbook");
  expect(answer).toMatchObject({ ok: true });
  expect(answer.alerts).toEqual([
    { title: "Installer ou réparer le classeur", prompt: expect.stringMatching(/^Le classeur est prêt\./) },
  ]);
  expect((await fs.db.doc(`workbooks/${spreadsheetId}`).get()).data()).toMatchObject({
    companyId: A,
    boundBy: ADMIN,
    proof: "binding_code",
  });
  const codes = (await fs.db.collection(`companies/${A}/bindingCodes`).get()).docs;
  expect(codes.map((c) => c.get("usedBy"))).toEqual([ADMIN]);
  // The code was read back and removed; the layout is there.
  const workbook = await gateway.get(spreadsheetId, { fields: "developerMetadata,sheets.properties.title" });
  expect(workbook.developerMetadata).toBeUndefined();
  expect(workbook.sheets!.map((s) => s.properties!.title)).toContain("Acomptes");

  // Run again: a repair of the company's own spreadsheet, no new code.
  expect((await menuAction(A, ADMIN, "setupWorkbook")).alerts[0].prompt).toMatch(/^Le classeur est prêt\./);
  expect((await fs.db.collection(`companies/${A}/bindingCodes`).get()).size).toBe(1);
}, 120_000);

it("another company's admin, in the same spreadsheet, is refused in French and changes nothing", async () => {
  const [before, dbBefore] = [await gateway.get(spreadsheetId, { includeGridData: true }), await snapshotAll(fs.db)];
  const setup = await menuAction(B, ADMIN_B, "setupWorkbook");
  expect(setup.alerts[0].prompt).toBe(
    "Ce classeur est déjà associé à une autre société dans Acompte : un classeur ne sert qu'une seule société. Créez un nouveau classeur Google Sheets pour la vôtre.",
  );
  const resync = await menuAction(B, ADMIN_B, "resyncWorkbook");
  expect(resync.alerts[0].prompt).toMatch(/^Ce classeur n'est pas associé à cette société/);
  expect(await gateway.get(spreadsheetId, { includeGridData: true })).toEqual(before);
  expect(await snapshotAll(fs.db)).toEqual(dbBefore);
}, 120_000);
