/**
 * The whole refund through the add-on, in headless Chromium, against the
 * local stack: the real `api` function on the Firestore emulator (local
 * tokens), the Sheets write-back to the local Sheets server, and the preview
 * running the add-on's bundled server code. A requester picks a deposit row,
 * previews and requests (double click: one request); the sales approver then
 * the accounting approver approve; the sheet shows the credit note and the
 * schedule, and Firestore holds them.
 */
import type { Page } from "playwright-core";
import { testFirestore } from "../support/firestore";
import { C } from "../workflow/fixtures";
import { screenshotPath } from "./chromium";
import { startLocalStack, type LocalStack } from "./local-stack";
import { actAs, openPreview, selectDepositRow } from "./preview-page";

const COMPANY = C;

const fs = testFirestore("addon-e2e");
let stack: LocalStack;

async function values(range: string): Promise<string[][]> {
  const { sheets, spreadsheetId } = stack;
  const response = await fetch(`${sheets.url}/v4/spreadsheets/${spreadsheetId}/values/${encodeURIComponent(range)}`, {
    headers: { authorization: `Bearer ${sheets.functionsAccess.accessToken}` },
  });
  return ((await response.json()) as { values?: string[][] }).values ?? [];
}

beforeAll(async () => {
  stack = await startLocalStack(fs, COMPANY);
});

afterAll(async () => {
  await stack?.stop();
  await fs.close();
});

async function approveFirst(page: Page, actor: string, expected: RegExp, shot: string): Promise<void> {
  const sidebar = await actAs(page, actor);
  await sidebar.getByRole("tab", { name: /À approuver/ }).click();
  const card = sidebar.locator("#approvals article").first();
  await card.waitFor();
  await page.locator("#sidebar").screenshot({ path: screenshotPath(`e2e-${shot}-a-approuver`) });
  await card.getByRole("button", { name: "Approuver" }).click();
  await sidebar.locator("#banner.success").filter({ hasText: expected }).waitFor({ timeout: 20000 });
  await page.locator("#sidebar").screenshot({ path: screenshotPath(`e2e-${shot}-approuve`) });
}

it("requests, approves twice, and the sheet and Firestore hold the credit note and its schedule", async () => {
  const { browser, preview, depositNumber, sheets, spreadsheetId } = stack;
  const page = await openPreview(browser, preview.url, 1400);
  // The requester selects the deposit's row in « Acomptes ».
  await selectDepositRow(page, depositNumber);
  let sidebar = await actAs(page, "requester");
  await sidebar.getByRole("button", { name: /Utiliser la ligne/ }).click();
  await sidebar.locator("#deposit").filter({ hasText: depositNumber }).waitFor();

  await sidebar.getByLabel("Motif").selectOption("seller_cancels");
  await sidebar.getByLabel("Échéances égales").check();
  await sidebar.getByLabel("Nombre").fill("2");
  await sidebar.getByLabel("Première échéance").fill("2026-03-31");
  const previewBox = sidebar.locator("#preview");
  await previewBox.filter({ hasText: "4\u202f320,00\u00a0€" }).waitFor({ timeout: 20000 });
  await previewBox.filter({ hasText: "2\u202f160,00\u00a0€" }).waitFor();
  await page.locator("#sidebar").screenshot({ path: screenshotPath("e2e-1-demande-apercu") });

  await sidebar.getByRole("button", { name: "Demander le remboursement" }).dblclick();
  await sidebar.locator("#banner.success").waitFor({ timeout: 20000 });
  await sidebar.locator("#follow-detail article").waitFor();
  await page.locator("#sidebar").screenshot({ path: screenshotPath("e2e-2-demande-envoyee") });
  const refunds = await fs.db.collection(`companies/${COMPANY}/refunds`).get();
  expect(refunds.size).toBe(1);
  const refundId = refunds.docs[0].id;

  await approveFirst(page, "sales", /approbation de la demande .* est enregistrée/, "3-commercial");
  await approveFirst(page, "accounting", /avoir AV-2026-000001 émis/, "4-comptable");

  // Suivi: approved, with its credit note and schedule.
  sidebar = await actAs(page, "requester");
  await sidebar.getByRole("tab", { name: "Suivi" }).click();
  await sidebar.getByLabel("N° de demande").fill(refundId);
  await sidebar.getByRole("button", { name: "Afficher" }).click();
  await sidebar.locator("#follow-detail").filter({ hasText: "AV-2026-000001" }).waitFor();
  await page.locator("#sidebar").screenshot({ path: screenshotPath("e2e-5-suivi-approuvee") });

  // Firestore: one credit note citing the deposit invoice, two instalments summing to the gross.
  const creditNotes = await fs.db.collection(`companies/${COMPANY}/creditNotes`).get();
  expect(creditNotes.docs.map((d) => d.get("number"))).toEqual(["AV-2026-000001"]);
  const refund = await fs.db.doc(`companies/${COMPANY}/refunds/${refundId}`).get();
  expect(refund.get("status")).toBe("approved");
  const instalments = (await refund.ref.collection("instalments").get()).docs.map((d) => d.data());
  expect(instalments.map((i) => [i.dueDate, i.amount]).sort()).toEqual([
    ["2026-03-31", "2160.00"],
    ["2026-04-30", "2160.00"],
  ]);

  // The sheet: the credit note in « Avoirs », both instalments in « Échéancier », written once each.
  const avoirs = await values("Avoirs");
  expect(avoirs.filter((row) => row.includes("AV-2026-000001"))).toHaveLength(1);
  const echeancier = (await values("'Échéancier'")).filter((row) => row.includes(refundId));
  expect(echeancier).toHaveLength(2);
  expect(echeancier.every((row) => row.includes("AV-2026-000001"))).toBe(true);

  // And a person sees them in the sheet view beside the sidebar.
  const sheet = page.frameLocator("#sheet");
  await page
    .locator("#sheet")
    .evaluate(
      (frame: HTMLIFrameElement, url) => (frame.src = url),
      `${sheets.url}/view/${spreadsheetId}?onglet=Avoirs`,
    );
  await sheet.locator("table").filter({ hasText: "AV-2026-000001" }).waitFor();
  await page.screenshot({ path: screenshotPath("e2e-6-classeur-avoirs") });
  await page
    .locator("#sheet")
    .evaluate(
      (frame: HTMLIFrameElement, url) => (frame.src = url),
      `${sheets.url}/view/${spreadsheetId}?onglet=${encodeURIComponent("Échéancier")}`,
    );
  await sheet.locator("table").filter({ hasText: refundId }).waitFor();
  await page.screenshot({ path: screenshotPath("e2e-7-classeur-echeancier") });
  await page.close();
});
