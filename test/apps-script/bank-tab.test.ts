/**
 * The sidebar's « Banque » tab (issue #15) in real headless Chromium through
 * the local preview, against a scripted api (the entries list and the
 * match/unmatch routes are built in parallel; their shapes are the
 * contract's, functions/src/contract/bank.ts): a statement read in the
 * browser and posted as text, the import summary in French, « Rapprocher »
 * a suggestion once for a double click and under the same key on a retry,
 * « Annuler le rapprochement » with its reason, « Préparer les virements »
 * with its download, refusals under the field they concern.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import type { BankEntrySummary, StatementImportSummary, TransferFileSummary } from "../../functions/src/contract";
import { startAddonPreview, type AddonPreview } from "../../functions/testing/addon-preview";
import { camtStatement } from "../../functions/testing/bank/camt-statement";
import { launchChromium } from "./chromium";
import { actAs, openPreview } from "./preview-page";
import { route, startFakeApi, type FakeApi, type RecordedRequest } from "./fake-api";

const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/bank");
const NNBSP = "\u202f";
const NBSP = "\u00a0";
const USERS: Record<string, { email: string; roles: string[] }> = {
  "token-alice@acme.fr": { email: "alice@acme.fr", roles: ["accounting_approver"] },
  "token-rachel@acme.fr": { email: "rachel@acme.fr", roles: ["requester"] },
};
const IBAN = "FR7630006000011234567890189";
const STATEMENT = camtStatement({
  id: "REL-2026-04",
  iban: IBAN,
  entries: [
    { ref: "IN-9", amount: "50.00", direction: "credit", bookingDate: "2026-04-03", counterpartyName: "Martin" },
  ],
});
const XML = '<?xml version="1.0" encoding="UTF-8"?><Document>VIR-2026-000001</Document>';

const invoice = (reference: string, itemId: string, amount: string) => ({
  itemKind: "final_invoice" as const,
  itemId,
  reference,
  amount,
});

function waiting(): BankEntrySummary[] {
  return [
    {
      id: "e1",
      entryRef: "IN-1",
      bookingDate: "2026-04-02",
      amount: "1234.56",
      direction: "credit",
      counterpartyName: "Hôtel du Lac <b>SARL</b>",
      remittance: "Virement facture",
      status: "to_reconcile",
      statusLabel: "À rapprocher",
      explanation: "Deux factures ouvertes ont ce montant : à choisir.",
      suggestions: [
        {
          score: 40,
          explanation: "Même montant et même client.",
          allocations: [invoice("FA-2026-000012", "i12", "1234.56")],
        },
        { score: 25, explanation: "Même montant.", allocations: [invoice("FA-2026-000015", "i15", "1234.56")] },
      ],
      allocations: [],
    },
    {
      id: "e2",
      entryRef: "OUT-7",
      bookingDate: "2026-04-03",
      amount: "55.50",
      direction: "debit",
      counterpartyName: null,
      remittance: "Frais de tenue de compte",
      status: "unmatched",
      statusLabel: "Rapprochement annulé",
      explanation: "Aucune échéance ni facture ne correspond.",
      suggestions: [],
      allocations: [],
    },
  ];
}

let api: FakeApi;
let preview: AddonPreview;
let browser: Browser;
let entries = waiting();
let failNextMatch = false;

const caller = (r: RecordedRequest) => USERS[String(r.headers.authorization ?? "").replace(/^Bearer /, "")];
const posts = (suffix: string) => api.requests.filter((r) => r.method === "POST" && r.path.endsWith(suffix));

const IMPORTED: StatementImportSummary = {
  statements: [
    { statementId: "REL-2026-04", accountIban: "FR76 **** **** **** **** ***0 189", entries: 1, skipped: 0 },
  ],
  read: 1,
  created: 1,
  alreadyKnown: 0,
  paidInstalments: 0,
  entries: [
    {
      id: "e9",
      entryRef: "IN-9",
      bookingDate: "2026-04-03",
      amount: "50.00",
      direction: "credit",
      status: "to_reconcile",
      statusLabel: "À rapprocher",
      explanation: "Aucune facture ne correspond.",
      paidInstalments: [],
    },
  ],
};

const TRANSFER: TransferFileSummary = {
  id: "tf1",
  number: "VIR-2026-000001",
  fileName: "VIR-2026-000001.xml",
  executionDate: "2026-04-30",
  upTo: "2026-04-30",
  createdAt: "2026-04-10T08:00:00Z",
  createdBy: "alice@acme.fr",
  count: 2,
  controlSum: "4320.00",
  debtorIban: "FR76 **** **** **** **** ***0 189",
  instalments: [],
  remaining: 0,
  held: [],
};

beforeAll(async () => {
  api = await startFakeApi([
    (r) =>
      caller(r) ? undefined : { status: 401, body: { error: { code: "UNAUTHENTICATED", message: "Jeton absent." } } },
    route("GET", "/me", (r) => ({ status: 200, body: caller(r) })),
    route("GET", /^\/bank\/entries\?status=to_reconcile$/, () => ({ status: 200, body: { entries } })),
    route("POST", "/bank/statements", (r) => {
      const file = (r.body as { file: string }).file;
      if (file.includes("<!DOCTYPE"))
        return {
          status: 400,
          body: {
            error: {
              code: "VALIDATION_FAILED",
              message: "Le relevé est refusé.",
              details: [
                {
                  path: "file",
                  message:
                    "Relevé bancaire refusé : il contient une déclaration DOCTYPE (DTD, entités), interdite dans un relevé camt.053.",
                },
              ],
            },
          },
        };
      entries = [
        ...entries,
        {
          ...waiting()[1],
          id: "e9",
          entryRef: "IN-9",
          bookingDate: "2026-04-03",
          amount: "50.00",
          direction: "credit",
          counterpartyName: "Martin",
          remittance: null,
          status: "to_reconcile",
          statusLabel: "À rapprocher",
          explanation: "Aucune facture ne correspond.",
        },
      ];
      return { status: 201, body: IMPORTED };
    }),
    route("POST", /^\/bank\/entries\/e1\/match$/, (r) => {
      if (failNextMatch) {
        failNextMatch = false;
        return {
          status: 503,
          body: { error: { code: "UNAVAILABLE", message: "Service momentanément indisponible." } },
        };
      }
      const chosen = (r.body as { allocations: { itemId: string; amount: string }[] }).allocations;
      const e1 = waiting()[0];
      const allocations = chosen.map((a) => ({
        ...e1.suggestions.flatMap((s) => s.allocations).find((x) => x.itemId === a.itemId)!,
        amount: a.amount,
      }));
      entries = entries.filter((e) => e.id !== "e1");
      return { status: 200, body: { ...e1, status: "applied", statusLabel: "Rapprochée", allocations } };
    }),
    route("POST", /^\/bank\/entries\/e1\/unmatch$/, () => {
      const e1 = { ...waiting()[0], status: "unmatched" as const, statusLabel: "Rapprochement annulé" };
      entries = [e1, ...entries];
      return { status: 200, body: e1 };
    }),
    route("POST", "/bank/transfers", (r) =>
      (r.body as { executionDate: string }).executionDate < "2026-04-10"
        ? {
            status: 400,
            body: {
              error: {
                code: "VALIDATION_FAILED",
                message: "La demande est refusée.",
                details: [
                  { path: "executionDate", message: "Date d'exécution : antérieure à aujourd'hui (10/04/2026)." },
                ],
              },
            },
          }
        : { status: 201, body: TRANSFER },
    ),
    route("GET", "/bank/transfers/tf1", () => ({
      status: 200,
      text: XML,
      headers: {
        "Content-Type": "application/xml; charset=utf-8",
        "Content-Disposition": 'attachment; filename="VIR-2026-000001.xml"',
      },
    })),
  ]);
  preview = await startAddonPreview({
    apiUrl: api.url,
    companyId: "acme",
    actors: [
      { key: "accounting", label: "Approbatrice comptable", email: "alice@acme.fr" },
      { key: "requester", label: "Demandeuse", email: "rachel@acme.fr" },
    ],
    mintToken: (email) => `token-${email}`,
    spreadsheetId: "sheet-1",
    readSheet: async () => [["Identifiant", "Facture d'acompte", "Client"]],
  });
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  await api?.stop();
});

async function bankTab(page: Page): Promise<FrameLocator> {
  const sidebar = await actAs(page, "accounting");
  await sidebar.getByRole("tab", { name: /Banque/ }).click();
  await sidebar.locator("#bank-entries article").first().waitFor();
  return sidebar;
}

const text = async (locator: ReturnType<FrameLocator["locator"]>) => (await locator.textContent()) ?? "";

it("lists the entries to reconcile, matches a suggestion once, undoes it with a reason", async () => {
  entries = waiting();
  const page = await openPreview(browser, preview.url, 1400);
  const sidebar = await bankTab(page);
  const cards = sidebar.locator("#bank-entries article");
  await expect(cards.count()).resolves.toBe(2);
  const first = cards.first();
  expect(await text(first.locator("strong"))).toBe(`Encaissement de 1${NNBSP}234,56${NBSP}€ le 02/04/2026`);
  // The counterparty's text stays text: no markup reaches the sidebar's DOM.
  expect(await text(first)).toContain("Hôtel du Lac <b>SARL</b>");
  await expect(first.locator("b").count()).resolves.toBe(0);
  expect(await text(first.locator("ol li").first())).toContain(
    `FA-2026-000012 : 1${NNBSP}234,56${NBSP}€ — score 40/100`,
  );
  expect(await text(cards.nth(1))).toContain("Rapprochement annulé");
  expect(await text(cards.nth(1))).toContain("Aucune suggestion");
  expect(await text(sidebar.locator("#bank-count"))).toBe("2");
  await page.locator("#sidebar").screenshot({ path: path.join(ARTIFACTS, "sidebar-banque-a-rapprocher.png") });

  // The second suggestion, double-clicked after a lost answer: one key for both sendings, one match.
  failNextMatch = true;
  const second = first.getByRole("button", { name: /Rapprocher avec FA-2026-000015/ });
  await second.click();
  await sidebar.locator("#banner.error").filter({ hasText: "indisponible" }).waitFor();
  await second.dblclick();
  await first.getByText("Rapprochée avec").waitFor();
  const matches = posts("/bank/entries/e1/match");
  expect(matches).toHaveLength(2);
  expect(matches[0].headers["idempotency-key"]).toBe(matches[1].headers["idempotency-key"]);
  expect(matches[1].body).toEqual({ allocations: [{ itemKind: "final_invoice", itemId: "i15", amount: "1234.56" }] });
  expect(await text(first)).toContain(`FA-2026-000015 : 1${NNBSP}234,56${NBSP}€`);
  expect(await text(sidebar.locator("#banner.success"))).toBe(
    `Opération du 02/04/2026 rapprochée avec FA-2026-000015 : 1${NNBSP}234,56${NBSP}€.`,
  );

  // Undoing needs a reason: nothing is sent without one.
  await first.getByRole("button", { name: "Annuler le rapprochement" }).click();
  await first.getByRole("button", { name: "Confirmer l'annulation" }).click();
  expect(await text(first.locator(".field-error"))).toBe(
    "Motif de l'annulation : indiquez pourquoi ce rapprochement est annulé.",
  );
  expect(posts("/unmatch")).toHaveLength(0);
  await first.getByLabel("Motif de l'annulation (obligatoire)").fill("Mauvaise facture choisie");
  await first.getByRole("button", { name: "Confirmer l'annulation" }).click();
  await first.getByRole("button", { name: /Rapprocher avec FA-2026-000012/ }).waitFor();
  expect(posts("/bank/entries/e1/unmatch").map((r) => r.body)).toEqual([{ reason: "Mauvaise facture choisie" }]);
  expect(posts("/bank/entries/e1/unmatch")[0].headers["idempotency-key"]).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
  expect(await text(first)).toContain("Rapprochement annulé");
  await page.close();
});

it("imports a statement read in the browser, refusals under the file field", async () => {
  entries = waiting();
  const page = await openPreview(browser, preview.url, 1400);
  const sidebar = await bankTab(page);
  const importButton = sidebar.getByRole("button", { name: "Importer le relevé" });
  const fileError = sidebar.locator("#statement-file-error");

  await importButton.click();
  expect(await text(fileError)).toBe(
    "Relevé bancaire : choisissez le fichier du relevé (camt.053 en XML ou export CSV de la banque).",
  );
  expect(posts("/bank/statements")).toHaveLength(0);

  const input = sidebar.locator("#statement-file");
  const hostile = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Document>&e;</Document>`;
  await input.setInputFiles({ name: "piege.xml", mimeType: "application/xml", buffer: Buffer.from(hostile) });
  await importButton.click();
  await fileError.filter({ hasText: "DOCTYPE" }).waitFor();
  expect(await text(fileError)).toBe(
    "Relevé bancaire refusé : il contient une déclaration DOCTYPE (DTD, entités), interdite dans un relevé camt.053.",
  );
  // The detail sits under its field, not repeated in the banner.
  await expect(sidebar.locator("#banner").isHidden()).resolves.toBe(true);

  await input.setInputFiles({ name: "REL-2026-04.xml", mimeType: "application/xml", buffer: Buffer.from(STATEMENT) });
  await importButton.click();
  await sidebar.locator("#banner.success").waitFor();
  const sent = posts("/bank/statements").at(-1)!;
  // The file's own text, byte for byte, under a sidebar idempotency key.
  expect(sent.body).toEqual({ file: STATEMENT });
  expect(String(sent.headers["idempotency-key"])).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
  expect(await text(sidebar.locator("#statement-summary p"))).toBe(
    "Import terminé : relevé REL-2026-04 du compte FR76 **** **** **** **** ***0 189 (1 opération(s)). " +
      "1 opération(s) lue(s), 1 nouvelle(s), 0 déjà importée(s). 0 échéance(s) payée(s), 1 opération(s) à rapprocher.",
  );
  expect(await text(sidebar.locator("#statement-summary td").nth(1))).toBe(`50,00${NBSP}€`);
  // The list is read again: the new entry waits with the others.
  await sidebar.locator("#bank-entries article").nth(2).waitFor();
  await page.locator("#sidebar").screenshot({ path: path.join(ARTIFACTS, "sidebar-banque-import.png") });

  // A file above the api's body limit is refused before it is sent.
  const before = posts("/bank/statements").length;
  await input.setInputFiles({ name: "gros.xml", mimeType: "application/xml", buffer: Buffer.alloc(1_000_001, 32) });
  await importButton.click();
  expect(await text(fileError)).toContain("dépasse 1 Mo");
  expect(posts("/bank/statements")).toHaveLength(before);
  await page.close();
});

it("prepares the transfers: a past date refused under its field, then the file offered for download", async () => {
  const page = await openPreview(browser, preview.url, 1400);
  const sidebar = await bankTab(page);
  const prepare = sidebar.getByRole("button", { name: "Préparer les virements" });
  const dateError = sidebar.locator("#transfer-date-error");

  await prepare.click();
  expect(await text(dateError)).toBe("Date d'exécution : choisissez le jour où la banque exécutera les virements.");
  await sidebar.getByLabel("Date d'exécution").fill("2026-04-01");
  await prepare.click();
  await dateError.filter({ hasText: "antérieure" }).waitFor();
  expect(await text(dateError)).toBe("Date d'exécution : antérieure à aujourd'hui (10/04/2026).");

  await sidebar.getByLabel("Date d'exécution").fill("2026-04-30");
  await prepare.click();
  const link = sidebar.getByRole("link", { name: "Télécharger VIR-2026-000001.xml" });
  await link.waitFor();
  expect(await link.getAttribute("download")).toBe("VIR-2026-000001.xml");
  expect(decodeURIComponent((await link.getAttribute("href"))!.split(",").slice(1).join(","))).toBe(XML);
  expect(await text(sidebar.locator("#transfer-result p"))).toBe(
    `Fichier VIR-2026-000001 : 2 virement(s) pour 4${NNBSP}320,00${NBSP}€, à exécuter le 30/04/2026 depuis le compte ` +
      "FR76 **** **** **** **** ***0 189. Ses échéances sont marquées « Virement émis ». Déposez le fichier sur le site de votre banque.",
  );
  const sent = posts("/bank/transfers");
  expect(sent.map((r) => r.body)).toEqual([{ executionDate: "2026-04-01" }, { executionDate: "2026-04-30" }]);
  // A refusal is definitive: the next date is a new submission with a new key.
  expect(sent[0].headers["idempotency-key"]).not.toBe(sent[1].headers["idempotency-key"]);
  await sidebar.locator("#transfer-result").scrollIntoViewIfNeeded();
  await page.locator("#sidebar").screenshot({ path: path.join(ARTIFACTS, "sidebar-banque-virements.png") });
  await page.close();
});

it("is not offered to a requester (the bank routes answer accounting approvers and admins)", async () => {
  const page = await openPreview(browser, preview.url);
  const sidebar = await actAs(page, "requester");
  await expect(sidebar.getByRole("tab", { name: /Banque/ }).count()).resolves.toBe(0);
  await expect(sidebar.getByRole("tab", { name: /Suivi/ }).count()).resolves.toBe(1);
  await page.close();
});
