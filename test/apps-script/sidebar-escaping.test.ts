/**
 * User text is shown as text everywhere a person sees it through the local
 * preview, in real Chromium: a customer named like an HTML tag and a reason
 * that closes a <script> appear literally in the request form, the quote, the
 * approvals card, the follow tab and the banner, as well as in the preview's
 * row list and the local Sheets view beside it, and nothing runs.
 */
import type { Browser, Frame, FrameLocator, Page } from "playwright-core";
import { startAddonPreview, type AddonPreview } from "../../functions/testing/addon-preview";
import { startSheetsServer, type SheetsServer } from "../../functions/testing/sheets-server";
import { launchChromium, screenshotPath } from "./chromium";
import { route, startFakeApi, type FakeApi } from "./fake-api";
import { actAs, openPreview, selectDepositRow } from "./preview-page";

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = "</script><script>window.__xss=2</script>";
const ME = { email: "alice@acme.fr", roles: ["requester", "sales_approver"] };
const lines = [{ vatRate: "20", net: "3600.00", vat: "720.00", gross: "4320.00" }];
const total = { net: "3600.00", vat: "720.00", gross: "4320.00" };
const quote = {
  entitlement: { explanation: `Annulation : ${IMG}`, legalBasis: SCRIPT },
  creditNote: { lines, total, cites: { number: "FA-2026-000042", date: "2026-01-15", reference: IMG } },
  compensation: [{ label: IMG, amount: "10.00" }],
  settlement: { paidOut: "4310.00", offset: [{ invoiceNumber: SCRIPT, amount: "10.00" }], keptAsCredit: "0.00" },
  warnings: [SCRIPT],
};

let api: FakeApi;
let sheets: SheetsServer;
let preview: AddonPreview;
let browser: Browser;

