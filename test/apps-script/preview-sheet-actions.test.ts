/**
 * The preview's menu actions on a selected row, against the local stack: the
 * demo data through the real `api` on the emulator, the Menuiserie workbook
 * on the local Sheets server (write-back on). An instalment is marked paid
 * over the preview's HTTP rpc; a dispute is set on a final invoice in
 * Chromium, the add-on's questions answered in the browser's prompts.
 */
import type { Browser, Dialog } from "playwright-core";
import { startAddonPreview, type AddonPreview } from "../../functions/testing/addon-preview";
import { demoActors } from "../../functions/dev/services/addon-preview";
import { apiClient } from "../../functions/dev/demo-data/api-client";
import { MENUISERIE } from "../../functions/dev/demo-data/companies";
import { loadDemoData, type DemoSummary } from "../../functions/dev/demo-data/load-demo";
import { mintLocalToken } from "../../functions/testing/local-tokens";
import { startSheetsServer, type SheetsServer } from "../../functions/testing/sheets-server";
import { setupWorkbook } from "../../functions/src/sheets/layout/setup-workbook";
import { createSheetsApi } from "../../functions/src/sheets/sheets-api";
import { SheetsGateway } from "../../functions/src/sheets/sheets-gateway";
import { sheetsNotifier } from "../../functions/src/sheets/sync/sync-company";
import { syncSpreadsheet } from "../../functions/src/sheets/sync/sync-spreadsheet";
import { testFirestore } from "../support/firestore";
import { bindAsOperator } from "../support/bind-workbook";
import { startTestApi, type TestApi } from "../support/workflow-api";
import { launchChromium, screenshotPath } from "./chromium";
import { openPreview } from "./preview-page";

const COMPANY = MENUISERIE.id;
const ALICE = "alice@menuiserie.test";
const ORDER = "CMD-2026-090";

const fs = testFirestore("preview-actions");
let sheets: SheetsServer;
let api: TestApi;
let preview: AddonPreview;
let browser: Browser;
let spreadsheetId: string;
let demo: DemoSummary;
let today: string;

async function sheetRows(sheet: string): Promise<string[][]> {
  const range = encodeURIComponent(`'${sheet}'`);
  const response = await fetch(`${sheets.url}/v4/spreadsheets/${spreadsheetId}/values/${range}`, {
    headers: { authorization: `Bearer ${sheets.functionsAccess.accessToken}` },
  });
  return ((await response.json()) as { values?: string[][] }).values ?? [];
}

/** Selects, in the preview, the row of `sheet` whose id (its `Identifiant` column, first or last) is `id`. */
async function selectRowOf(sheet: string, id: string): Promise<number> {
  const rows = await sheetRows(sheet);
  const idColumn = rows[0].indexOf("Identifiant");
  const row = rows.findIndex((cells) => cells[idColumn] === id) + 1;
  expect(row).toBeGreaterThan(1);
  const response = await fetch(`${preview.url}api/selection`, { method: "POST", body: JSON.stringify({ sheet, row }) });
  expect(await response.json()).toEqual({ sheet, row, selected: row });
  return row;
}

type RpcAnswer = {
  ok: boolean;
  error?: string;
  alerts: { title?: string; prompt: string }[];
  prompts: { title?: string; prompt: string }[];
};

