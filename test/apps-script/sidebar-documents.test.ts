/**
 * #13 in the sidebar, headless Chromium against the real `api` on the
 * Firestore emulator and the local storage server, for a company that
 * issues documents (the demo's legal identity, documentsEnabled):
 * - *Suivi*: a requester adds a pièce justificative (an oversized file is
 *   refused in the browser, in French, and nothing is sent);
 * - *À approuver*: the approver's card lists it, « Télécharger » gives its
 *   bytes; « Aperçu du décompte » gives the statement the customer will
 *   receive, as the api renders it, and changes nothing;
 * - *Suivi* › « Documents » after approval: the deposit invoice and the
 *   credit note; « Télécharger » hands over the same bytes as the api
 *   (SHA-256), « Renvoyer au client » adds exactly one outbox entry and says
 *   which document went to whom.
 */
import { createHash } from "node:crypto";
import type { FrameLocator, Page } from "playwright-core";
import { MENUISERIE } from "../../functions/dev/demo-data/companies";
import { mintLocalToken } from "../../functions/testing/local-tokens";
import { OUTBOX } from "../../functions/src/model/collections";
import { snapshotAll, type TestApi } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, refundBody } from "../workflow/fixtures";
import { screenshotPath } from "./chromium";
import { actAs } from "./preview-page";
import { sidebarStack } from "./support/sidebar-stack";

const base = `/v1/companies/${C}`;
const CUSTOMER_EMAIL = "compta@hotel-bellevue.test";
const BODY = {
  ...DEPOSIT_BODY,
  customer: { ...DEPOSIT_BODY.customer, email: CUSTOMER_EMAIL, address: "4 quai du Rhône\n69002 Lyon" },
};
/** A small PDF: the api reads its type from the `%PDF-` magic bytes. */
const LETTER = Buffer.from("%PDF-1.4\n% Lettre d'annulation du client\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

let refundId: string;
let refundNumber: string;
const stack = sidebarStack({
  prefix: "addon-documents",
  users: { [REQUESTER]: ["requester"], [ACCOUNTING]: ["accounting_approver"] },
  settings: { ...MENUISERIE.settings, documentsEnabled: true, approvalThreshold: "100000.00" },
  actors: [
    { key: "requester", label: "Demandeur", email: REQUESTER },
    { key: "accounting", label: "Approbateur comptable", email: ACCOUNTING },
  ],
  spreadsheetId: "sheet-documents",
  seed: async (api) => {
    api.setToday("2026-01-15");
    const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: BODY });
    expect([dep.status, dep.body.error?.message]).toEqual([201, undefined]);
    api.setToday("2026-03-10");
    const req = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(dep.body.id) });
    expect([req.status, req.body.error?.message]).toEqual([201, undefined]);
    refundId = req.body.id;
    refundNumber = req.body.number;
  },
});
const fs = stack.fs;
let api: TestApi;
let page: Page;
beforeAll(() => ({ api, page } = stack));

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function apiBytes(path: string): Promise<Buffer> {
  const res = await fetch(`${api.url}${base}/${path}`, {
    headers: { authorization: `Bearer ${mintLocalToken(ACCOUNTING)}` },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** Clicks « Télécharger » in `scope` and reads back the bytes the offered link carries. */
async function downloaded(sidebar: FrameLocator, label: string): Promise<{ fileName: string; bytes: Buffer }> {
  await sidebar.getByRole("button", { name: `Télécharger ${label}` }).click();
  const link = sidebar.getByRole("link", { name: /^Enregistrer / }).first();
  await link.waitFor({ timeout: 20000 });
  const href = (await link.getAttribute("href"))!;
  const fileName = (await link.getAttribute("download"))!;
  expect(href).toMatch(/^data:[a-z]+\/[a-z]+;base64,/);
  return { fileName, bytes: Buffer.from(href.slice(href.indexOf(",") + 1), "base64") };
}

async function openRefund(actor: string): Promise<FrameLocator> {
  const sidebar = await actAs(page, actor);
  await sidebar.getByRole("tab", { name: "Suivi" }).click();
  await sidebar.locator("#follow-id").fill(refundNumber);
  await sidebar.locator("#follow-submit").click();
  await sidebar.getByRole("article", { name: `Demande ${refundNumber}` }).waitFor({ timeout: 20000 });
  return sidebar;
}

async function supportingCount(): Promise<number> {
  const res = await api.call("GET", `${base}/refunds/${refundId}/supporting-documents`, { as: ACCOUNTING });
  expect(res.status).toBe(200);
  return res.body.documents.length;
}

it("a requester adds a pièce justificative; an oversized file is refused before sending", async () => {
  const sidebar = await openRefund("requester");
  const input = sidebar.getByLabel("Ajouter une pièce justificative");
  const supporting = sidebar.getByRole("region", { name: "Pièces justificatives" });
  await supporting.filter({ hasText: "Aucune pièce justificative." }).waitFor({ timeout: 20000 });

  await input.setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(800_000, 0x25) });
  await sidebar.getByRole("button", { name: "Ajouter", exact: true }).click();
  await sidebar.getByRole("alert").filter({ hasText: "scan.pdf" }).waitFor({ timeout: 20000 });
  await expect(sidebar.getByRole("alert").filter({ hasText: "scan.pdf" }).textContent()).resolves.toContain(
    "700 Ko au plus",
  );
  expect(await supportingCount()).toBe(0);

  await input.setInputFiles({ name: "lettre-annulation.pdf", mimeType: "application/pdf", buffer: LETTER });
  await sidebar.getByRole("button", { name: "Ajouter", exact: true }).click();
  await sidebar.locator("#banner").filter({ hasText: "« lettre-annulation.pdf » ajoutée" }).waitFor({ timeout: 20000 });
  await supporting.getByRole("listitem", { name: "lettre-annulation.pdf" }).waitFor({ timeout: 20000 });
  expect(await supportingCount()).toBe(1);
}, 120_000);

it("the approver's card lists the pièce justificative and downloads it as added", async () => {
  const sidebar = await actAs(page, "accounting");
  await sidebar.getByRole("tab", { name: /À approuver/ }).click();
  const card = sidebar.getByRole("article").filter({ hasText: refundNumber });
  await card.getByRole("listitem", { name: "lettre-annulation.pdf" }).waitFor({ timeout: 20000 });
  const file = await downloaded(sidebar, "lettre-annulation.pdf");
  expect(file.fileName).toBe("lettre-annulation.pdf");
  expect(sha256(file.bytes)).toBe(sha256(LETTER));
  await page.locator("#sidebar").screenshot({ path: screenshotPath("approbation-pieces-justificatives") });
}, 120_000);

it("the approver's card offers « Aperçu du décompte »: the statement the customer will receive, as the api renders it, nothing issued", async () => {
  const sidebar = await actAs(page, "accounting");
  await sidebar.getByRole("tab", { name: /À approuver/ }).click();
  const card = sidebar.getByRole("article").filter({ hasText: refundNumber });
  const section = card.getByRole("region", { name: "Décompte du client" });
  await section.waitFor({ timeout: 20000 });
  await expect(section.textContent()).resolves.toContain("numéro de l'avoir est attribué à l'approbation finale");
  const before = await snapshotAll(fs.db);
  await section.getByRole("button", { name: `Aperçu du décompte de la demande ${refundNumber}` }).click();
  const link = section.getByRole("link", { name: `Enregistrer apercu-decompte-${refundNumber}.pdf` });
  await link.waitFor({ timeout: 20000 });
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^data:application\/pdf;base64,/);
  const bytes = Buffer.from(href.slice(href.indexOf(",") + 1), "base64");
  expect(await link.getAttribute("download")).toBe(`apercu-decompte-${refundNumber}.pdf`);
  expect(sha256(bytes)).toBe(sha256(await apiBytes(`refunds/${refundId}/statement-preview`)));
  // Looking is not issuing: no number, no document, no outbox entry.
  expect(await snapshotAll(fs.db)).toEqual(before);
  await card.screenshot({ path: screenshotPath("approbation-apercu-decompte") });
}, 120_000);

