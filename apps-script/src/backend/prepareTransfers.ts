import type { TransferFileSummary } from "../interfaces/api";
import { describeTransferFile } from "../frontend/transfer-text";
import { withActionKey } from "./action-key";
import { callApi, downloadApi } from "./api-client";
import { downloadPage } from "./download-page";
import { describeFecRefusal } from "./exportFec";
import { parseFrenchDate, unreadableDate } from "./french-date";

const TITLE = "Préparer les virements";

/**
 * Accounting approvers and admins: asks the execution date, has the
 * functions put the approved instalments due by then in a SEPA transfer
 * file (POST …/bank/transfers, keyed so a retry after a lost answer makes
 * no second file), then offers the file for download.
 */
export function prepareTransfers(): void {
  const ui = SpreadsheetApp.getUi();
  const asked = ui.prompt(
    TITLE,
    "Date d'exécution des virements (jj/mm/aaaa) : les échéances approuvées dues jusqu'à cette date, avec l'IBAN du bénéficiaire, sont reprises :",
    ui.ButtonSet.OK_CANCEL,
  );
  if (asked.getSelectedButton() !== ui.Button.OK) return;
  const typed = asked.getResponseText().trim();
  const executionDate = parseFrenchDate(typed);
  if (!executionDate) {
    ui.alert(TITLE, unreadableDate(typed, "30/11/2026"), ui.ButtonSet.OK);
    return;
  }
  const body = { executionDate };
  const prepared = withActionKey(`transfers ${executionDate}`, body, (idempotencyKey) =>
    callApi<TransferFileSummary>({ method: "post", path: "/bank/transfers", body, idempotencyKey }),
  );
  if (!prepared.ok) {
    ui.alert(TITLE, describeFecRefusal(prepared.error.message, prepared.error.details), ui.ButtonSet.OK);
    return;
  }
  const summary = prepared.data;
  const file = downloadApi({ method: "get", path: `/bank/transfers/${encodeURIComponent(summary.id)}` });
  if (!file.ok) {
    ui.alert(
      TITLE,
      `${describeTransferFile(summary)}\n\nLe téléchargement a échoué : ${file.error.message}`,
      ui.ButtonSet.OK,
    );
    return;
  }
  const page = HtmlService.createHtmlOutput(downloadPage(describeTransferFile(summary), file.data, "application/xml"))
    .setWidth(460)
    .setHeight(200);
  ui.showModalDialog(page, TITLE);
}
