/**
 * Reads the *Demander un remboursement* form into the API's refund proposal,
 * or says which fields are wrong. The functions validate again; this only
 * spares a round trip for what the user can fix at once.
 */
import type { Deposit, RefundProposal, RefundReason, RefundScope, ScheduleProposal } from "../interfaces/api";
import { byId, el } from "./dom";
import { formatMoney, formatRate, parseAmount } from "./format";
import { REASON_LABELS } from "./labels";

export type FormReading = { ok: true; proposal: RefundProposal } | { ok: false; errors: Record<string, string> };

const ERROR_FIELDS = [
  "scope-amount",
  "lines",
  "reason",
  "termination-date",
  "single-date",
  "equal",
  "dates",
  "comment",
] as const;

/** Each error slot named as the form labels it, for the line under a greyed button. */
export const FIELD_LABELS: Record<string, string> = {
  deposit: "la ligne de l'acompte dans « Acomptes »",
  "scope-amount": "Montant TTC",
  lines: "HT à rembourser par taux de TVA",
  reason: "Motif",
  "termination-date": "Date de résiliation ou de rétractation",
  "single-date": "Date du paiement",
  equal: "Échéances égales",
  dates: "Dates et montants choisis",
  comment: "Commentaire",
};

/**
 * The error slot of the form field an api detail names (`details[].path`),
 * given the options chosen; null when no field of the form holds it.
 */
export function fieldOfPath(path: string): string | null {
  const [head, second] = path.split(".");
  if (head === "scope") {
    const scope = checked("scope");
    if (second === "lines" || (!second && scope === "lines")) return "lines";
    return scope === "amount" ? "scope-amount" : null;
  }
  if (head === "schedule") {
    const schedule = checked("schedule");
    return schedule === "equal" ? "equal" : schedule === "dates" ? "dates" : "single-date";
  }
  if (head === "terminationDate") return "termination-date";
  if (head === "reason" || head === "comment") return head;
  return null;
}

function checked(name: string): string {
  return document.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? "";
}

function value(id: string): string {
  return byId<HTMLInputElement>(id).value.trim();
}

export function fillReasons(): void {
  const select = byId<HTMLSelectElement>("reason");
  for (const [code, label] of Object.entries(REASON_LABELS)) select.append(el("option", { value: code }, label));
}

/**
 * One net-amount input per VAT rate of the deposit, for a refund by line,
 * proposing what is still refundable at that rate (not what was invoiced).
 */
export function fillLines(deposit: Deposit | null): void {
  const box = byId("scope-lines");
  box.replaceChildren();
  (deposit?.lines ?? []).forEach((line, index) => {
    const id = `line-${index}`;
    const left = deposit?.refundableLines?.find((l) => l.vatRate === line.vatRate)?.net ?? line.net;
    box.append(
      el("label", { for: id }, `HT à rembourser, TVA ${formatRate(line.vatRate)} (reste ${formatMoney(left)})`),
      el("input", {
        id,
        "data-rate": line.vatRate,
        inputmode: "decimal",
        autocomplete: "off",
        placeholder: left.replace(".", ","),
      }),
    );
  });
  box.append(el("p", { class: "field-error", id: "lines-error" }));
}

let dateRows = 0;

export function addDateRow(): void {
  const rows = byId("dates-rows");
  const n = ++dateRows;
  const remove = el("button", { type: "button", class: "danger small", "aria-label": `Retirer l'échéance ${n}` }, "×");
  const row = el(
    "div",
    { class: "date-row" },
    el(
      "div",
      {},
      el("label", { for: `date-${n}` }, `Date ${n}`),
      el("input", { type: "date", id: `date-${n}`, "data-role": "date" }),
    ),
    el(
      "div",
      {},
      el("label", { for: `amount-${n}` }, `Montant ${n} (€)`),
      el("input", { id: `amount-${n}`, "data-role": "amount", inputmode: "decimal", autocomplete: "off" }),
    ),
    remove,
  );
  remove.addEventListener("click", () => {
    row.remove();
    rows.dispatchEvent(new Event("input", { bubbles: true }));
  });
  rows.append(row);
}

