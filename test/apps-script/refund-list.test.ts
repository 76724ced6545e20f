/**
 * *Suivi*'s refunds list in headless Chromium, against the real `api` on
 * the Firestore emulator (issue #12, points 2 and 3): a requester sees
 * « Mes demandes » first, switches to « Approuvées, non payées » and « En
 * retard », reads what is left to pay in French money, finds a request by
 * its deposit invoice's number, its credit note's, its own or its
 * customer's name, and pages with « Demandes suivantes ». Requests are
 * named by their number (RB-2026-…), never by a Firestore id.
 */
import type { FrameLocator, Page } from "playwright-core";
import type { TestApi } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER } from "../workflow/fixtures";
import { screenshotPath } from "./chromium";
import { actAs } from "./preview-page";
import { sidebarStack } from "./support/sidebar-stack";

const OTHER = "remi@acme.fr";
const base = `/v1/companies/${C}`;
const NNBSP = "\u202f";
const NBSP = "\u00a0";
const euros = (amount: string) => `${amount}${NBSP}€`;

let api: TestApi;
let page: Page;
let sidebar: FrameLocator;
const ids: Record<string, string> = {};

async function depositAndRequest(customer: string, as: string, date: string): Promise<string> {
  api.setToday("2026-01-15");
  const dep = await api.call("POST", `${base}/deposits`, {
    as: ACCOUNTING,
    body: { ...DEPOSIT_BODY, customer: { ...DEPOSIT_BODY.customer, name: customer }, orderRef: `CMD-${customer}` },
  });
  expect([dep.status, dep.body.error?.message]).toEqual([201, undefined]);
  api.setToday("2026-03-10");
  const req = await api.call("POST", `${base}/refunds`, {
    as,
    body: {
      depositId: dep.body.id,
      scope: { kind: "full" },
      reason: "seller_cancels",
      schedule: { kind: "single", date },
    },
  });
  expect(req.status).toBe(201);
  return req.body.id;
}

// One approval (accounting) below 100,000.00.
const stack = sidebarStack({
  prefix: "addon-list",
  users: { [REQUESTER]: ["requester"], [OTHER]: ["requester"], [ACCOUNTING]: ["accounting_approver"] },
  settings: { approvalThreshold: "100000.00" },
  actors: [
    { key: "requester", label: "Demandeur", email: REQUESTER },
    { key: "accounting", label: "Approbateur comptable", email: ACCOUNTING },
  ],
  spreadsheetId: "sheet-list",
  seed: async (seeded) => {
    api = seeded;
    // RB-2026-000001…3: Rachel's; 000004: Rémi's; then 24 more of Rachel's so « Toutes » has two pages.
    ids.late = await depositAndRequest("Boulangerie Dupont", REQUESTER, "2026-03-20");
    ids.due = await depositAndRequest("Hôtel Émeraude", REQUESTER, "2026-04-30");
    ids.waiting = await depositAndRequest("Garage Martin", REQUESTER, "2026-04-30");
    ids.theirs = await depositAndRequest("Dupont Frères", OTHER, "2026-04-30");
    const cancelled: string[] = [];
    for (let i = 0; i < 24; i++) cancelled.push(await depositAndRequest(`Client ${i}`, OTHER, "2026-04-30"));
    // Approvals (credit notes, entries dated 10/03) come after every deposit (dated 15/01): numbering is chronological.
    for (const id of [ids.late, ids.due, ids.theirs])
      expect((await api.call("POST", `${base}/refunds/${id}/approve`, { as: ACCOUNTING })).status).toBe(200);
    for (const id of cancelled)
      expect((await api.call("POST", `${base}/refunds/${id}/cancel`, { as: OTHER })).status).toBe(200);
    api.setToday("2026-03-25");
  },
});

beforeAll(async () => {
  page = stack.page;
  sidebar = await actAs(page, "requester");
  await sidebar.getByRole("tab", { name: "Suivi" }).click();
}, 60_000);

const list = () => sidebar.locator("#refund-list");
const numbers = async () => list().locator("li button.number").allTextContents();
const shot = (name: string) => page.locator("#sidebar").screenshot({ path: screenshotPath(name) });

