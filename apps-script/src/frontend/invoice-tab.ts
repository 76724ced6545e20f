/**
 * *Facture* (accounting approvers and admins, issue #16): the invoice of the
 * row selected in `Factures` and its « Sinistre assurance-crédit » — the
 * claim as it stands, and the next step to record with its date, the
 * insurer's reference and the amount. Only the steps the claim allows are
 * offered (the engine's own table); the functions check them again.
 */
import type { InsuranceClaimBody, InsuranceClaimStatus, InvoiceInsuranceClaimDetail } from "../interfaces/api";
import type { SelectedInvoiceRow } from "../interfaces/sidebar-context";
import { insuranceClaimNextSteps } from "../../../functions/src/domain/customers/insurance-claim-steps";
import { INSURANCE_CLAIM_STATUS_LABELS } from "../../../functions/src/domain/vocabulary/labels";
import { parseFrenchDate, unreadableDate } from "../backend/french-date";
import { clearBanner, showSuccess } from "./banner";
import { whileBusy } from "./busy";
import { byId, el, facts } from "./dom";
import { formatDate, formatMoney, parseAmount, todayIso } from "./format";
import { showFieldRefusal } from "./field-refusal";
import { KeyedActions } from "./keyed-action";
import { callServer } from "./server";

/** The error slot of each field the functions may name (`details[].path`). */
const SLOT_OF_PATH: Record<string, string> = {
  status: "claim-step-error",
  on: "claim-date-error",
  reference: "claim-reference-error",
  amount: "claim-amount-error",
};
const SLOTS = Object.values(SLOT_OF_PATH);

/** What the amount means at each step; none for a refusal or a closing. */
const AMOUNT_OF_STEP: Partial<Record<InsuranceClaimStatus, { label: string; required: boolean }>> = {
  declared: { label: "Montant déclaré (€)", required: false },
  indemnified: { label: "Montant de l'indemnité reçue (€)", required: true },
};

const NO_INVOICE = "Sélectionnez la ligne d'une facture dans la feuille « Factures ».";

export type ClaimFormReading = { ok: true; body: InsuranceClaimBody } | { ok: false; errors: Record<string, string> };

/** The form as typed, checked before anything is sent; errors by slot, each naming its field by its label. */
export function readClaimForm(typed: {
  step: string;
  date: string;
  reference: string;
  amount: string;
  allowed: readonly InsuranceClaimStatus[];
}): ClaimFormReading {
  const errors: Record<string, string> = {};
  const status = typed.allowed.find((s) => s === typed.step);
  if (!status) errors["claim-step-error"] = "Statut à enregistrer : choisissez l'étape du sinistre.";
  const on = parseFrenchDate(typed.date);
  if (!on)
    errors["claim-date-error"] = typed.date.trim()
      ? `Date : ${unreadableDate(typed.date.trim(), "12/05/2026")}`
      : "Date : indiquez le jour de l'étape (jj/mm/aaaa).";
  const amountField = status ? AMOUNT_OF_STEP[status] : undefined;
  const amountText = amountField ? typed.amount.trim() : "";
  const amount = amountText ? parseAmount(amountText) : null;
  if (amountText && !amount)
    errors["claim-amount-error"] = `Montant : « ${amountText} » n'est pas un montant positif (ex. 9 072,00).`;
  else if (amountField?.required && !amount)
    errors["claim-amount-error"] = "Montant : indiquez le montant de l'indemnité reçue.";
  if (!status || !on || Object.keys(errors).length > 0) return { ok: false, errors };
  const reference = typed.reference.trim();
  return {
    ok: true,
    body: { status, on, ...(reference ? { reference } : {}), ...(amount ? { amount } : {}) },
  };
}

/** One recorded step: « Déclarée le 12/05/2026 — réf. SIN-778 — 10 080,00 € ». */
function stepText(step: NonNullable<InvoiceInsuranceClaimDetail["insuranceClaim"]>["steps"][number]): string {
  return [
    `${INSURANCE_CLAIM_STATUS_LABELS[step.status]} le ${formatDate(step.on)}`,
    step.reference ? `réf. ${step.reference}` : null,
    step.amount ? formatMoney(step.amount) : null,
  ]
    .filter(Boolean)
    .join(" — ");
}

export class InvoiceTab {
  private readonly box = byId("invoice");
  private readonly form = byId<HTMLFormElement>("claim-form");
  private readonly step = byId<HTMLSelectElement>("claim-step");
  private readonly date = byId<HTMLInputElement>("claim-date");
  private readonly reference = byId<HTMLInputElement>("claim-reference");
  private readonly amount = byId<HTMLInputElement>("claim-amount");
  private readonly submit = byId<HTMLButtonElement>("record-claim");
  private readonly actions = new KeyedActions();
  /** Whether the caller's roles may follow claims: the routes answer accounting approvers and admins only. */
  private allowed = false;
  /** The invoice id (or the reason for none) shown, so that the poll asks again only when it changes. */
  private shown: string | null = null;
  private detail: InvoiceInsuranceClaimDetail | null = null;
  private seq = 0;