function readScope(errors: Record<string, string>): RefundScope | null {
  const kind = checked("scope");
  if (kind === "amount") {
    const amount = parseAmount(value("scope-amount"));
    if (!amount) {
      errors["scope-amount"] = "Saisissez un montant positif, avec au plus deux décimales (ex. 1 200,00).";
      return null;
    }
    return { kind: "amount", amount };
  }
  if (kind === "lines") {
    const lines: { vatRate: string; net: string }[] = [];
    for (const input of Array.from(document.querySelectorAll<HTMLInputElement>("#scope-lines input"))) {
      if (!input.value.trim()) continue;
      const net = parseAmount(input.value);
      if (!net) {
        errors.lines = "Chaque montant HT doit être positif, avec au plus deux décimales.";
        return null;
      }
      lines.push({ vatRate: input.dataset.rate ?? "", net });
    }
    if (lines.length === 0) {
      errors.lines = "Saisissez le montant HT à rembourser pour au moins un taux de TVA.";
      return null;
    }
    return { kind: "lines", lines };
  }
  return { kind: "full" };
}

function readSchedule(errors: Record<string, string>): ScheduleProposal | null {
  const kind = checked("schedule");
  if (kind === "equal") {
    const count = Number(value("equal-count"));
    const intervalMonths = Number(value("equal-interval"));
    const firstDate = value("equal-first");
    if (!Number.isInteger(count) || count < 2 || count > 24)
      errors.equal = "Le nombre d'échéances doit être entre 2 et 24.";
    else if (!Number.isInteger(intervalMonths) || intervalMonths < 1 || intervalMonths > 12)
      errors.equal = "L'intervalle doit être de 1 à 12 mois.";
    else if (!firstDate) errors.equal = "Indiquez la date de la première échéance.";
    return errors.equal ? null : { kind: "equal", count, intervalMonths, firstDate };
  }
  if (kind === "dates") {
    const instalments: { dueDate: string; amount: string }[] = [];
    for (const row of Array.from(document.querySelectorAll<HTMLElement>("#dates-rows .date-row"))) {
      const dueDate = row.querySelector<HTMLInputElement>('[data-role="date"]')?.value ?? "";
      const amount = parseAmount(row.querySelector<HTMLInputElement>('[data-role="amount"]')?.value ?? "");
      if (!dueDate || !amount) {
        errors.dates = "Chaque échéance doit avoir une date et un montant positif.";
        return null;
      }
      instalments.push({ dueDate, amount });
    }
    if (instalments.length === 0) {
      errors.dates = "Ajoutez au moins une échéance.";
      return null;
    }
    return { kind: "dates", instalments };
  }
  const date = value("single-date");
  if (!date) {
    errors["single-date"] = "Indiquez la date du paiement.";
    return null;
  }
  return { kind: "single", date };
}

export function readRequestForm(deposit: Deposit | null): FormReading {
  const errors: Record<string, string> = {};
  const scope = readScope(errors);
  const reason = value("reason") as RefundReason | "";
  if (!reason) errors.reason = "Choisissez le motif du remboursement.";
  const schedule = readSchedule(errors);
  if (!deposit) errors.deposit = "Sélectionnez d'abord la ligne d'un acompte.";
  if (Object.keys(errors).length > 0 || !scope || !schedule || !reason || !deposit) return { ok: false, errors };
  const comment = byId<HTMLTextAreaElement>("comment").value.trim();
  const terminationDate = byId("termination").hidden ? "" : value("termination-date");
  return {
    ok: true,
    proposal: {
      depositId: deposit.id,
      scope,
      reason,
      schedule,
      ...(terminationDate ? { terminationDate } : {}),
      ...(comment ? { comment } : {}),
    },
  };
}

/**
 * What a quote depends on: the proposal without its comment, which changes no
 * amount. Typing a comment therefore never asks for a new quote.
 */
export function pricedPart(proposal: RefundProposal): string {
  return JSON.stringify({ ...proposal, comment: undefined });
}

/** Shows each field's message beside it and marks the field invalid for screen readers. */
export function showFieldErrors(errors: Record<string, string>, onlyTouched: Set<string> | null): void {
  for (const field of ERROR_FIELDS) {
    const message = errors[field] && (!onlyTouched || onlyTouched.has(field)) ? errors[field] : "";
    const holder = document.getElementById(`${field}-error`);
    if (holder) holder.textContent = message;
    const input = document.getElementById(field);
    if (input) input.setAttribute("aria-invalid", String(Boolean(message)));
  }
}

/** Shows the sub-fields of the chosen options only. */
export function syncChoices(): void {
  const scope = checked("scope");
  const schedule = checked("schedule");
  document.querySelectorAll<HTMLElement>("[data-scope]").forEach((box) => (box.hidden = box.dataset.scope !== scope));
  document
    .querySelectorAll<HTMLElement>("[data-schedule]")
    .forEach((box) => (box.hidden = box.dataset.schedule !== schedule));
}
