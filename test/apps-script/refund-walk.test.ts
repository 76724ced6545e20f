/**
 * The walk of issue #12 as one scripted Chromium test a reviewer can replay:
 * request → two approvals → payment of an instalment → follow-up, through
 * the add-on preview on the local stack (api on the emulator, Sheets
 * write-back to the local Sheets server, notices sent at once to the local
 * SMTP server). It checks what each person is told (banner, e-mails), what
 * an approver sees before deciding (the card), and the statuses and totals
 * of the sidebar and the sheets; screenshots go to test-artifacts/sidebar/.
 */
import type { Browser, Dialog, FrameLocator, Page } from "playwright-core";
import { startSmtpSink, type SmtpSink } from "../../functions/testing/smtp-server";
import { noticeDelivery } from "../../functions/src/jobs/notice-delivery";
import { smtpTransport } from "../../functions/src/mail/smtp-transport";
import { testFirestore } from "../support/firestore";
import { ACCOUNTING, C, REQUESTER, SALES } from "../workflow/fixtures";
import { launchChromium, screenshotPath } from "./chromium";
import { startLocalStack, type LocalStack } from "./local-stack";
import { actAs, openPreview, selectDepositRow } from "./preview-page";

const COMPANY = C;
/** "4 320,00 €" as the sidebar and the mails print it: narrow no-break space between thousands, no-break space before €. */
const EURO = (s: string) => s.replace(/ €$/, "\u00a0€").replace(/ /g, "\u202f");

const fs = testFirestore("addon-walk");
let sink: SmtpSink;
let stack: LocalStack;
let browser: Browser;

/** The cell of `header` in the first row of `sheet` containing `text`. */
async function cell(sheet: string, text: string, header: string): Promise<string | undefined> {
  const [headers, ...rows] = await stack.values(`'${sheet}'`);
  const row = rows.find((r) => r.some((v) => String(v).includes(text)));
  return row?.[headers.indexOf(header)];
}