it("Suivi › Documents: the credit note downloads byte for byte, and « Renvoyer au client » mails it once more", async () => {
  api.setToday("2026-03-12");
  const approved = await api.call("POST", `${base}/refunds/${refundId}/approve`, { as: ACCOUNTING });
  expect([approved.status, approved.body.status]).toEqual([200, "approved"]);
  const creditNote = approved.body.creditNote as { id: string; number: string };
  const listed = await api.call("GET", `${base}/refunds/${refundId}/documents`, { as: ACCOUNTING });
  const issued = (listed.body.documents as { id: string; number: string; kindLabel: string }[]).find(
    (d) => d.id === creditNote.id,
  )!;
  expect(issued.kindLabel).toBe("Avoir");

  const sidebar = await openRefund("accounting");
  const documents = sidebar.getByRole("region", { name: "Documents" });
  const title = `Avoir ${creditNote.number}`;
  await documents.getByRole("listitem", { name: title }).waitFor({ timeout: 20000 });
  await documents.getByRole("listitem", { name: /^Facture d'acompte FA-2026-/ }).waitFor();

  const file = await downloaded(sidebar, title);
  const fromApi = await apiBytes(`documents/${creditNote.id}`);
  expect(file.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(sha256(file.bytes)).toBe(sha256(fromApi));
  expect(file.fileName).toMatch(new RegExp(`^${creditNote.number}.*\\.pdf$`));

  const outbox = () => fs.db.collection(OUTBOX).where("target", "==", creditNote.id).get();
  const before = (await outbox()).size;
  await documents.getByRole("button", { name: `Renvoyer ${title} au client` }).click();
  await sidebar
    .locator("#banner")
    .filter({ hasText: `${title} renvoyé à ${CUSTOMER_EMAIL}` })
    .waitFor({ timeout: 20000 });
  expect((await outbox()).size).toBe(before + 1);
  // The card reloads after the resend: the sends now say twice (at issue, and the resend).
  await documents
    .getByRole("listitem", { name: title })
    .filter({ hasText: "envoyé 2 fois" })
    .waitFor({ timeout: 20000 });
  await sidebar.getByRole("region", { name: "Pièces justificatives" }).getByRole("listitem").first().waitFor();
  await expect(sidebar.locator(".history").textContent()).resolves.toContain("Pièce justificative ajoutée par");
  await page.locator("#sidebar").screenshot({ path: screenshotPath("suivi-documents") });
}, 120_000);
