/**
 * The « Banque » tab against the real functions (issue #15): an approved
 * refund paid by transfer, « Préparer les virements » in the sidebar gives
 * the SEPA file to download, then the bank's statement, uploaded from the
 * sidebar, pays the instalment on its booking date; the workbook shows the
 * entries in `Banque` and the instalment « Payée » in `Échéancier`.
 */
import type { Browser } from "playwright-core";
import { BANK_STATEMENTS, COMPANIES, DEPOSITS, INVOICES, TRANSFER_FILES } from "../../functions/src/model/collections";
import { camtStatement } from "../../functions/testing/bank/camt-statement";
import { testFirestore } from "../support/firestore";
import { ACCOUNTING, C, SALES, REQUESTER, refundBody } from "../workflow/fixtures";
import { launchChromium } from "./chromium";
import { startLocalStack, type LocalStack } from "./local-stack";
import { actAs, openPreview } from "./preview-page";

const fs = testFirestore("addon-bank");
const IBAN = "FR7630006000011234567890189";
const NNBSP = "\u202f";
const NBSP = "\u00a0";
let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startLocalStack(fs);
  browser = await launchChromium();
  await fs.db.collection(COMPANIES).doc(C).update({ "settings.bankIban": IBAN });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await fs.close();
});

it("prepares the transfer file, then the uploaded statement pays its instalment and fills Banque", async () => {
  const company = fs.db.collection(COMPANIES).doc(C);
  const depositId = (await company.collection(DEPOSITS).get()).docs[0].id;
  const base = `/v1/companies/${C}`;
  // 4,320.00 refunded in two instalments (31/03, 30/04) to the customer's account, approved by both approvers.
  const refund = await stack.api.call("POST", `${base}/refunds`, {
    as: REQUESTER,
    body: { ...refundBody(depositId), iban: "FR14 2004 1010 0505 0001 3M02 606" },
  });
  expect(refund.status).toBe(201);
  for (const who of [ACCOUNTING, SALES])
    expect((await stack.api.call("POST", `${base}/refunds/${refund.body.id}/approve`, { as: who })).status).toBe(200);

  const page = await openPreview(browser, stack.preview.url, 1400);
  const sidebar = await actAs(page, "accounting");
  await sidebar.getByRole("tab", { name: /Banque/ }).click();
  await sidebar.locator('#bank-entries[aria-busy="false"]').waitFor();

  await sidebar.getByLabel("Date d'exécution").fill("2026-03-31");
  await sidebar.getByRole("button", { name: "Préparer les virements" }).click();
  const link = sidebar.getByRole("link", { name: /^Télécharger VIR-2026-000001\.xml$/ });
  await link.waitFor();
  const [file] = (await company.collection(TRANSFER_FILES).get()).docs;
  // The link carries the stored file byte for byte.
  expect(decodeURIComponent((await link.getAttribute("href"))!.split(",").slice(1).join(","))).toBe(file.get("xml"));
  expect(await sidebar.locator("#transfer-result p").textContent()).toContain(
    `1 virement(s) pour 2${NNBSP}160,00${NBSP}€, à exécuter le 31/03/2026`,
  );
  const instalment = file.get("instalments")[0];

  // The bank's statement: our transfer debited, and a credit nobody knows.
  const statement = camtStatement(
    {
      id: "REL-2026-03",
      iban: IBAN,
      closingBalance: { amount: "1000.00", direction: "credit", date: "2026-03-10" },
      entries: [
        {
          ref: "D-1",
          amount: instalment.amount,
          direction: "debit",
          bookingDate: "2026-03-10",
          endToEndId: instalment.endToEndId,
          counterpartyName: instalment.customerName,
        },
        {
          ref: "C-1",
          amount: "75.00",
          direction: "credit",
          bookingDate: "2026-03-10",
          counterpartyName: "SCI Les Tilleuls",
          remittance: ["Regularisation"],
        },
      ],
    },
    "001.02",
  );
  await sidebar
    .locator("#statement-file")
    .setInputFiles({ name: "REL-2026-03.xml", mimeType: "application/xml", buffer: Buffer.from(statement) });
  await sidebar.getByRole("button", { name: "Importer le relevé" }).click();
  await sidebar.locator("#banner.success").waitFor();
  expect(await sidebar.locator("#statement-summary p").textContent()).toBe(
    "Import terminé : relevé REL-2026-03 du compte FR76 **** **** **** **** ***0 189 (2 opération(s)). " +
      "2 opération(s) lue(s), 2 nouvelle(s), 0 déjà importée(s). 1 échéance(s) payée(s), 1 opération(s) à rapprocher.",
  );
  // Kept for the dashboard's bank balance.
  expect((await company.collection(BANK_STATEMENTS).get()).docs.map((d) => d.get("closingBalance"))).toEqual([
    "1000.00",
  ]);

  const banque = await stack.values("'Banque'!A1:L");
  expect(banque.slice(1).map((r) => [r[0], r[1], r[2], r[5]])).toEqual(
    expect.arrayContaining([
      ["10/03/2026", "Décaissement", `-2${NNBSP}160,00 €`, "Rapprochée"],
      ["10/03/2026", "Encaissement", "75,00 €", "À rapprocher"],
    ]),
  );
  const schedule = await stack.values("'Échéancier'!A1:I");
  expect(schedule.slice(1).map((r) => [r[3], r[6], r[7]])).toEqual([
    ["1/2", "Payée", "10/03/2026"],
    ["2/2", "À payer", ""],
  ]);
  await page.close();
});

it("pays the invoice selected in Factures with an entry nobody could match, as much as the entry holds", async () => {
  const base = `/v1/companies/${C}`;
  // An invoice another tool issued, of a customer the 75,00 € credit does not name: no suggestion for it.
  const invoice = await stack.api.call("POST", `${base}/invoices/external`, {
    as: ACCOUNTING,
    body: {
      number: "2026-F-0300",
      date: "2026-02-01",
      customer: { name: "Atelier Blanc", kind: "b2b", siren: "351355839" },
      orderRef: "CMD-0300",
      lines: [{ vatRate: "20", net: "250.00", vat: "50.00" }],
      dueDate: "2026-03-03",
    },
  });
  expect([invoice.status, invoice.body.error?.message]).toEqual([201, undefined]);

  const page = await openPreview(browser, stack.preview.url, 1400);
  await page.selectOption("#sheet-name", "Factures");
  const option = page.locator("#row option", { hasText: "2026-F-0300" }).first();
  await option.waitFor({ state: "attached", timeout: 20000 });
  await page.selectOption("#row", (await option.getAttribute("value"))!);
  const sidebar = await actAs(page, "accounting");
  await sidebar.getByRole("tab", { name: /Banque/ }).click();
  const card = sidebar.getByRole("article", { name: /Encaissement de 75,00/ });
  await card.waitFor({ timeout: 20000 });
  await card.getByRole("button", { name: "Rapprocher avec la facture sélectionnée" }).click();
  await sidebar.locator("#banner.success").filter({ hasText: "2026-F-0300" }).waitFor({ timeout: 20000 });
  expect(await sidebar.locator("#banner").textContent()).toBe(
    `Opération du 10/03/2026 rapprochée avec 2026-F-0300 : 75,00${NBSP}€.`,
  );
  const stored = await fs.db.collection(COMPANIES).doc(C).collection(INVOICES).doc(invoice.body.id).get();
  expect([stored.get("openAmount"), stored.get("paidOn")]).toEqual(["225.00", null]);
  await page.close();
});
