/**
 * The local stack the end-to-end walks in Chromium run on: the real `api`
 * function on the emulator (local tokens), the Sheets write-back to the local
 * Sheets server, a bound workbook, and the add-on preview with the requester
 * and both approvers of company C. Two approvals (sales and accounting) from
 * 1,000.00: the 4,320.00 deposit recorded on 15/01/2026 needs both; the
 * service's date is then 10/03/2026.
 */
import { startSheetsServer, type SheetsServer } from "../../functions/testing/sheets-server";
import { startAddonPreview, type AddonPreview } from "../../functions/testing/addon-preview";
import { mintLocalToken } from "../../functions/testing/local-tokens";
import { setupWorkbook } from "../../functions/src/sheets/layout/setup-workbook";
import { createSheetsApi } from "../../functions/src/sheets/sheets-api";
import { SheetsGateway } from "../../functions/src/sheets/sheets-gateway";
import { sheetsNotifier } from "../../functions/src/sheets/sync/sync-company";
import { allNotifiers, type ChangeNotifier } from "../../functions/src/application/ports/change-notifier";
import type { TestFirestore } from "../support/firestore";
import { bindAsOperator } from "../support/bind-workbook";
import { seedCompany, startTestApi, type TestApi } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, SALES } from "../workflow/fixtures";

export interface LocalStack {
  fs: TestFirestore;
  sheets: SheetsServer;
  api: TestApi;
  preview: AddonPreview;
  spreadsheetId: string;
  depositNumber: string;
  /** The values of a range of the workbook, as the Sheets API answers them (formatted). */
  values(range: string): Promise<string[][]>;
  stop(): Promise<void>;
}

/** `before`: listeners that run after each committed change, before the Sheets write-back (e.g. notice delivery). */
export async function startLocalStack(
  fs: TestFirestore,
  before: (fs: TestFirestore) => ChangeNotifier[] = () => [],
): Promise<LocalStack> {
  await seedCompany(
    fs.db,
    C,
    { [REQUESTER]: ["requester"], [SALES]: ["sales_approver"], [ACCOUNTING]: ["accounting_approver"] },
    { approvalThreshold: "1000.00" },
  );
  const sheets = await startSheetsServer({});
  const gateway = new SheetsGateway(createSheetsApi(sheets.functionsAccess), { baseMs: 2, maxMs: 20, attempts: 8 });
  const spreadsheetId = (
    await gateway.api.spreadsheets.create({ requestBody: { properties: { title: "Acompte — Menuiserie Durand" } } })
  ).data.spreadsheetId!;
  await setupWorkbook(gateway, spreadsheetId);
  await bindAsOperator(fs.db, C, spreadsheetId);

  const api = await startTestApi(fs.db, allNotifiers(...before(fs), sheetsNotifier({ db: fs.db, gateway })));
  api.setToday("2026-01-15");
  const deposit = await api.call("POST", `/v1/companies/${C}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  if (deposit.status !== 201) throw new Error(`deposit not recorded: ${JSON.stringify(deposit.body)}`);
  api.setToday("2026-03-10");

  const preview = await startAddonPreview({
    apiUrl: api.url,
    companyId: C,
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
  return {
    fs,
    sheets,
    api,
    preview,
    spreadsheetId,
    depositNumber: deposit.body.number ?? deposit.body.invoiceNumber,
    async values(range) {
      const response = await fetch(
        `${sheets.url}/v4/spreadsheets/${spreadsheetId}/values/${encodeURIComponent(range)}`,
        { headers: { authorization: `Bearer ${sheets.functionsAccess.accessToken}` } },
      );
      return ((await response.json()) as { values?: string[][] }).values ?? [];
    },
    async stop() {
      await preview.stop();
      await api.close();
      await sheets.stop();
    },
  };
}