beforeAll(async () => {
  sink = await startSmtpSink();
  // As `npm start` wires it: notices sent right after each change, then the Sheets write-back.
  const mail = {
    transport: smtpTransport({ host: sink.host, port: sink.port }),
    from: "Acompte <notifications@acompte.test>",
    messageIdDomain: "acompte.test",
  };
  stack = await startLocalStack(fs, ({ db }) => [noticeDelivery(db, mail)]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await sink?.stop();
  await fs.close();
});

async function mailsTo(address: string) {
  return (await sink.messages()).filter((m) => m.to.includes(address));
}

async function openApprovalCard(page: Page, actor: string): Promise<FrameLocator> {
  const sidebar = await actAs(page, actor);
  await sidebar.getByRole("tab", { name: /À approuver/ }).click();
  await sidebar.locator("#approvals article").first().waitFor();
  return sidebar;
}

it("request → two approvals → payment → follow-up: each person is told what comes next, the approver has the facts, statuses and totals agree", async () => {
  const { api, depositNumber } = stack;
  const page = await openPreview(browser, stack.preview.url, 1400);
  const errors: Error[] = [];
  page.on("pageerror", (error) => errors.push(error));

  // 1. The requester asks for the refund, with a comment, in two instalments.
  await selectDepositRow(page, depositNumber);
  let sidebar = await actAs(page, "requester");
  await sidebar.getByRole("button", { name: /Utiliser la ligne/ }).click();
  await sidebar.locator("#deposit").filter({ hasText: depositNumber }).waitFor();
  await sidebar.getByLabel("Motif").selectOption("seller_cancels");
  await sidebar.getByLabel("Échéances égales").check();
  await sidebar.getByLabel("Nombre").fill("2");
  await sidebar.getByLabel("Première échéance").fill("2026-03-31");
  await sidebar.getByLabel(/Commentaire/).fill("Chantier annulé par nos soins");
  await sidebar
    .locator("#preview")
    .filter({ hasText: EURO("2 160,00 €") })
    .waitFor({ timeout: 20000 });
  await sidebar.getByRole("button", { name: "Demander le remboursement" }).click();
  const banner = sidebar.locator("#banner.success");
  await banner.waitFor({ timeout: 20000 });
  // The banner says who approves next, by role and e-mail.
  await expect(banner.textContent()).resolves.toContain(
    `À approuver maintenant par : approbateur commercial et approbateur comptable (${[ACCOUNTING, SALES].sort().join(", ")}), prévenus par e-mail.`,
  );
  await page.locator("#sidebar").screenshot({ path: screenshotPath("walk-1-banniere-demande") });
  const refunds = await fs.db.collection(`companies/${COMPANY}/refunds`).get();
  expect(refunds.size).toBe(1);
  const refundId = refunds.docs[0].id;
  const refundNumber = refunds.docs[0].get("number") as string;

  // Both approvers were told at submission (not two days later).
  for (const approver of [SALES, ACCOUNTING]) {
    const [mail] = await mailsTo(approver);
    expect(mail?.subject).toBe(
      `Demande de remboursement ${refundNumber} à approuver – Hôtel Bellevue SARL – ${EURO("4 320,00 €")}`,
    );
    expect(mail?.text).toContain("Commentaire du demandeur : Chantier annulé par nos soins");
  }

  // 2. The sales approver decides with the facts in front of them.
  sidebar = await openApprovalCard(page, "sales");
  const card = sidebar.locator("#approvals article").first();
  await expect(card.locator("strong").first().textContent()).resolves.toBe(
    `Demande de remboursement — acompte ${depositNumber}`,
  );
  const cardText = (await card.textContent()) ?? "";
  for (const fact of [
    "Chantier annulé par nos soins",
    `Avoir TTC${EURO("4 320,00 €")}`,
    `Total dû au client${EURO("4 320,00 €")}`,
    `Solde remboursable avant${EURO("4 320,00 €")}`,
    `Solde remboursable après${EURO("0,00 €")}`,
    "31/03/2026",
    "30/04/2026",
  ])
    expect(cardText).toContain(fact);
  expect(cardText).not.toContain("Avoir sur");
  expect(cardText).not.toContain("Montant TTC");
  // A schedule not issued yet has nothing paid: no « Payée » column.
  expect(cardText).not.toContain("Payée");
  await page.locator("#sidebar").screenshot({ path: screenshotPath("walk-2-carte-approbation-commercial") });
  await card.getByRole("button", { name: "Approuver" }).click();
  await banner.filter({ hasText: "est enregistrée" }).waitFor({ timeout: 20000 });
  await expect(banner.textContent()).resolves.toContain(
    `À approuver maintenant par : approbateur comptable (${ACCOUNTING}), prévenu par e-mail.`,
  );
  await page.locator("#sidebar").screenshot({ path: screenshotPath("walk-3-banniere-approbation-commercial") });
  expect((await mailsTo(ACCOUNTING)).map((m) => m.subject)).toHaveLength(2);

  // 3. The accounting approver sees who already approved, and when.
  sidebar = await openApprovalCard(page, "accounting");
  const second = sidebar.locator("#approvals article").first();
  await expect(second.textContent()).resolves.toMatch(
    new RegExp(`Déjà approuvée parapprobateur commercial ${SALES} le 10/03/2026 \\d{2}:\\d{2}`),
  );
  await page.locator("#sidebar").screenshot({ path: screenshotPath("walk-4-carte-approbation-comptable") });
  await second.getByRole("button", { name: "Approuver" }).click();
  await banner.filter({ hasText: "avoir AV-2026-000001 émis" }).waitFor({ timeout: 20000 });
  await expect(banner.textContent()).resolves.toContain(`${REQUESTER} est prévenu par e-mail.`);
  await page.locator("#sidebar").screenshot({ path: screenshotPath("walk-5-banniere-approuvee") });
  const [approved] = await mailsTo(REQUESTER);
  expect(approved.subject).toBe(
    `Demande de remboursement ${refundNumber} approuvée – Hôtel Bellevue SARL – ${EURO("4 320,00 €")}`,
  );
  expect(approved.text).toContain("l'avoir AV-2026-000001 est émis");

  // The credit note exists, nothing is paid yet: the deposit is not « Remboursé ».
  expect(await cell("Acomptes", depositNumber, "Statut")).toBe("Avoir émis");
  const spaced = (v: string | undefined) => v?.replace(/[\s\u202f\u00a0]/g, " ");
  expect(spaced(await cell("Remboursements", refundId, "Total dû au client"))).toBe("4 320,00 €");
  expect(spaced(await cell("Remboursements", refundId, "Avoir TTC"))).toBe("4 320,00 €");

  // 4. Accounting records the first instalment paid from the Échéancier's menu.
  api.setToday("2026-03-31");
  await page.selectOption("#actor", "accounting");
  await page.selectOption("#sheet-name", "Échéancier");
  const option = page.locator("#row option", { hasText: "AV-2026-000001" }).filter({ hasText: "1/2" });
  await option.waitFor({ state: "attached" });
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/api/selection")),
    page.selectOption("#row", (await option.getAttribute("value"))!),
  ]);
  const answerDate = (dialog: Dialog) => void dialog.accept("");
  page.on("dialog", answerDate);
  await page.getByRole("button", { name: "Marquer l'échéance sélectionnée payée" }).click();
  await page.locator("#menu-result").filter({ hasText: "enregistrée comme payée" }).waitFor({ timeout: 20000 });
  page.off("dialog", answerDate);
  expect(await cell("Échéancier", `${refundId}-1`, "Statut")).toBe("Payée");
  expect(await cell("Acomptes", depositNumber, "Statut")).toBe("Remboursement en cours (1/2 payée)");

  // 5. Follow-up: the requester sees the deposit's status and the request's schedule.
  await page.selectOption("#sheet-name", "Acomptes");
  await selectDepositRow(page, depositNumber);
  sidebar = await actAs(page, "requester");
  await sidebar.getByRole("button", { name: /Utiliser la ligne/ }).click();
  await sidebar.locator("#deposit").filter({ hasText: "Remboursement en cours (1/2 payée)" }).waitFor();
  await page.locator("#sidebar").screenshot({ path: screenshotPath("walk-6-acompte-remboursement-en-cours") });
  await sidebar.getByRole("tab", { name: "Suivi" }).click();
  await sidebar.getByLabel("N° de demande").fill(refundNumber);
  await sidebar.getByRole("button", { name: "Afficher" }).click();
  await sidebar
    .locator("#follow-detail")
    .filter({ hasText: "AV-2026-000001" })
    .filter({ hasText: "31/03/2026" })
    .waitFor();
  await page.locator("#sidebar").screenshot({ path: screenshotPath("walk-7-suivi") });

  // Notices: submission (2 approvers), first approval (accounting), final approval (requester); none twice.
  const all = await sink.messages();
  expect(all.map((m) => m.to.join(",")).sort()).toEqual(
    [[ACCOUNTING, SALES].sort().join(","), ACCOUNTING, REQUESTER].sort(),
  );
  expect(all.every((m) => !/\d\.\d{2}\b|\d{4}-\d{2}-\d{2}/.test(m.text ?? ""))).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);
