/**
 * « Sinistre assurance-crédit » in headless Chromium (issue #16), against the
 * local stack: the real `api` on the emulator with the Sheets write-back to
 * the local Sheets server, the preview running the add-on's bundled server
 * code. The accounting approver selects the overdue final invoice's row in
 * `Factures`, declares the claim, is refused an indemnity above the invoice's
 * total (in French, under « Montant », nothing stored), records the indemnity,
 * and sees each status in the sidebar, in Firestore and in the sheet's
 * « Assurance-crédit » column; a closing recorded meanwhile shows on
 * « Actualiser ». Screenshots in test-artifacts/sidebar/.
 */
import type { Browser, FrameLocator, Page } from "playwright-core";
import type { InvoiceDoc } from "../../functions/src/model/invoice";
import { INSURANCE_CLAIM_HEADER } from "../../functions/src/sheets/layout/workbook-spec";
import { testFirestore } from "../support/firestore";
import { ACCOUNTING, C, DEPOSIT_BODY } from "../workflow/fixtures";
import { launchChromium, screenshotPath } from "./chromium";
import { startLocalStack, type LocalStack } from "./local-stack";
import { actAs, openPreview } from "./preview-page";

const fs = testFirestore("addon-insurance-claim");
let stack: LocalStack;
let browser: Browser;
let page: Page;
let invoice: { id: string; number: string };

const FINAL = { orderRef: DEPOSIT_BODY.orderRef, supplyKind: DEPOSIT_BODY.supplyKind, lines: DEPOSIT_BODY.order.lines };

beforeAll(async () => {
  stack = await startLocalStack(fs);
  // Worked example 2 (docs/customers-risk.md): the final invoice of 20/02, 10 080,00 € left after the deposit, due 22/03.
  stack.api.setToday("2026-02-20");
  const final = await stack.api.call("POST", `/v1/companies/${C}/invoices/final`, { as: ACCOUNTING, body: FINAL });
  expect(final.status).toBe(201);
  expect(final.body).toMatchObject({ openAmount: "10080.00", dueDate: "2026-03-22" });
  invoice = { id: final.body.id, number: final.body.number };
  browser = await launchChromium();
  page = await openPreview(browser, stack.preview.url, 1400);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await fs.close();
});

/** Plain spaces for the French no-break ones, to compare texts. */
const plain = (text: string | null) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");
const stored = async () => (await fs.db.doc(`companies/${C}/invoices/${invoice.id}`).get()).data() as InvoiceDoc;

/** The invoice's « Assurance-crédit » cell in the workbook the functions wrote. */
async function sheetCell(): Promise<string> {
  const [headers, ...rows] = await stack.values("Factures");
  const row = rows.find((cells) => cells.includes(invoice.number));
  expect(row).toBeDefined();
  return plain(row![headers.indexOf(INSURANCE_CLAIM_HEADER)] ?? "");
}

/** The options the step list offers, as shown. */
const offered = (sidebar: FrameLocator) => sidebar.locator("#claim-step option").allTextContents();

async function fillStep(sidebar: FrameLocator, step: string, date: string, amount = "", reference = "") {
  const form = sidebar.locator("#claim-form");
  await form.getByLabel("Statut à enregistrer").selectOption({ label: step });
  await form.getByLabel("Date", { exact: false }).fill(date);
  await form.getByLabel("Référence de l'assureur").fill(reference);
  if (await sidebar.locator("#claim-amount").isVisible()) await sidebar.locator("#claim-amount").fill(amount);
}

