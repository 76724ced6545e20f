import type { Refund } from "../interfaces/api";
import { inSentence, REFUND_STATUS_LABELS } from "../../../functions/src/domain/vocabulary/labels";
import { formatDate, formatMoney } from "../frontend/format";
import { alertResult } from "./alert-result";
import { withActionKey } from "./action-key";
import { callApi } from "./api-client";
import { parseFrenchDate, unreadableDate } from "./french-date";
import { cellUnder } from "./row-id";
import { selectedRecord } from "./selected-row";

const SCHEDULE = { sheet: "Échéancier", aRow: "la ligne d'une échéance" };
const TITLE = "Marquer l'échéance payée";

/** The Échéancier's id is `{refundId}-{n}` (functions/src/sheets/sync/row-mappers.ts). */
export function instalmentOf(id: string): { refundId: string; n: number } | null {
  const match = /^(.+)-([1-9]\d*)$/.exec(id);
  return match ? { refundId: match[1], n: Number(match[2]) } : null;
}

/** `paidOn` null: the functions took their own today. */
export function describePayment(refund: Refund, n: number, paidOn: string | null): string {
  const schedule = refund.schedule ?? [];
  const instalment = schedule.find((i) => i.n === n);
  const which = [
    `Échéance ${n}${schedule.length > 0 ? `/${schedule.length}` : ""}`,
    refund.creditNote?.number ? ` de l'avoir ${refund.creditNote.number}` : "",
    instalment ? ` (${formatMoney(instalment.amount)})` : "",
  ].join("");
  const when = paidOn ? `le ${formatDate(paidOn)}` : "aujourd'hui";
  const done =
    refund.status === "refunded"
      ? ` Toutes les échéances sont payées : la demande est ${inSentence(REFUND_STATUS_LABELS.refunded)}.`
      : "";
  return `${which} enregistrée comme payée ${when}.${done}`;
}

/** Accounting records that an instalment of a refund was paid out (POST …/refunds/{id}/instalments/{n}/pay). */
export function markInstalmentPaid(): void {
  const ui = SpreadsheetApp.getUi();
  const picked = selectedRecord(
    SCHEDULE,
    "Cette ligne n'a pas d'identifiant d'échéance. Choisissez une autre ligne ou resynchronisez le classeur.",
  );
  if (!picked.ok) {
    ui.alert(TITLE, picked.problem, ui.ButtonSet.OK);
    return;
  }
  const instalment = instalmentOf(picked.id);
  if (!instalment) {
    ui.alert(
      TITLE,
      `« ${picked.id} » n'est pas un identifiant d'échéance. Choisissez une autre ligne ou resynchronisez le classeur.`,
      ui.ButtonSet.OK,
    );
    return;
  }
  const cell = (header: string) => cellUnder(picked.headers, picked.values, header);
  const which = [
    `Échéance ${instalment.n}`,
    cell("Avoir") && ` de l'avoir ${cell("Avoir")}`,
    cell("Client") && ` (${cell("Client")})`,
  ].join("");
  const answer = ui.prompt(
    TITLE,
    `${which}.\n\nDate du paiement (jj/mm/aaaa) ; laissez vide pour aujourd'hui :`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const typed = answer.getResponseText().trim();
  const paidOn = typed ? parseFrenchDate(typed) : null;
  if (typed && !paidOn) {
    ui.alert(TITLE, unreadableDate(typed, "31/03/2026"), ui.ButtonSet.OK);
    return;
  }
  const { refundId, n } = instalment;
  const body = paidOn ? { paidOn } : {};
  const result = withActionKey(`pay ${refundId}-${n}`, body, (idempotencyKey) =>
    callApi<Refund>({
      method: "post",
      path: `/refunds/${encodeURIComponent(refundId)}/instalments/${n}/pay`,
      body,
      idempotencyKey,
    }),
  );
  alertResult(TITLE, result, (refund) => describePayment(refund, n, paidOn));
}
