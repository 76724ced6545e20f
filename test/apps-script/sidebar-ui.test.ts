/**
 * The sidebar in real headless Chromium, through the local preview, against a
 * scripted api: prefill from the selected row, live preview, one request for
 * a double click, approval, rejection reason required, keyboard tabs.
 * (The same path against the real functions and Sheets server is the
 * end-to-end test.)
 */
import type { Browser, FrameLocator } from "playwright-core";
import { startAddonPreview, type AddonPreview } from "../../functions/testing/addon-preview";
import { launchChromium, screenshotPath } from "./chromium";
import { actAs, openPreview, selectDepositRow } from "./preview-page";
import { route, startFakeApi, type FakeApi, type RecordedRequest } from "./fake-api";

const USERS: Record<string, { email: string; roles: string[] }> = {
  "token-alice@acme.fr": { email: "alice@acme.fr", roles: ["requester"] },
  "token-bob@acme.fr": { email: "bob@acme.fr", roles: ["sales_approver"] },
};
const lines = [{ vatRate: "20", net: "3600.00", vat: "720.00", gross: "4320.00" }];
const quote = {
  creditNote: { lines, total: { net: "3600.00", vat: "720.00", gross: "4320.00" } },
  settlement: { paidOut: "4320.00", offset: [], keptAsCredit: "0.00" },
  schedule: [{ n: 1, dueDate: "2026-03-10", amount: "4320.00" }],
};

let api: FakeApi;
let preview: AddonPreview;
let browser: Browser;
/** Refund requests by idempotency key, as the functions would store them. */
const created = new Map<string, { id: string; number: string; status: string }>();
/** The request's number people read (its id is technical): RB-2026-000007 for ref_7. */
const requestNumber = (n: number) => `RB-2026-${String(n).padStart(6, "0")}`;
const cancelled = new Set<string>();

function caller(r: RecordedRequest) {
  return USERS[String(r.headers.authorization ?? "").replace(/^Bearer /, "")];
}