async function rpc(fn: string, answers: (string | null)[]): Promise<RpcAnswer> {
  const response = await fetch(`${preview.url}rpc/${fn}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ as: "alice", args: [], answers }),
  });
  return (await response.json()) as RpcAnswer;
}

beforeAll(async () => {
  sheets = await startSheetsServer({});
  const gateway = new SheetsGateway(createSheetsApi(sheets.functionsAccess), { baseMs: 2, maxMs: 20, attempts: 8 });
  api = await startTestApi(fs.db, sheetsNotifier({ db: fs.db, gateway }));
  // The demo data is dated from the real today (cashed 40 days ago, instalments ahead).
  today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  api.setToday(today);
  demo = await loadDemoData(fs.db, apiClient(api.url));

  // The workbook, as `npm start` binds and fills it.
  spreadsheetId = (
    await gateway.api.spreadsheets.create({ requestBody: { properties: { title: "Acompte — Menuiserie Durand" } } })
  ).data.spreadsheetId!;
  await setupWorkbook(gateway, spreadsheetId);
  await bindAsOperator(fs.db, COMPANY, spreadsheetId);
  await syncSpreadsheet({ db: fs.db, gateway }, COMPANY, spreadsheetId, { waitForLeaseMs: 10_000 });

  preview = await startAddonPreview({
    apiUrl: api.url,
    companyId: COMPANY,
    actors: demoActors(MENUISERIE),
    mintToken: (email) => mintLocalToken(email),
    spreadsheetId,
    sheetsApiUrl: sheets.url,
    sheetsViewUrl: `${sheets.url}/view/${spreadsheetId}`,
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  await api?.close();
  await sheets?.stop();
  await fs.close();
});

it("marks the selected instalment paid once its date is answered, and shows the add-on's alert", async () => {
  const refundId = demo.requests.approved;
  await selectRowOf("Échéancier", `${refundId}-1`);
  const instalment = async () =>
    (await fs.db.collection(`companies/${COMPANY}/refunds/${refundId}/instalments`).where("number", "==", 1).get())
      .docs[0];
  expect((await instalment()).get("status")).not.toBe("paid");

  // No answer yet: the add-on's question comes back, taken as Annuler, and nothing is recorded.
  const asking = await rpc("markInstalmentPaid", []);
  expect(asking).toMatchObject({ ok: true, alerts: [] });
  expect(asking.prompts).toEqual([
    {
      title: "Marquer l'échéance payée",
      prompt: expect.stringMatching(
        /^Échéance 1 de l'avoir AV-\d{4}-\d{6} \(Boulangerie Martin\)\.\n\nDate du paiement/,
      ),
    },
  ]);
  expect((await instalment()).get("status")).not.toBe("paid");

  const paid = await rpc("markInstalmentPaid", [""]);
  expect(paid).toMatchObject({ ok: true, prompts: [{ title: "Marquer l'échéance payée" }] });
  expect(paid.alerts).toEqual([
    {
      title: "Marquer l'échéance payée",
      prompt: expect.stringMatching(
        /^Échéance 1\/2 de l'avoir AV-\d{4}-\d{6} \(150,00\u00a0€\) enregistrée comme payée aujourd'hui\.$/,
      ),
    },
  ]);
  expect((await instalment()).data()).toMatchObject({ status: "paid", paidOn: today });
});

it("sets a dispute on the selected final invoice through the page's prompts; a cancelled prompt changes nothing", async () => {
  const invoice = await api.call("POST", `/v1/companies/${COMPANY}/invoices/final`, {
    as: ALICE,
    body: {
      orderRef: ORDER,
      supplyKind: "goods",
      // The demo company issues its documents: a professional customer needs its address (#13).
      customer: {
        name: "Hôtel Bellevue SARL",
        kind: "b2b",
        siren: "732829320",
        address: "4 quai du Rhône\n69002 Lyon",
      },
      lines: [{ vatRate: "20", net: "5000.00" }],
    },
  });
  expect(invoice.status).toBe(201);
  const { id, number } = invoice.body as { id: string; number: string };

  browser = await launchChromium();
  const page = await openPreview(browser, preview.url, 1400);
  const errors: Error[] = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.selectOption("#actor", "alice");
  await page.selectOption("#sheet-name", "Factures");
  const option = page.locator("#row option", { hasText: number });
  await option.waitFor({ state: "attached" });
  const value = (await option.getAttribute("value"))!;
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/api/selection")),
    page.selectOption("#row", value),
  ]);

  const questions: string[] = [];
  let answers: (string | null)[] = [null];
  const answer = (dialog: Dialog) => {
    questions.push(dialog.message());
    const text = answers.shift();
    void (typeof text === "string" ? dialog.accept(text) : dialog.dismiss());
  };
  page.on("dialog", answer);
  const button = page.getByRole("button", { name: "Litige ou promesse de paiement sur la facture sélectionnée" });
  // A menu run ends with the page reading the rows again.
  const settled = () => page.waitForResponse((r) => r.url().includes("/api/rows?sheet=Factures"));

  // Annuler at the first question: nothing recorded.
  await Promise.all([settled(), button.click()]);
  expect(questions).toEqual([
    expect.stringContaining(`Facture ${number} (Hôtel Bellevue SARL).\n\nTapez :\n1 — litige`),
  ]);
  expect((await fs.db.doc(`companies/${COMPANY}/invoices/${id}`).get()).get("dunning")).toBeUndefined();

  questions.length = 0;
  answers = ["1", "Pose non conforme au devis"];
  await button.click();
  const result = page.locator("#menu-result");
  await result.filter({ hasText: `Facture ${number} en litige (Pose non conforme au devis)` }).waitFor();
  expect(questions).toEqual([
    expect.stringMatching(/^Litige ou promesse de paiement\n\nFacture .*Tapez/s),
    expect.stringContaining("Motif du litige"),
  ]);
  await page.screenshot({ path: screenshotPath("preview-litige-facture") });
  expect((await fs.db.doc(`companies/${COMPANY}/invoices/${id}`).get()).get("dunning")).toMatchObject({
    disputed: true,
    disputeReason: "Pose non conforme au devis",
    promiseUntil: null,
    updatedBy: ALICE,
  });
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);
