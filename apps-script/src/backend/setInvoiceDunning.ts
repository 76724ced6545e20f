import type { InvoiceDunningAnswer, InvoiceDunningBody } from "../interfaces/api";
import { formatDate } from "../frontend/format";
import { alertResult } from "./alert-result";
import { withActionKey } from "./action-key";
import { callApi } from "./api-client";
import { parseFrenchDate, unreadableDate } from "./french-date";
import { normalizeHeader } from "./row-id";
import { selectedInvoice } from "./selected-invoice";

const TITLE = "Litige ou promesse de paiement";

/**
 * The three collection states a menu run can set, exclusive of each other so
 * that the result is plain: a promise settles a dispute, a dispute makes a
 * promise moot, and lifting ends both (the letters resume).
 */
const CHOICES = [
  { number: "1", word: "litige", label: "litige (le client conteste la facture)" },
  { number: "2", word: "promesse", label: "promesse de paiement (le client s'engage à payer avant une date)" },
  { number: "3", word: "lever", label: "lever le litige ou la promesse (les relances reprennent)" },
] as const;
type Choice = (typeof CHOICES)[number]["word"];

export function dunningChoice(text: string): Choice | null {
  const typed = normalizeHeader(text);
  return CHOICES.find((c) => typed === c.number || typed === c.word)?.word ?? null;
}

export function describeDunning(answer: InvoiceDunningAnswer): string {
  const { disputed, disputeReason, promiseUntil } = answer.dunning;
  const invoice = `Facture ${answer.number}`;
  let state: string;
  if (disputed) {
    state = `${invoice} en litige${disputeReason ? ` (${disputeReason})` : ""} : aucune lettre de relance ne part tant que le litige n'est pas levé.`;
  } else if (promiseUntil) {
    state = `${invoice} : promesse de paiement jusqu'au ${formatDate(promiseUntil)}, aucune lettre de relance ne part d'ici là (inclus).`;
  } else {
    state = `${invoice} : ni litige ni promesse, les lettres de relance reprennent si elle est en retard.`;
  }
  return answer.changed ? state : `Rien n'a changé. ${state}`;
}

type Asked = { ok: true; body: InvoiceDunningBody } | { ok: false; problem: string | null };

/** The prompts after the choice; `problem` null means the user cancelled. */
function askBody(ui: GoogleAppsScript.Base.Ui, invoice: string): Asked {
  const ask = (question: string): string | null => {
    const answer = ui.prompt(TITLE, question, ui.ButtonSet.OK_CANCEL);
    return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : null;
  };
  const typed = ask(`${invoice}.\n\nTapez :\n${CHOICES.map((c) => `${c.number} — ${c.label}`).join("\n")}`);
  if (typed === null) return { ok: false, problem: null };
  const choice = dunningChoice(typed);
  if (choice === "lever") return { ok: true, body: { disputed: false, promiseUntil: null } };
  if (choice === "litige") {
    const reason = ask(`${invoice}.\n\nMotif du litige (ce que le client conteste) :`);
    if (reason === null) return { ok: false, problem: null };
    if (!reason) return { ok: false, problem: "Indiquez le motif du litige : ce que le client conteste." };
    return { ok: true, body: { disputed: true, disputeReason: reason, promiseUntil: null } };
  }
  if (choice === "promesse") {
    const date = ask(`${invoice}.\n\nDate jusqu'à laquelle le client promet de payer (jj/mm/aaaa) :`);
    if (date === null) return { ok: false, problem: null };
    const promiseUntil = parseFrenchDate(date);
    if (!promiseUntil) return { ok: false, problem: unreadableDate(date, "15/04/2026") };
    return { ok: true, body: { disputed: false, promiseUntil } };
  }
  return { ok: false, problem: `Réponse non reconnue : « ${typed} ». Tapez 1, 2 ou 3.` };
}

/**
 * Accounting records a dispute or a payment promise on the selected invoice,
 * or lifts it (POST …/invoices/{id}/dunning): the dunning letters stop
 * meanwhile; late-payment penalties keep running by law.
 */
export function setInvoiceDunning(): void {
  const ui = SpreadsheetApp.getUi();
  const picked = selectedInvoice();
  if (!picked.ok) {
    ui.alert(TITLE, picked.problem, ui.ButtonSet.OK);
    return;
  }
  const invoice = picked.name;
  const asked = askBody(ui, invoice);
  if (!asked.ok) {
    if (asked.problem) ui.alert(TITLE, asked.problem, ui.ButtonSet.OK);
    return;
  }
  const invoiceId = picked.id;
  const result = withActionKey(`dunning ${invoiceId}`, asked.body, (idempotencyKey) =>
    callApi<InvoiceDunningAnswer>({
      method: "post",
      path: `/invoices/${encodeURIComponent(invoiceId)}/dunning`,
      body: asked.body,
      idempotencyKey,
    }),
  );
  alertResult(TITLE, result, describeDunning);
}
