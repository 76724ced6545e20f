/**
 * Issue #12.7 in headless Chromium against the real functions: a refusal of
 * the api sits under the field it concerns, once, in French (1 234,56 €,
 * 30/11/2026, the field's label), and a greyed « Demander le remboursement »
 * says which field to fill or correct.
 */
import { testFirestore } from "../support/firestore";
import type { Browser } from "playwright-core";
import { launchChromium, screenshotPath } from "./chromium";
import { startLocalStack, type LocalStack } from "./local-stack";
import { actAs, openPreview, selectDepositRow } from "./preview-page";

const fs = testFirestore("addon-field-errors");
let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startLocalStack(fs);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await fs.close();
});

it("puts each refusal under its field, once, and says why the button is greyed", async () => {
  const { preview, depositNumber } = stack;
  const page = await openPreview(browser, preview.url, 1400);
  await selectDepositRow(page, depositNumber);
  const sidebar = await actAs(page, "requester");
  await sidebar.getByRole("button", { name: /Utiliser la ligne/ }).click();
  await sidebar.locator("#deposit").filter({ hasText: depositNumber }).waitFor();
  // The header names the company, not its id (#12.9).
  expect(await sidebar.locator("#who").textContent()).toBe("rachel@acme.fr · Menuiserie Durand SAS · demandeur");
  const submit = sidebar.locator("#submit-request");
  const hint = sidebar.locator("#submit-hint");

  // Nothing chosen yet: the greyed button names the missing field by its label.
  await sidebar.getByLabel("Un montant TTC").check();
  expect(await submit.isDisabled()).toBe(true);
  await hint.filter({ hasText: "Pour envoyer la demande, complétez : Montant TTC, Motif." }).waitFor();
  await page.locator("#sidebar").screenshot({ path: screenshotPath("champs-1-bouton-grise") });
  await sidebar.locator("#request-form .actions").screenshot({ path: screenshotPath("champs-1-bouton-grise-motif") });

  // Above the balance: the api's refusal sits under « Montant TTC », French amounts, shown once.
  await sidebar.getByLabel("Motif").selectOption("commercial_gesture");
  await sidebar.getByLabel("Montant TTC (€)").fill("9999,99");
  const amountError = sidebar.locator("#scope-amount-error");
  await amountError.filter({ hasText: "dépasse" }).waitFor({ timeout: 20000 });
  expect(await amountError.textContent()).toBe(
    "Montant à rembourser : le remboursement demandé (9\u202f999,99\u00a0€) dépasse le solde remboursable (4\u202f320,00\u00a0€ TTC).",
  );
  const text = (await sidebar.locator("#request-form").innerText()).replace(/\s+/g, " ");
  expect(text.match(/dépasse le solde remboursable/g)).toHaveLength(1);
  expect(text).not.toMatch(/scope|\d\.\d\d|\d{4}-\d\d-\d\d/);
  expect(await submit.isDisabled()).toBe(true);
  await hint.filter({ hasText: "Pour envoyer la demande, corrigez : Montant TTC." }).waitFor();
  await page.locator("#sidebar").screenshot({ path: screenshotPath("champs-2-montant-refuse") });
  await sidebar.locator("#request-form .actions").screenshot({ path: screenshotPath("champs-2-bouton-grise-motif") });

  // A date before today: under « Date du paiement », as 01/03/2026.
  await sidebar.getByLabel("Montant TTC (€)").fill("100,00");
  await sidebar.getByLabel("Date du paiement").fill("2026-03-01");
  const dateError = sidebar.locator("#single-date-error");
  await dateError.filter({ hasText: "01/03/2026" }).waitFor({ timeout: 20000 });
  expect(await amountError.textContent()).toBe("");
  expect(await dateError.textContent()).toMatch(/^Date du paiement : l'échéance du 01\/03\/2026 est antérieure/);
  await page.locator("#sidebar").screenshot({ path: screenshotPath("champs-3-date-refusee") });

  // Corrected: the preview prices it and the button is enabled, with nothing under it.
  await sidebar.getByLabel("Date du paiement").fill("2026-03-31");
  await sidebar.locator("#preview").filter({ hasText: "100,00\u00a0€" }).waitFor({ timeout: 20000 });
  expect(await submit.isDisabled()).toBe(false);
  expect(await hint.textContent()).toBe("");
  expect(await dateError.textContent()).toBe("");

  // Requested: by VAT rate, the form now proposes what is left at 20 %, not the 3 600,00 € invoiced (#12.9).
  await submit.click();
  await sidebar.locator("#banner.success").waitFor({ timeout: 20000 });
  await sidebar.getByRole("tab", { name: "Demander" }).click();
  await sidebar.getByLabel("Par taux de TVA").check();
  const line = sidebar.locator("#line-0");
  await sidebar.locator('label[for="line-0"]').filter({ hasText: "(reste 3\u202f516,67\u00a0€)" }).waitFor();
  expect(await line.getAttribute("placeholder")).toBe("3516,67");
  await page.locator("#sidebar").screenshot({ path: screenshotPath("champs-4-reste-par-taux") });
  await page.close();
});