beforeAll(async () => {
  api = await startFakeApi([
    (r) =>
      caller(r) ? undefined : { status: 401, body: { error: { code: "UNAUTHENTICATED", message: "Jeton absent." } } },
    route("GET", "/me", (r) => ({ status: 200, body: caller(r) })),
    route("GET", "/deposits/dep_1", () => ({
      status: 200,
      body: {
        id: "dep_1",
        number: "FA-2026-000042",
        customer: { name: "Durand SARL" },
        orderRef: "CMD-7",
        lines,
        total: { net: "3600.00", vat: "720.00", gross: "4320.00" },
        refundableBalance: "4320.00",
        refunds: [...created.values()],
      },
    })),
    route("POST", "/refunds/quote", (r) =>
      JSON.stringify(r.body).includes('"amount":"99999.00"')
        ? {
            status: 422,
            body: {
              error: { code: "REFUND_EXCEEDS_BALANCE", message: "Le montant dépasse le solde remboursable." },
            },
          }
        : { status: 200, body: quote },
    ),
    route("POST", "/refunds", (r) => {
      const key = String(r.headers["idempotency-key"]);
      const n = created.size + 1;
      if (!created.has(key)) created.set(key, { id: `ref_${n}`, number: requestNumber(n), status: "submitted" });
      return { status: 201, body: created.get(key) };
    }),
    route("GET", "/approvals/pending", () => ({
      status: 200,
      body: [...created.values()]
        .filter((c) => c.status === "submitted")
        .map((c) => ({
          id: c.id,
          depositNumber: "FA-2026-000042",
          customerName: "Durand SARL",
          total: "4320.00",
          vat: "720.00",
          reason: "seller_cancels",
          requestedBy: "alice@acme.fr",
          createdAt: "2026-03-10T09:00:00Z",
          awaiting: ["sales_approver"],
        })),
    })),
    route("POST", /^\/refunds\/ref_\d+\/approve$/, (r) => {
      const refund = [...created.values()].find((c) => r.path.includes(`/${c.id}/`));
      if (refund) refund.status = "approved";
      return { status: 200, body: { ...refund, creditNote: { number: "AV-2026-000001", date: "2026-03-10" } } };
    }),
    route("GET", "/refunds/ref_90", () => ({
      status: 200,
      body: {
        id: "ref_90",
        number: requestNumber(90),
        depositId: "dep_1",
        status: "approved",
        reason: "non_delivery",
        requestedBy: "alice@acme.fr",
        quote,
        schedule: [
          { n: 1, dueDate: "2026-03-25", amount: "4752.00", status: "paid", paidAt: "2026-04-20" },
          { n: 2, dueDate: "2026-04-20", amount: "1731.95", status: "due", paidAt: null, supplementFor: 1 },
        ],
        supplements: [
          {
            kind: "late_refund_increase",
            label: "Complément (remboursement versé le 20/04/2026) : Majoration de 50 % pour remboursement tardif",
            legalBasis: "Code de la consommation L216-7, L241-4",
            amount: "1728.00",
          },
          {
            kind: "advance_interest",
            label: "Complément (remboursement versé le 20/04/2026) : Intérêts au taux légal sur l'avance",
            legalBasis: "Code de la consommation L214-2",
            amount: "3.95",
          },
        ],
        totalOwed: "6483.95",
        history: [],
      },
    })),
    route("GET", /^\/refunds\/ref_\d+$/, (r) => ({
      status: 200,
      body: {
        id: r.path.split("/").pop(),
        number: requestNumber(Number(r.path.split("_").pop())),
        depositId: "dep_1",
        status: cancelled.has(r.path.split("/").pop() ?? "") ? "cancelled" : "submitted",
        reason: "seller_cancels",
        requestedBy: "alice@acme.fr",
        quote,
        history: [{ at: "2026-03-10T09:00:00Z", by: "alice@acme.fr", type: "refund.requested" }],
      },
    })),
    // #13: the request's files (none here), read by Suivi and the approvers' card.
    route("GET", /^\/refunds\/ref_\d+\/(documents|supporting-documents)$/, () => ({
      status: 200,
      body: { documents: [] },
    })),
    route("POST", /^\/refunds\/ref_\d+\/cancel$/, (r) => {
      cancelled.add(r.path.split("/").slice(-2)[0]);
      return { status: 200, body: { id: r.path.split("/").slice(-2)[0], status: "cancelled" } };
    }),
  ]);
  preview = await startAddonPreview({
    apiUrl: api.url,
    companyId: "acme",
    actors: [
      { key: "requester", label: "Demandeur", email: "alice@acme.fr" },
      { key: "sales", label: "Approbateur commercial", email: "bob@acme.fr" },
    ],
    mintToken: (email) => `token-${email}`,
    spreadsheetId: "sheet-1",
    readSheet: async () => [
      ["Identifiant", "Facture d'acompte", "Client"],
      ["dep_1", "FA-2026-000042", "Durand SARL"],
    ],
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  await api?.stop();
});

it("requests a refund once for a double click, then the approver approves it", async () => {
  const page = await openPreview(browser, preview.url);
  await selectDepositRow(page, "FA-2026-000042");
  let sidebar = await actAs(page, "requester");

  await sidebar.getByRole("button", { name: "Utiliser la ligne sélectionnée" }).click();
  await sidebar.locator("#deposit").filter({ hasText: "FA-2026-000042" }).waitFor();
  await page.locator("#sidebar").screenshot({ path: screenshotPath("1-demande-prefill") });

  await sidebar.getByLabel("Motif").selectOption("seller_cancels");
  await sidebar.locator("#preview table").first().waitFor();
  await expectText(sidebar.locator("#preview"), "4\u202f320,00\u00a0€");
  const submit = sidebar.getByRole("button", { name: "Demander le remboursement" });
  await expect(submit.isEnabled()).resolves.toBe(true);
  await page.locator("#sidebar").screenshot({ path: screenshotPath("2-demande-apercu") });

  await submit.dblclick();
  await sidebar.locator("#banner.success").waitFor();
  await sidebar.locator("#follow-detail article").waitFor();
  expect(api.requests.filter((r) => r.method === "POST" && r.path.endsWith("/refunds"))).toHaveLength(1);
  expect(created.size).toBe(1);
  await page.locator("#sidebar").screenshot({ path: screenshotPath("3-suivi-apres-demande") });

  sidebar = await actAs(page, "sales");
  await sidebar.getByRole("tab", { name: /À approuver/ }).click();
  const card = sidebar.locator("#approvals article").first();
  await card.waitFor();
  await expectText(card, "Durand SARL");
  await page.locator("#sidebar").screenshot({ path: screenshotPath("4-a-approuver") });

  // A rejection needs a reason: nothing is sent without one.
  const before = api.requests.length;
  await card.getByRole("button", { name: "Rejeter" }).click();
  await card.getByRole("button", { name: "Confirmer le rejet" }).click();
  await expectText(card.locator(".field-error"), "Indiquez le motif du rejet.");
  expect(api.requests.length).toBe(before);
  await page.locator("#sidebar").screenshot({ path: screenshotPath("5-rejet-motif-requis") });
  await card.getByRole("button", { name: "Annuler" }).click();

  await card.getByRole("button", { name: "Approuver" }).click();
  await sidebar.locator("#banner.success").filter({ hasText: "AV-2026-000001" }).waitFor();
  await sidebar.locator("#approvals").filter({ hasText: "Aucune demande" }).waitFor();
  await page.locator("#sidebar").screenshot({ path: screenshotPath("6-apres-approbation") });
  await page.close();
});

it("sends what the form says: an amount typed the French way, equal instalments, then chosen dates", async () => {
  const page = await openPreview(browser, preview.url);
  await selectDepositRow(page, "FA-2026-000042");
  const sidebar = await actAs(page, "requester");
  await sidebar.locator("#deposit").filter({ hasText: "FA-2026-000042" }).waitFor();
  // Only this test's quotes count (the api's log is shared), and a loaded
  // machine may take seconds to send them.
  const firstRequest = api.requests.length;
  const lastQuote = () =>
    api.requests
      .slice(firstRequest)
      .filter((r) => r.path.endsWith("/refunds/quote"))
      .pop()?.body as Record<string, unknown> | undefined;
  const quotedWith = async (check: (body: Record<string, unknown>) => boolean) => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !(lastQuote() && check(lastQuote() as Record<string, unknown>)))
      await page.waitForTimeout(50);
    return lastQuote();
  };

  await sidebar.getByLabel("Motif").selectOption("commercial_gesture");
  await sidebar.getByLabel("Un montant TTC").check();
  await sidebar.getByLabel("Montant TTC (€)").fill("1 000,5");
  await sidebar.getByLabel("Échéances égales").check();
  await sidebar.getByLabel("Nombre").fill("4");
  await sidebar.getByLabel("Première échéance").fill("2026-04-01");
  const equal = await quotedWith(
    (b) => (b.schedule as { kind: string }).kind === "equal" && (b.schedule as { count: number }).count === 4,
  );
  expect(equal).toEqual({
    depositId: "dep_1",
    scope: { kind: "amount", amount: "1000.50" },
    reason: "commercial_gesture",
    schedule: { kind: "equal", count: 4, intervalMonths: 1, firstDate: "2026-04-01" },
  });

  // A wrong amount is explained beside the field and not quoted.
  await sidebar.getByLabel("Montant TTC (€)").fill("12,345");
  await expectText(sidebar.locator("#scope-amount-error"), "au plus deux décimales");
  await expect(sidebar.getByLabel("Montant TTC (€)").getAttribute("aria-invalid")).resolves.toBe("true");
  await expect(sidebar.getByRole("button", { name: "Demander le remboursement" }).isDisabled()).resolves.toBe(true);
  await page.locator("#sidebar").screenshot({ path: screenshotPath("7-demande-montant-invalide") });

  await sidebar.getByLabel("Totalité du solde").check();
  await sidebar.getByLabel("Dates et montants choisis").check();
  await sidebar.getByLabel("Date 1", { exact: true }).fill("2026-04-01");
  await sidebar.getByLabel("Montant 1 (€)").fill("2 000");
  await sidebar.getByRole("button", { name: "Ajouter une échéance" }).click();
  await sidebar.getByLabel("Date 2", { exact: true }).fill("2026-05-01");
  await sidebar.getByLabel("Montant 2 (€)").fill("2320");
  const dates = await quotedWith(
    (b) => (b.schedule as { kind: string }).kind === "dates" && JSON.stringify(b).includes("2320.00"),
  );
  expect(dates?.schedule).toEqual({
    kind: "dates",
    instalments: [
      { dueDate: "2026-04-01", amount: "2000.00" },
      { dueDate: "2026-05-01", amount: "2320.00" },
    ],
  });
  expect(dates?.scope).toEqual({ kind: "full" });
  await page.close();
});

