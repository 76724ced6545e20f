/**
 * Issue #16, slice 4 in headless Chromium, against the real `api` on the
 * emulator: a requester types a deposit for a class-D customer over its
 * limits in `Acomptes` (its profile the pure riskProfile of a seeded history,
 * stored on its record as the profile refresh would): the sidebar's
 * « Conseil client » asks for the amount, then shows the class, the policy's
 * terms (100 % before production, cash) and the limit warning with the
 * amounts, before the row is imported. The accounting approver's card of a
 * refund for the same customer shows its class, exposure and limits.
 * Screenshots: test-artifacts/sidebar/conseil-client-classe-d.png,
 * approbation-classe-client.png.
 */
import type { FrameLocator, Page } from "playwright-core";
import { riskProfile } from "../../functions/src/domain";
import { CUSTOMERS } from "../../functions/src/model/collections";
import { customerIdOf } from "../../functions/src/model/customer";
import { ACOMPTES } from "../../functions/src/sheets/layout/workbook-spec";
import { OVER_LIMIT } from "../domain/customers/risk-seeds";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, SALES, refundBody } from "../workflow/fixtures";
import { screenshotPath } from "./chromium";
import { actAs, selectDepositRow } from "./preview-page";
import { sidebarStack } from "./support/sidebar-stack";

const base = `/v1/companies/${C}`;
const HOTEL_ID = customerIdOf(`siren:${DEPOSIT_BODY.customer.siren}`);
const HEADERS = ACOMPTES.columns.map((c) => c.header);

/** The `Acomptes` sheet: one row being typed, its cells by header (what the person has typed so far). */
let typed: Record<string, unknown> = {
  Client: "Hôtel Bellevue SARL",
  "Type de client": "Professionnel",
  SIREN: "732 829 320",
};
const acomptes = () => [HEADERS, HEADERS.map((h) => typed[h] ?? "")];

const stack = sidebarStack({
  prefix: "addon-customer-advice",
  users: { [REQUESTER]: ["requester"], [SALES]: ["sales_approver"], [ACCOUNTING]: ["accounting_approver"] },
  actors: [
    { key: "requester", label: "Demandeur", email: REQUESTER },
    { key: "accounting", label: "Approbateur comptable", email: ACCOUNTING },
  ],
  spreadsheetId: "sheet-customer-advice",
  readSheet: async (sheet) => (sheet === "Acomptes" ? acomptes() : []),
  seed: async (api) => {
    api.setToday("2026-01-15");
    const first = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
    expect(first.status).toBe(201);
    const limits = await api.call("POST", `${base}/customers/${HOTEL_ID}`, {
      as: SALES,
      body: {
        creditLimit: "12000.00",
        insurance: { insurer: "Allianz Trade", limit: "10000.00", grantedOn: "2026-01-02" },
      },
    });
    expect(limits.status).toBe(200);
    // Slice 3 stores the profile in its refresh: here the pure riskProfile of a class-D history, written as it would.
    await stack.fs.db
      .collection("companies")
      .doc(C)
      .collection(CUSTOMERS)
      .doc(HOTEL_ID)
      .update({ profile: riskProfile(OVER_LIMIT), riskClass: "D" });
    api.setToday("2026-03-10");
    const request = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(first.body.id) });
    expect(request.status).toBe(201);
  },
});
let page: Page;
beforeAll(() => ({ page } = stack));

/** Plain spaces for the French no-break ones, to compare texts. */
const plain = (text: string | null) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");

test("a class-D deposit being typed: the recommendation and the limit warning appear before it is imported", async () => {
  const sidebar: FrameLocator = await actAs(page, "requester");
  await selectDepositRow(page, "Hôtel Bellevue");
  const advice = sidebar.locator("#customer-advice");
  // The amount is not typed yet: the panel says what it needs.
  await advice.getByText("Saisissez le montant « Commande HT » pour voir le conseil.").waitFor({ timeout: 20000 });

  // The person goes on typing the order; the sidebar's poll reads the row again.
  typed = { ...typed, "Commande HT": 12000, "Taux TVA": "20 %", "Acompte (%)": "30", Commande: "CMD-2026-031" };
  const warning = advice.locator(".advice-warning");
  await warning.waitFor({ timeout: 20000 });
  expect(plain(await advice.locator(".advice-terms").textContent())).toBe(
    "Client de classe D : acompte recommandé de 100 %, encaissé avant toute production, paiement comptant.",
  );
  // 12 000,00 HT + 20 % = 14 400,00, less the 30 % deposit (4 320,00): 10 080,00 added to 13 000,00.
  expect(plain(await warning.textContent())).toBe(
    "Avec cette commande de 10 080,00 €, l'encours du client passerait de 13 000,00 € à 23 080,00 €, au-delà de sa limite de crédit de 12 000,00 € (dépassement de 11 080,00 €) et de sa limite assurée de 10 000,00 € (13 080,00 € non assurés).",
  );
  const shown = plain(await advice.locator("dl").textContent());
  expect(shown).toContain("Classe de risqueClasse D – risque très élevé");
  expect(shown).toContain("Encours13 000,00 €");
  expect(shown).toContain("Limite de crédit12 000,00 €");
  await advice.screenshot({ path: screenshotPath("conseil-client-classe-d") });
  await page.screenshot({ path: screenshotPath("conseil-client-classe-d-page") });

  // Following the recommendation (100 %) adds nothing the limits do not already see: the warning still names the excess already there.
  typed = { ...typed, "Acompte (%)": "100" };
  await advice.getByText(/cette commande n'y ajoute rien/).waitFor({ timeout: 20000 });
  expect(plain(await warning.textContent())).toBe(
    "L'encours du client, 13 000,00 €, dépasse déjà sa limite de crédit de 12 000,00 € (dépassement de 1 000,00 €) et sa limite assurée de 10 000,00 € (3 000,00 € non assurés) ; cette commande n'y ajoute rien.",
  );
}, 120_000);

test("the accounting approver's card shows the customer's class, exposure and limits", async () => {
  const sidebar = await actAs(page, "accounting");
  await sidebar.locator("#tab-approvals").click();
  const card = sidebar.locator("#approvals article.card").first();
  const standing = card.locator(".standing");
  await standing.waitFor({ timeout: 20000 });
  const text = plain(await standing.textContent());
  expect(text).toContain("Classe de risqueClasse D – risque très élevé");
  expect(text).toContain("Encours client13 000,00 € au 30/11/2026");
  expect(text).toContain("Limite de crédit12 000,00 € — dépassée");
  expect(text).toContain("Limite assurée10 000,00 € — dépassée");
  await card.screenshot({ path: screenshotPath("approbation-classe-client") });
}, 120_000);