/** Waits until the list shows `text` and is no longer loading. */
async function listShows(text: string): Promise<void> {
  await list().filter({ hasText: text }).waitFor({ timeout: 20000 });
  await sidebar.locator('#refund-list[aria-busy="false"]').waitFor();
}

it("opens on « Mes demandes » with what is left to pay, and filters approved-unpaid and late ones", async () => {
  await listShows("3 demandes en cours");
  await expect(sidebar.getByLabel("Demandes").inputValue()).resolves.toBe("mine");
  // 3 × 4 320,00 € left to pay: two approved and unpaid, one awaiting approval.
  await expect(list().locator(".list-total").textContent()).resolves.toBe(
    `3 demandes en cours · reste à payer ${euros(`12${NNBSP}960,00`)}`,
  );
  expect(await numbers()).toEqual(["RB-2026-000003", "RB-2026-000002", "RB-2026-000001"]);
  const late = list().locator("li.late");
  await expect(late.count()).resolves.toBe(1);
  await expect(late.textContent()).resolves.toContain("Boulangerie Dupont");
  await expect(late.textContent()).resolves.toContain("échéance du 20/03/2026");
  await expect(late.textContent()).resolves.toContain(
    "FA-2026-000001 · AV-2026-000001 · commande CMD-Boulangerie Dupont · échéance du 20/03/2026",
  );
  await shot("liste-mes-demandes");

  await sidebar.getByLabel("Demandes").selectOption("approved_unpaid");
  await listShows("3 demandes en cours");
  expect(await numbers()).toEqual(["RB-2026-000004", "RB-2026-000002", "RB-2026-000001"]);

  await sidebar.getByLabel("Demandes").selectOption("late");
  await listShows("1 demande en cours");
  expect(await numbers()).toEqual(["RB-2026-000001"]);
  await expect(list().locator(".list-total").textContent()).resolves.toBe(
    `1 demande en cours · reste à payer ${euros(`4${NNBSP}320,00`)}`,
  );
  await shot("liste-en-retard");
});

it("pages « Toutes les demandes » with « Demandes suivantes »", async () => {
  await sidebar.getByLabel("Demandes").selectOption("all");
  await listShows("RB-2026-000028");
  expect(await numbers()).toHaveLength(25);
  await list().getByRole("button", { name: "Demandes suivantes" }).click();
  await listShows("RB-2026-000001");
  const all = await numbers();
  expect(all).toHaveLength(28);
  expect(all.slice(-3)).toEqual(["RB-2026-000003", "RB-2026-000002", "RB-2026-000001"]);
  await expect(list().getByRole("button", { name: "Demandes suivantes" }).count()).resolves.toBe(0);
});

it("finds a request by deposit invoice, credit note, request number or customer; no Firestore id is shown", async () => {
  const search = async (text: string) => {
    await sidebar.getByLabel(/N° de demande/).fill(text);
    await sidebar.getByRole("button", { name: "Afficher" }).click();
  };
  const detail = sidebar.locator("#follow-detail");

  await search("FA-2026-000002");
  await detail.filter({ hasText: "Demande RB-2026-000002" }).waitFor({ timeout: 20000 });
  await expect(detail.textContent()).resolves.toContain("AV-2026-000002");
  await expect(sidebar.getByLabel(/N° de demande/).inputValue()).resolves.toBe("RB-2026-000002");

  await search("AV-2026-000001");
  await detail.filter({ hasText: "Demande RB-2026-000001" }).waitFor({ timeout: 20000 });

  await search("rb-2026-000003");
  await detail.filter({ hasText: "Demande RB-2026-000003" }).waitFor({ timeout: 20000 });
  await shot("liste-trouvee-par-numero");

  // Two customers named Dupont: the list shows both (under « Toutes »), one click opens each.
  await search("dupont");
  await listShows("pour « dupont »");
  expect(await numbers()).toEqual(["RB-2026-000004", "RB-2026-000001"]);
  await expect(detail.textContent()).resolves.toBe("");
  await list().getByRole("button", { name: "RB-2026-000004" }).click();
  await detail.filter({ hasText: "Demande RB-2026-000004" }).waitFor({ timeout: 20000 });
  await shot("liste-recherche-client");

  const text = await sidebar.locator("#panel-follow").textContent();
  for (const id of Object.values(ids)) expect(text).not.toContain(id);
});
