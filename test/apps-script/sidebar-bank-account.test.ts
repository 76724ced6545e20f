/**
 * *Suivi* › « IBAN du remboursement » in headless Chromium against the real
 * `api` on the Firestore emulator (issue #15, the IBAN change guard): an
 * accounting approver changes the IBAN of an approved refund, the card says
 * its transfers are held and offers them no confirmation; a second
 * accounting approver confirms it, and the hold is gone. A requester sees
 * no control at all.
 */
import type { FrameLocator, Page } from "playwright-core";
import type { TestApi } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, refundBody } from "../workflow/fixtures";
import { CONSUMER_IBAN, HOTEL_IBAN } from "../workflow/bank-support";
import { screenshotPath } from "./chromium";
import { actAs } from "./preview-page";
import { sidebarStack } from "./support/sidebar-stack";

const SECOND = "paul@acme.fr";
const base = `/v1/companies/${C}`;

let refundId: string;
let refundNumber: string;
const stack = sidebarStack({
  prefix: "addon-bank-account",
  users: { [REQUESTER]: ["requester"], [ACCOUNTING]: ["accounting_approver"], [SECOND]: ["accounting_approver"] },
  settings: { approvalThreshold: "100000.00" },
  actors: [
    { key: "requester", label: "Demandeur", email: REQUESTER },
    { key: "accounting", label: "Approbateur comptable", email: ACCOUNTING },
    { key: "second", label: "Second approbateur comptable", email: SECOND },
  ],
  spreadsheetId: "sheet-bank-account",
  seed: async (api) => {
    api.setToday("2026-01-15");
    const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
    expect([dep.status, dep.body.error?.message]).toEqual([201, undefined]);
    api.setToday("2026-03-10");
    const req = await api.call("POST", `${base}/refunds`, {
      as: REQUESTER,
      body: { ...refundBody(dep.body.id, { kind: "single", date: "2026-04-30" }), iban: HOTEL_IBAN },
    });
    expect([req.status, req.body.error?.message]).toEqual([201, undefined]);
    refundId = req.body.id;
    refundNumber = req.body.number;
    expect((await api.call("POST", `${base}/refunds/${refundId}/approve`, { as: ACCOUNTING })).status).toBe(200);
    api.setToday("2026-03-20");
  },
});
let api: TestApi;
let page: Page;
beforeAll(() => ({ api, page } = stack));

async function openRefund(actor: string): Promise<FrameLocator> {
  const sidebar = await actAs(page, actor);
  await sidebar.getByRole("tab", { name: "Suivi" }).click();
  await sidebar.locator("#follow-id").fill(refundNumber);
  await sidebar.locator("#follow-submit").click();
  await sidebar.getByRole("article", { name: `Demande ${refundNumber}` }).waitFor({ timeout: 20000 });
  return sidebar;
}

it("offers no IBAN control to a requester", async () => {
  const sidebar = await openRefund("requester");
  await expect(sidebar.getByRole("region", { name: "IBAN du remboursement" }).count()).resolves.toBe(0);
});

it("holds the transfers after a change, and only another approver confirms it", async () => {
  let sidebar = await openRefund("accounting");
  const section = () => sidebar.getByRole("region", { name: "IBAN du remboursement" });
  await expect(section().textContent()).resolves.toContain("Compte actuel : FR14 **** ");

  // A wrong key is refused under the field's label, and nothing changes.
  await sidebar.getByLabel("Nouvel IBAN du client").fill("FR76 3000 4000 0312 3456 7890 144");
  await section().getByRole("button", { name: "Changer l'IBAN" }).click();
  await sidebar.locator("#banner").filter({ hasText: "IBAN" }).waitFor({ timeout: 20000 });
  const refused = await api.call("GET", `${base}/refunds/${refundId}`, { as: ACCOUNTING });
  expect(refused.body.bankAccountChangePending).toBeUndefined();

  await sidebar.getByLabel("Nouvel IBAN du client").fill(CONSUMER_IBAN);
  await section().getByRole("button", { name: "Changer l'IBAN" }).click();
  await section()
    .filter({ hasText: "IBAN changé le 20/03/2026 par " + ACCOUNTING })
    .waitFor({ timeout: 20000 });
  await expect(section().textContent()).resolves.toContain("virements retenus jusqu'à sa confirmation");
  // The person who changed it cannot confirm it.
  await expect(section().getByRole("button", { name: "Confirmer le changement d'IBAN" }).count()).resolves.toBe(0);
  await page.locator("#sidebar").screenshot({ path: screenshotPath("suivi-iban-change") });

  sidebar = await openRefund("second");
  await section().getByRole("button", { name: "Confirmer le changement d'IBAN" }).click();
  await sidebar.locator("#banner").filter({ hasText: "confirmé" }).waitFor({ timeout: 20000 });
  const after = await api.call("GET", `${base}/refunds/${refundId}`, { as: ACCOUNTING });
  expect(after.body.bankAccountChangePending).toBeUndefined();
  expect(after.body.bankAccount.iban).toMatch(/^DE89 /);
  const events: { type: string; by?: string }[] = after.body.history;
  expect(events.map((e) => [e.type, e.by]).filter(([t]) => String(t).includes("bank_account"))).toEqual([
    [expect.stringContaining("bank_account"), ACCOUNTING],
    [expect.stringContaining("bank_account"), SECOND],
  ]);
}, 120_000);
