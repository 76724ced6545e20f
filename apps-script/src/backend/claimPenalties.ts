import type { PenaltyClaimBody, PenaltyInvoiceRecorded } from "../interfaces/api";
import { formatDate, formatMoney } from "../frontend/format";
import { alertResult } from "./alert-result";
import { withActionKey } from "./action-key";
import { callApi } from "./api-client";
import { normalizeHeader } from "./row-id";
import { selectedInvoice } from "./selected-invoice";

const TITLE = "Facturer les pénalités de retard";

/** « 1 » / « avec » claims the €40 indemnity with the penalties, « 2 » / « sans » leaves it out. */
export function indemnityChoice(text: string): PenaltyClaimBody | null {
  const typed = normalizeHeader(text);
  if (typed === "1" || typed === "avec") return { claimIndemnity: true };
  if (typed === "2" || typed === "sans") return { claimIndemnity: false };
  return null;
}

export function describePenaltyInvoice(answer: PenaltyInvoiceRecorded): string {
  const claim = answer.content.penaltyClaim;
  const indemnity = claim.indemnity !== "0.00" ? ` et l'indemnité forfaitaire de ${formatMoney(claim.indemnity)}` : "";
  return (
    `Facture de pénalités ${answer.number} émise pour la facture ${claim.number} du ${formatDate(claim.date)} ` +
    `(échue le ${formatDate(claim.dueDate)}) : pénalités de retard de ${formatMoney(claim.penalties)}${indemnity}, ` +
    `soit ${formatMoney(answer.openAmount)} sans TVA, à payer au plus tard le ${formatDate(answer.dueDate)}.`
  );
}

/**
 * Accounting (or an admin) invoices the late-payment penalties of the
 * selected invoice (POST …/invoices/{id}/penalties, Code de commerce
 * L441-10) and, unless told not to, the €40 indemnity (D441-5), claimed once
 * per invoice whatever is typed. The functions refuse, in French, a consumer
 * customer, an invoice not late and a claim that would add nothing.
 */
export function claimPenalties(): void {
  const ui = SpreadsheetApp.getUi();
  const picked = selectedInvoice();
  if (!picked.ok) {
    ui.alert(TITLE, picked.problem, ui.ButtonSet.OK);
    return;
  }
  const answer = ui.prompt(
    TITLE,
    `${picked.name}.\n\nPénalités de retard dues depuis le lendemain de l'échéance (Code de commerce L441-10), sans TVA.\n` +
      "Tapez :\n1 — avec l'indemnité forfaitaire de 40 € (D441-5, une seule fois par facture)\n2 — sans l'indemnité",
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const body = indemnityChoice(answer.getResponseText().trim());
  if (!body) {
    ui.alert(TITLE, `Réponse non reconnue : « ${answer.getResponseText().trim()} ». Tapez 1 ou 2.`, ui.ButtonSet.OK);
    return;
  }
  const invoiceId = picked.id;
  const result = withActionKey(`penalties ${invoiceId}`, body, (idempotencyKey) =>
    callApi<PenaltyInvoiceRecorded>({
      method: "post",
      path: `/invoices/${encodeURIComponent(invoiceId)}/penalties`,
      body,
      idempotencyKey,
    }),
  );
  alertResult(TITLE, result, describePenaltyInvoice);
}