describe("one real click right after typing (issue #12): the field's change on mousedown never swallows it", () => {
  const refundPosts = () => api.requests.filter((r) => r.method === "POST" && r.path.endsWith("/refunds"));

  async function readyForm(page: Awaited<ReturnType<typeof openPreview>>) {
    await selectDepositRow(page, "FA-2026-000042");
    const sidebar = await actAs(page, "requester");
    await sidebar.locator("#deposit").filter({ hasText: "FA-2026-000042" }).waitFor();
    await sidebar.getByLabel("Motif").selectOption("seller_cancels");
    await sidebar.locator("#preview table").first().waitFor();
    return sidebar;
  }

  it("after typing a comment", async () => {
    const page = await openPreview(browser, preview.url);
    const sidebar = await readyForm(page);
    const before = refundPosts().length;
    await sidebar.getByLabel("Commentaire").pressSequentially("Commande annulée par le client");
    // A real click: mousedown blurs the comment (its change fires) before the click lands.
    await sidebar.getByRole("button", { name: "Demander le remboursement" }).click();
    await sidebar.locator("#banner.success").waitFor({ timeout: 5000 });
    await page.locator("#sidebar").screenshot({ path: screenshotPath("9-clic-apres-commentaire") });
    const posts = refundPosts().slice(before);
    expect(posts).toHaveLength(1);
    expect((posts[0].body as { comment?: string }).comment).toBe("Commande annulée par le client");
    await page.close();
  });

  it("after typing an amount, while its quote is still on its way", async () => {
    const page = await openPreview(browser, preview.url);
    const sidebar = await readyForm(page);
    const before = refundPosts().length;
    await sidebar.getByLabel("Un montant TTC").check();
    await sidebar.getByLabel("Montant TTC (€)").pressSequentially("1 000,50");
    await sidebar.getByRole("button", { name: "Demander le remboursement" }).click();
    await sidebar.locator("#banner.success").waitFor({ timeout: 5000 });
    await page.locator("#sidebar").screenshot({ path: screenshotPath("10-clic-apres-montant") });
    const posts = refundPosts().slice(before);
    expect(posts).toHaveLength(1);
    expect((posts[0].body as { scope: unknown }).scope).toEqual({ kind: "amount", amount: "1000.50" });
    // The request went out for the amount the new quote priced, after it.
    const lastQuote = api.requests.filter((r) => r.path.endsWith("/refunds/quote")).pop();
    expect((lastQuote?.body as { scope: unknown }).scope).toEqual({ kind: "amount", amount: "1000.50" });
    expect(api.requests.indexOf(lastQuote!)).toBeLessThan(api.requests.indexOf(posts[0]));
    await page.close();
  });

  it("shows the refusal and sends nothing when the new quote refuses the amount", async () => {
    const page = await openPreview(browser, preview.url);
    const sidebar = await readyForm(page);
    const before = refundPosts().length;
    await sidebar.getByLabel("Un montant TTC").check();
    await sidebar.getByLabel("Montant TTC (€)").pressSequentially("99 999");
    await sidebar.getByRole("button", { name: "Demander le remboursement" }).click();
    await expectText(sidebar.locator("#preview"), "Le montant dépasse le solde remboursable.");
    await page.waitForTimeout(500);
    expect(refundPosts().slice(before)).toHaveLength(0);
    await expect(sidebar.locator("#banner.success").count()).resolves.toBe(0);
    await page.locator("#sidebar").screenshot({ path: screenshotPath("11-clic-devis-refuse") });
    await page.close();
  });
});