  constructor() {
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.record();
    });
    this.step.addEventListener("change", () => this.showAmountField());
    const refresh = byId<HTMLButtonElement>("refresh-invoice");
    refresh.addEventListener("click", () => {
      // The last confirmation speaks of the claim as it was.
      clearBanner();
      void whileBusy([refresh], () => this.refresh(), "Actualisation…");
    });
    this.form.addEventListener("input", (event) => {
      const slot = `${(event.target as HTMLElement).id}-error`;
      if (SLOTS.includes(slot)) byId(slot).textContent = "";
    });
  }

  permit(allowed: boolean): void {
    this.allowed = allowed;
  }

  /** Each poll's reading of the selection: a newly selected invoice is loaded, the same one left as it is. */
  async follow(selected: SelectedInvoiceRow | null): Promise<void> {
    if (!this.allowed || this.submit.getAttribute("aria-busy") === "true") return;
    // Leaving `Factures` keeps the invoice on screen: the person may be typing in the sidebar.
    if (!selected) return;
    const shown = selected.invoiceId ?? `|${selected.problem ?? ""}`;
    if (shown === this.shown) return;
    this.shown = shown;
    if (selected.invoiceId) return this.load(selected.invoiceId);
    // An answer still on its way is for the row left: it must not replace this.
    this.seq++;
    this.showNone(selected.problem ?? NO_INVOICE);
  }

  /** The shown invoice read again: another person may have recorded a step meanwhile. */
  async refresh(): Promise<void> {
    if (this.detail && this.submit.getAttribute("aria-busy") !== "true") await this.load(this.detail.id);
  }

  private async load(invoiceId: string): Promise<void> {
    const seq = ++this.seq;
    this.box.setAttribute("aria-busy", "true");
    const answer = await callServer("getInsuranceClaim", invoiceId);
    if (seq !== this.seq) return;
    this.box.setAttribute("aria-busy", "false");
    if (!answer.ok) {
      // A passing failure is asked again at the next poll.
      if (answer.error.retryable) this.shown = null;
      return this.showNone(answer.error.message, true);
    }
    this.show(answer.data);
  }

  private showNone(problem: string, isError = false): void {
    this.detail = null;
    this.box.replaceChildren(
      el("p", { class: isError ? "field-error" : "muted", role: isError ? "alert" : undefined }, problem),
    );
    this.form.hidden = true;
  }

  /** The invoice, its claim and the form for the steps that may follow. */
  private show(detail: InvoiceInsuranceClaimDetail): void {
    this.detail = detail;
    const claim = detail.insuranceClaim;
    this.box.replaceChildren(
      el("strong", {}, `Facture ${detail.number}`),
      facts([
        ["Client", detail.customer],
        ["Échéance", formatDate(detail.dueDate)],
        ["Total de la facture", formatMoney(detail.gross)],
        ["Reste dû", formatMoney(detail.openAmount)],
      ]),
    );
    const summary = el(
      "p",
      {},
      el("span", { class: "muted" }, "Statut : "),
      el("span", { id: "claim-summary" }, detail.summary ?? "aucun sinistre déclaré pour cette facture."),
    );
    const steps =
      claim && claim.steps.length > 1
        ? [
            el(
              "ol",
              { class: "claim-steps", "aria-label": "Étapes enregistrées" },
              ...claim.steps.map((s) => el("li", {}, stepText(s))),
            ),
          ]
        : [];
    byId("claim-status").replaceChildren(summary, ...steps);
    const next = insuranceClaimNextSteps(claim?.status);
    this.form.hidden = false;
    byId("claim-next").hidden = next.length === 0;
    byId("claim-closed").hidden = next.length > 0;
    this.step.replaceChildren(...next.map((s) => el("option", { value: s }, INSURANCE_CLAIM_STATUS_LABELS[s])));
    this.date.value = formatDate(todayIso());
    this.reference.value = "";
    this.amount.value = "";
    for (const slot of SLOTS) byId(slot).textContent = "";
    this.showAmountField();
  }

  private showAmountField(): void {
    const field = AMOUNT_OF_STEP[this.step.value as InsuranceClaimStatus];
    byId("claim-amount-field").hidden = !field;
    if (!field) return;
    byId("claim-amount-label").textContent = field.label;
    byId("claim-amount-optional").hidden = field.required;
    this.amount.required = field.required;
  }

  private async record(): Promise<void> {
    const detail = this.detail;
    if (!detail) return;
    clearBanner();
    const reading = readClaimForm({
      step: this.step.value,
      date: this.date.value,
      reference: this.reference.value,
      amount: this.amount.value,
      allowed: insuranceClaimNextSteps(detail.insuranceClaim?.status),
    });
    for (const slot of SLOTS) byId(slot).textContent = reading.ok ? "" : (reading.errors[slot] ?? "");
    if (!reading.ok) return;
    const { body } = reading;
    const answer = await this.actions.run(
      `${detail.id}:claim`,
      body,
      [this.submit],
      "Enregistrement…",
      (key) => callServer("recordInsuranceClaim", detail.id, body, key),
      (refusal) => showFieldRefusal(refusal, SLOT_OF_PATH, SLOTS),
    );
    if (!answer) return;
    const label = INSURANCE_CLAIM_STATUS_LABELS[answer.insuranceClaim.status];
    showSuccess(
      answer.changed
        ? `Sinistre de la facture ${answer.number} : étape « ${label} » enregistrée.`
        : `Sinistre de la facture ${answer.number} : l'étape « ${label} » était déjà enregistrée, rien n'a changé.`,
    );
    // The claim as stored now, in the words the `Factures` sheet uses.
    await this.load(detail.id);
  }
}
