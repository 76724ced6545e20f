/**
 * The local preview: the sidebar page carries the google.script.run bridge,
 * and a bridged call runs the add-on's server function in a worker whose
 * UrlFetchApp makes a real HTTP request to the (here: fake) local api.
 */
import { startAddonPreview, type AddonPreview } from "../../functions/testing/addon-preview";
import { startFakeApi, route, type FakeApi } from "./fake-api";

const actors = [
  { key: "requester", label: "Demandeur", email: "alice@acme.fr" },
  { key: "sales", label: "Approbateur commercial", email: "bob@acme.fr" },
];
const sheet = [
  ["Identifiant", "Facture d'acompte", "Client"],
  ["dep_1", "FA-2026-000042", "Durand SARL"],
];

let api: FakeApi;
let preview: AddonPreview;

beforeAll(async () => {
  api = await startFakeApi([
    route("GET", "/me", (r) => ({
      status: 200,
      body: { email: String(r.headers.authorization).slice(7 + 6), roles: ["requester"] },
    })),
    route("GET", "/deposits/dep_1", () => ({ status: 200, body: { id: "dep_1", number: "FA-2026-000042" } })),
    route("POST", "/refunds", () => ({ status: 201, body: { id: "ref_1", status: "submitted" } })),
  ]);
  preview = await startAddonPreview({
    apiUrl: api.url,
    companyId: "acme",
    actors,
    mintToken: (email) => `token-${email}`,
    spreadsheetId: "sheet-1",
    readSheet: async () => sheet,
    sheetsViewUrl: "http://127.0.0.1:9/view/sheet-1",
  });
});

afterAll(async () => {
  await preview?.stop();
  await api?.stop();
});

async function rpc(fn: string, as: string, args: unknown[] = []) {
  const response = await fetch(`${preview.url}rpc/${fn}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ as, args }),
  });
  return (await response.json()) as { ok: boolean; result: unknown; error?: string };
}

it("serves the page with the actors, the sheet view and the sidebar with its bridge", async () => {
  const page = await (await fetch(preview.url)).text();
  expect(page).toContain("bob@acme.fr");
  expect(page).toContain('src="http://127.0.0.1:9/view/sheet-1"');
  const sidebar = await (await fetch(`${preview.url}sidebar?as=sales`)).text();
  expect(sidebar.indexOf("window.google")).toBeGreaterThan(-1);
  expect(sidebar.indexOf("window.google")).toBeLessThan(sidebar.indexOf("Demander un remboursement"));
});

it("runs a bridged call through real HTTP with the acting user's token", async () => {
  const before = api.requests.length;
  const key = "k0123456789abcdef0123456789abcd";
  const proposal = {
    depositId: "dep_1",
    scope: { kind: "full" },
    reason: "seller_cancels",
    schedule: { kind: "single", date: "2026-03-10" },
  };
  const answer = await rpc("requestRefund", "sales", [proposal, key]);
  expect(answer).toMatchObject({ ok: true, result: { ok: true, data: { id: "ref_1", status: "submitted" } } });
  const [request] = api.requests.slice(before);
  expect(request.method).toBe("POST");
  expect(request.path).toBe("/v1/companies/acme/refunds");
  expect(request.headers.authorization).toBe("Bearer token-bob@acme.fr");
  expect(request.headers["idempotency-key"]).toBe(key);
  expect(request.body).toEqual(proposal);
});

it("uses the row picked in the page as the sheet selection", async () => {
  const none = await rpc("getSelectedDeposit", "requester");
  expect(none).toMatchObject({ ok: true, result: { ok: true, data: { deposit: null } } });
  const rows = (await (await fetch(`${preview.url}api/rows`)).json()) as { rows: { row: number; label: string }[] };
  expect(rows.rows).toEqual([{ row: 2, label: "2 — FA-2026-000042 · Durand SARL" }]);
  await fetch(`${preview.url}api/selection`, { method: "POST", body: JSON.stringify({ row: 2 }) });
  const picked = await rpc("getSelectedDeposit", "requester");
  expect(picked).toMatchObject({ ok: true, result: { ok: true, data: { row: 2, deposit: { id: "dep_1" } } } });
});

it("selects rows of the sheets the menu acts on, and of no other sheet", async () => {
  const select = (body: object) => fetch(`${preview.url}api/selection`, { method: "POST", body: JSON.stringify(body) });
  expect(await (await select({ sheet: "Factures", row: 2 })).json()).toEqual({
    sheet: "Factures",
    row: 2,
    selected: 2,
  });
  const factures = await (await fetch(`${preview.url}api/rows?sheet=Factures`)).json();
  expect(factures).toMatchObject({ sheet: "Factures", selected: 2 });
  // The page opens on the selection's sheet; another sheet's rows show no selection.
  expect(await (await fetch(`${preview.url}api/rows`)).json()).toMatchObject({ sheet: "Factures", selected: 2 });
  expect(await (await fetch(`${preview.url}api/rows?sheet=Acomptes`)).json()).toMatchObject({ selected: null });
  for (const sheet of ["Avoirs", "constructor", 3]) expect((await select({ sheet, row: 2 })).status).toBe(400);
  expect((await fetch(`${preview.url}api/rows?sheet=toString`)).status).toBe(404);
  await select({ row: null });
});

it("refuses names that are not entry points of the add-on", async () => {
  const response = await fetch(`${preview.url}rpc/loadAddon`, { method: "POST", body: "{}" });
  expect(response.status).toBe(404);
});

describe("npm start service", () => {
  it("starts the preview for a demo company with one actor per user, and stops", async () => {
    const { addonPreviewService, demoActors } = await import("../../functions/dev/services/addon-preview");
    const { MENUISERIE } = await import("../../functions/dev/demo-data/companies");
    expect(demoActors(MENUISERIE)).toContainEqual({
      key: "sam",
      label: "approbateur commercial",
      email: "sam@menuiserie.test",
    });
    const running = await addonPreviewService(MENUISERIE).start({ projectId: "demo-x", apiUrl: api.url });
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(running.lines[0])?.[0];
    expect(url).toBeDefined();
    const page = await (await fetch(url!)).text();
    expect(page).toContain("rachel@menuiserie.test");
    expect(running.lines[1]).toMatch(/no spreadsheet bound/);
    await running.stop();
    await expect(fetch(url!)).rejects.toThrow();
  });
});