it("lets the requester cancel a request after confirming, and says so", async () => {
  const page = await openPreview(browser, preview.url);
  const sidebar = await actAs(page, "requester");
  await sidebar.getByRole("tab", { name: "Suivi" }).click();
  await sidebar.getByLabel("N° de demande").fill("ref_7");
  await sidebar.getByRole("button", { name: "Afficher" }).click();
  const detail = sidebar.locator("#follow-detail");
  await detail.getByRole("button", { name: "Annuler la demande" }).click();
  await expect(
    detail.getByRole("button", { name: "Confirmer l'annulation" }).evaluate((b) => b === document.activeElement),
  ).resolves.toBe(true);
  const before = api.requests.length;
  await detail.getByRole("button", { name: "Confirmer l'annulation" }).click();
  await sidebar.locator("#banner.success").filter({ hasText: "Demande RB-2026-000007 annulée." }).waitFor();
  await detail.filter({ hasText: "Annulée" }).waitFor();
  const cancels = api.requests.slice(before).filter((r) => r.method === "POST");
  expect(cancels.map((r) => r.path)).toEqual(["/v1/companies/acme/refunds/ref_7/cancel"]);
  expect(String(cancels[0].headers["idempotency-key"])).toMatch(/^[0-9a-f]{32}$/);
  await expect(detail.getByRole("button", { name: "Annuler la demande" }).count()).resolves.toBe(0);
  await page.locator("#sidebar").screenshot({ path: screenshotPath("8-suivi-annulee") });
  await page.close();
});