beforeAll(async () => {
  api = await startFakeApi([
    route("GET", "/me", () => ({ status: 200, body: ME })),
    route("GET", "/deposits/dep_1", () => ({
      status: 200,
      body: {
        id: "dep_1",
        number: "FA-2026-000042",
        customer: { name: IMG, kind: "b2b" },
        orderRef: SCRIPT,
        lines,
        total,
        refundableBalance: "4320.00",
        refunds: [{ id: "ref_1", status: IMG, total: "100.00" }],
      },
    })),
    route("POST", "/refunds/quote", () => ({ status: 200, body: quote })),
    route("GET", "/approvals/pending", () => ({
      status: 200,
      body: [{ id: "ref_1", depositNumber: SCRIPT, customerName: IMG, total: "4320.00", reason: "seller_cancels" }],
    })),
    route("GET", "/refunds/ref_1", () => ({
      status: 200,
      body: {
        id: "ref_1",
        depositId: "dep_1",
        deposit: { number: SCRIPT, customerName: IMG },
        status: "rejected",
        comment: IMG,
        rejection: { reason: SCRIPT },
        history: [{ at: "2026-03-10T09:00:00Z", by: "bob@acme.fr", type: "refund.rejected", reason: SCRIPT }],
      },
    })),
    route("GET", "/refunds/ref_bad", () => ({
      status: 422,
      body: { error: { code: "RULE", message: `Refusé pour ${IMG}`, details: [{ path: "x", message: SCRIPT }] } },
    })),
  ]);
  sheets = await startSheetsServer();
  const sheetsApi = `${sheets.url}/v4/spreadsheets`;
  const headers = { "Content-Type": "application/json", authorization: `Bearer ${sheets.functionsAccess.accessToken}` };
  const created = await fetch(sheetsApi, {
    method: "POST",
    headers,
    body: JSON.stringify({ properties: { title: "Classeur" }, sheets: [{ properties: { title: "Acomptes" } }] }),
  });
  const { spreadsheetId } = (await created.json()) as { spreadsheetId: string };
  const written = await fetch(`${sheetsApi}/${spreadsheetId}/values/Acomptes!A1:D2?valueInputOption=RAW`, {
    method: "PUT",
    headers,
    body: JSON.stringify({
      values: [
        ["Identifiant", "Facture d'acompte", "Client", "Commande"],
        ["dep_1", "FA-2026-000042", IMG, SCRIPT],
      ],
    }),
  });
  expect(written.ok).toBe(true);
  preview = await startAddonPreview({
    apiUrl: api.url,
    companyId: "acme",
    actors: [{ key: "alice", label: `Demandeuse ${IMG}`, email: ME.email }],
    mintToken: () => "jeton",
    spreadsheetId,
    sheetsApiUrl: sheets.url,
    sheetsViewUrl: `${sheets.url}/view/${spreadsheetId}`,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  await sheets?.stop();
  await api?.stop();
});

/** Waits until the element shows every string literally. */
async function shows(locator: ReturnType<FrameLocator["locator"]>, ...texts: string[]): Promise<void> {
  for (const text of texts) await locator.filter({ hasText: text }).first().waitFor({ timeout: 10000 });
}

/** No handler ran, and no element came from the text: only the page's own scripts are there. */
async function nothingRan(frame: Page | Frame, ownScripts: number): Promise<void> {
  expect(await frame.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await frame.evaluate(() => document.querySelectorAll("img").length)).toBe(0);
  expect(await frame.evaluate(() => document.scripts.length)).toBe(ownScripts);
}

it("shows hostile customer names and reasons as text in every tab and in the preview, and runs none", async () => {
  const page = await openPreview(browser, preview.url);
  await selectDepositRow(page, "FA-2026-000042");
  await expect(page.locator("#row option").nth(1).textContent()).resolves.toContain(IMG);
  await expect(page.locator("#actor option").first().textContent()).resolves.toBe(`Demandeuse ${IMG} — ${ME.email}`);
  const sidebar = await actAs(page, "alice");

  // Request form: the selected deposit, then the live quote.
  await sidebar.getByRole("button", { name: "Utiliser la ligne sélectionnée" }).click();
  await shows(sidebar.locator("#deposit"), IMG, SCRIPT);
  await sidebar.getByLabel("Motif", { exact: true }).selectOption("seller_cancels");
  await shows(sidebar.locator("#preview"), `Annulation : ${IMG}`, SCRIPT, `Imputé sur ${SCRIPT}`);

  // Approvals.
  await sidebar.getByRole("tab", { name: /À approuver/ }).click();
  await shows(sidebar.locator("#approvals article"), IMG, `Demande de remboursement — acompte ${SCRIPT}`);

  // Follow: a request, then an error whose message and details echo user text.
  await sidebar.getByRole("tab", { name: "Suivi" }).click();
  await shows(sidebar.locator("#follow-list"), IMG);
  await sidebar.getByLabel("N° de demande").fill("ref_1");
  await sidebar.getByRole("button", { name: "Afficher" }).click();
  await shows(sidebar.locator("#follow-detail"), IMG, SCRIPT, `(motif : ${SCRIPT})`);
  await sidebar.getByLabel("N° de demande").fill("ref_bad");
  await sidebar.getByRole("button", { name: "Afficher" }).click();
  await shows(sidebar.locator("#banner"), `Refusé pour ${IMG}`, SCRIPT);
  await page.locator("#sidebar").screenshot({ path: screenshotPath("9-texte-hostile") });

  // The local Sheets view beside the sidebar.
  const sheet = page.frameLocator("#sheet");
  await shows(sheet.locator("td"), IMG);
  await shows(sheet.locator("td"), SCRIPT);

  const frame = (path: string) => page.frames().find((f) => new URL(f.url()).pathname.startsWith(path))!;
  await nothingRan(page, 1);
  // The sidebar's own two: the preview's google.script.run bridge and the add-on's script.
  await nothingRan(frame("/sidebar"), 2);
  await nothingRan(frame("/view/"), 0);
  await page.close();
});