test("declares the claim, is refused an indemnity above the total in French, records the indemnity: sidebar, Firestore and sheet agree", async () => {
  const errors: Error[] = [];
  page.on("pageerror", (error) => errors.push(error));
  const sidebar = await actAs(page, "accounting");
  await page.selectOption("#sheet-name", "Factures");
  const option = page.locator("#row option", { hasText: invoice.number });
  await option.waitFor({ state: "attached" });
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/api/selection")),
    page.selectOption("#row", (await option.getAttribute("value"))!),
  ]);

  await sidebar.getByRole("tab", { name: "Facture" }).click();
  const box = sidebar.locator("#invoice");
  // The selection poll (every 3 s) finds the row and the tab reads the invoice's claim.
  await box.filter({ hasText: `Facture ${invoice.number}` }).waitFor({ timeout: 20000 });
  expect(plain(await box.textContent())).toContain("Total de la facture10 080,00 €");
  expect(plain(await box.textContent())).toContain("Échéance22/03/2026");
  const summary = sidebar.locator("#claim-summary");
  expect(await summary.textContent()).toBe("aucun sinistre déclaré pour cette facture.");
  expect(await offered(sidebar)).toEqual(["Déclarée"]);

  // Declared on 12/05/2026, within the policy's delay, with the amount declared.
  stack.api.setToday("2026-05-12");
  await fillStep(sidebar, "Déclarée", "12/05/2026", "10 080,00", "SIN-778");
  await sidebar.getByRole("button", { name: "Enregistrer l'étape" }).click();
  await sidebar
    .locator("#banner.success")
    .filter({ hasText: `Sinistre de la facture ${invoice.number} : étape « Déclarée » enregistrée.` })
    .waitFor({ timeout: 20000 });
  await summary.filter({ hasText: "Déclarée le" }).waitFor();
  const declared = "Déclarée le 12/05/2026 (10 080,00 €), réf. SIN-778";
  expect(plain(await summary.textContent())).toBe(declared);
  expect((await stored()).insuranceClaim).toMatchObject({
    status: "declared",
    declaredOn: "2026-05-12",
    reference: "SIN-778",
    updatedBy: ACCOUNTING,
    steps: [{ status: "declared", on: "2026-05-12", reference: "SIN-778", amount: "10080.00" }],
  });
  expect(await sheetCell()).toBe(declared);
  expect(await offered(sidebar)).toEqual(["Indemnisée", "Refusée"]);
  await page.locator("#sidebar").screenshot({ path: screenshotPath("sinistre-1-declaree") });

  // The indemnity needs its amount: said under the field, nothing sent.
  stack.api.setToday("2026-07-03");
  await fillStep(sidebar, "Indemnisée", "03/07/2026", "");
  await sidebar.getByRole("button", { name: "Enregistrer l'étape" }).click();
  expect(await sidebar.locator("#claim-amount-error").textContent()).toBe(
    "Montant : indiquez le montant de l'indemnité reçue.",
  );

  // Above the invoice's total: the functions refuse it in French, the field named by its label; nothing changes.
  const before = await stored();
  await sidebar.locator("#claim-amount").fill("12 000,00");
  await sidebar.getByRole("button", { name: "Enregistrer l'étape" }).click();
  const refusal = sidebar.locator("#claim-amount-error");
  await refusal.filter({ hasText: "dépasse" }).waitFor({ timeout: 20000 });
  expect(plain(await refusal.textContent())).toBe("Montant : 12 000,00 € dépasse le total de la facture, 10 080,00 €.");
  expect((await stored()).insuranceClaim).toEqual(before.insuranceClaim);
  expect(plain(await summary.textContent())).toBe(declared);
  await page.locator("#sidebar").screenshot({ path: screenshotPath("sinistre-2-indemnite-refusee") });

  // The indemnity received: 90 % of the declared amount.
  await sidebar.locator("#claim-amount").fill("9 072,00");
  await sidebar.getByRole("button", { name: "Enregistrer l'étape" }).click();
  await sidebar
    .locator("#banner.success")
    .filter({ hasText: "étape « Indemnisée » enregistrée" })
    .waitFor({ timeout: 20000 });
  await summary.filter({ hasText: "Indemnisée le" }).waitFor();
  const indemnified = "Indemnisée le 03/07/2026 (9 072,00 €) – déclarée le 12/05/2026, réf. SIN-778";
  expect(plain(await summary.textContent())).toBe(indemnified);
  expect(await sidebar.locator("#claim-amount-error").textContent()).toBe("");
  const claim = (await stored()).insuranceClaim!;
  expect(claim.status).toBe("indemnified");
  expect(claim.steps).toEqual([
    { status: "declared", on: "2026-05-12", reference: "SIN-778", amount: "10080.00" },
    { status: "indemnified", on: "2026-07-03", reference: null, amount: "9072.00" },
  ]);
  // An indemnity is the insurer's money, not the customer's payment: the receivable stays open.
  expect((await stored()).openAmount).toBe("10080.00");
  expect(await sheetCell()).toBe(indemnified);
  expect(plain(await sidebar.locator(".claim-steps").textContent())).toBe(
    "Déclarée le 12/05/2026 — réf. SIN-778 — 10 080,00 €Indemnisée le 03/07/2026 — 9 072,00 €",
  );
  expect(await offered(sidebar)).toEqual(["Clôturée"]);
  await page.locator("#sidebar").screenshot({ path: screenshotPath("sinistre-3-indemnisee") });

  // Closed meanwhile by someone else (here through the api): « Actualiser » shows it, and no step is offered.
  stack.api.setToday("2026-07-10");
  const closed = await stack.api.call("POST", `/v1/companies/${C}/invoices/${invoice.id}/insurance-claim`, {
    as: ACCOUNTING,
    body: { status: "closed", on: "2026-07-10" },
  });
  expect(closed.status).toBe(200);
  await sidebar.getByRole("button", { name: "Actualiser" }).click();
  await summary.filter({ hasText: "Clôturée le 10/07/2026" }).waitFor({ timeout: 20000 });
  expect(await sidebar.locator("#claim-closed").isVisible()).toBe(true);
  expect(await sidebar.getByRole("button", { name: "Enregistrer l'étape" }).isVisible()).toBe(false);
  expect(await sheetCell()).toBe("Clôturée le 10/07/2026 – déclarée le 12/05/2026, réf. SIN-778");

  // The sheet beside the sidebar shows the same status.
  await page
    .locator("#sheet")
    .evaluate(
      (frame: HTMLIFrameElement, url) => (frame.src = url),
      `${stack.sheets.url}/view/${stack.spreadsheetId}?onglet=Factures`,
    );
  await page.frameLocator("#sheet").locator("table").filter({ hasText: "Clôturée le 10/07/2026" }).waitFor();
  // The « Assurance-crédit » column is far right: brought into view for the screenshot.
  await page.frameLocator("#sheet").getByText("Clôturée le 10/07/2026").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath("sinistre-4-classeur-factures") });
  expect(errors).toEqual([]);
}, 180_000);

test("a requester has no « Facture » tab: claims are followed by accounting approvers and admins", async () => {
  const sidebar = await actAs(page, "requester");
  await expect(sidebar.getByRole("tab", { name: /Suivi/ }).count()).resolves.toBe(1);
  await expect(sidebar.getByRole("tab", { name: "Facture" }).count()).resolves.toBe(0);
});