it("shows on a request what late payments added, with their legal basis, and the total owed", async () => {
  const page = await openPreview(browser, preview.url);
  const sidebar = await actAs(page, "requester");
  await sidebar.getByRole("tab", { name: "Suivi" }).click();
  await sidebar.getByLabel("N° de demande").fill("ref_90");
  await sidebar.getByRole("button", { name: "Afficher" }).click();
  const table = sidebar.locator("#follow-detail table").filter({ hasText: "Compléments dus pour paiement tardif" });
  await table.waitFor({ timeout: 10000 });
  const text = (await table.textContent()) ?? "";
  expect(text).toContain("Majoration de 50 % pour remboursement tardif");
  expect(text).toContain("Code de la consommation L216-7, L241-4");
  expect(text).toContain("Code de la consommation L214-2");
  expect(text).toMatch(/1\s728,00\s€/u);
  expect(text).toMatch(/Code de la consommation L214-2\s*3,95\s€/u);
  expect(text).toMatch(/Total dû au client\s*6\s483,95\s€/u);
  await page.locator("#sidebar").screenshot({ path: screenshotPath("12-suivi-complement-retard") });
  await page.close();
});

it("moves between tabs with the arrow keys", async () => {
  const page = await openPreview(browser, preview.url);
  const sidebar = await actAs(page, "requester");
  await sidebar.getByRole("tab", { name: "Demander" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(sidebar.getByRole("tab", { name: /À approuver/ }).getAttribute("aria-selected")).resolves.toBe("true");
  await page.keyboard.press("End");
  await expect(sidebar.getByRole("tab", { name: "Suivi" }).getAttribute("aria-selected")).resolves.toBe("true");
  await expect(sidebar.locator("#panel-follow").isVisible()).resolves.toBe(true);
  await expect(sidebar.locator("#panel-request").isVisible()).resolves.toBe(false);
  await page.close();
});

async function expectText(locator: ReturnType<FrameLocator["locator"]>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 10000 });
  expect(await locator.first().textContent()).toContain(text);
}
