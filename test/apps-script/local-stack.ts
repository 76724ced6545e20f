/**
 * The local stack the add-on's Chromium tests drive: the real `api` function
 * on the Firestore emulator (local tokens), a workbook on the local Sheets
 * server bound to the company, one deposit (FA-…) recorded on 15/01/2026,
 * today 10/03/2026, and the preview running the add-on's bundled server code
 * with a requester, a sales approver and an accounting approver.
 */
import type { Browser } from "playwright-core";
import { startSheetsServer, type SheetsServer } from "../../functions/testing/sheets-server";
import { startAddonPreview, type AddonPreview } from "../../functions/testing/addon-preview";
import { mintLocalToken } from "../../functions/testing/local-tokens";
import { setupWorkbook } from "../../functions/src/sheets/layout/setup-workbook";
import { createSheetsApi } from "../../functions/src/sheets/sheets-api";
import { SheetsGateway } from "../../functions/src/sheets/sheets-gateway";
import { sheetsNotifier } from "../../functions/src/sheets/sync/sync-company";
import type { testFirestore } from "../support/firestore";
import { bindAsOperator } from "../support/bind-workbook";
import { seedCompany, startTestApi, type TestApi } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, SALES } from "../workflow/fixtures";
import { launchChromium } from "./chromium";

export interface LocalStack {
  sheets: SheetsServer;
  api: TestApi;
  preview: AddonPreview;
  browser: Browser;
  spreadsheetId: string;
  depositNumber: string;
  stop(): Promise<void>;
}

export async function startLocalStack(fs: ReturnType<typeof testFirestore>, company = C): Promise<LocalStack> {
  // Two approvals (sales and accounting) from 1,000.00: the 4,320.00 refund needs both.
  await seedCompany(
    fs.db,
    company,
    { [REQUESTER]: ["requester"], [SALES]: ["sales_approver"], [ACCOUNTING]: ["accounting_approver"] },
    { approvalThreshold: "1000.00" },
  );
  const sheets = await startSheetsServer({});
  const gateway = new SheetsGateway(createSheetsApi(sheets.functionsAccess), { baseMs: 2, maxMs: 20, attempts: 8 });
  const spreadsheetId = (
    await gateway.api.spreadsheets.create({ requestBody: { properties: { title: "Acompte — Menuiserie Durand" } } })
  ).data.spreadsheetId!;
  await setupWorkbook(gateway, spreadsheetId);
  await bindAsOperator(fs.db, company, spreadsheetId);

  const api = await startTestApi(fs.db, sheetsNotifier({ db: fs.db, gateway }));
  api.setToday("2026-01-15");
  const deposit = await api.call("POST", `/v1/companies/${company}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  if (deposit.status !== 201) throw new Error(`deposit refused: ${JSON.stringify(deposit.body)}`);
  const depositNumber: string = deposit.body.number ?? deposit.body.invoiceNumber;
  api.setToday("2026-03-10");

  const preview = await startAddonPreview({
    apiUrl: api.url,
    companyId: company,
    actors: [
      { key: "requester", label: "Demandeur", email: REQUESTER },
      { key: "sales", label: "Approbateur commercial", email: SALES },
      { key: "accounting", label: "Approbateur comptable", email: ACCOUNTING },
    ],
    mintToken: (email) => mintLocalToken(email),
    spreadsheetId,
    sheetsApiUrl: sheets.url,
    sheetsViewUrl: `${sheets.url}/view/${spreadsheetId}`,
  });
  const browser = await launchChromium();
  return {
    sheets,
    api,
    preview,
    browser,
    spreadsheetId,
    depositNumber,
    async stop() {
      await browser.close();
      await preview.stop();
      await api.close();
      await sheets.stop();
    },
  };
}
