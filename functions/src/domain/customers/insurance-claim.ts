/**
 * A claim on the credit insurance, followed by status: the overdue invoice
 * is declared to the insurer (déclaration de menace de sinistre), which then
 * indemnifies or refuses, and the file is closed. Pure: the command stores
 * what `nextInsuranceClaim` answers on the invoice's state.
 */
import { frenchDate } from "../dates/calendar-date";
import type { MoneyString } from "../money/money";
import { INSURANCE_CLAIM_STATUS_LABELS, inSentence } from "../vocabulary/labels";
import { euros } from "../reminders/french-amount";
import { insuranceClaimNextSteps, type InsuranceClaimStatus } from "./insurance-claim-steps";

export { INSURANCE_CLAIM_STATUSES, type InsuranceClaimStatus } from "./insurance-claim-steps";

/** One step as recorded: when, the insurer's reference, the amount (declared, or indemnified). */
export interface InsuranceClaimStep {
  status: InsuranceClaimStatus;
  on: string;
  reference: string | null;
  amount: MoneyString | null;
}

/** The claim as kept on the invoice: its current status and every step, oldest first. */
export interface InsuranceClaim {
  status: InsuranceClaimStatus;
  /** The day it was declared: the declaration reminder stops from then. */
  declaredOn: string;
  /** The insurer's claim reference, the latest given. */
  reference: string | null;
  steps: InsuranceClaimStep[];
}

/** The answer of nextInsuranceClaim: the claim after the step, whether it changed, or why it is refused (French). */
export type ClaimTransition =
  { ok: true; claim: InsuranceClaim; changed: boolean } | { ok: false; field: "status" | "on"; problem: string };

const label = (s: InsuranceClaimStatus) => inSentence(INSURANCE_CLAIM_STATUS_LABELS[s]);

/**
 * Applies one step to the claim: declared → indemnified or refused →
 * closed. The same step given again (same status, day, reference and
 * amount) changes nothing, so a retried call is harmless; any other step
 * out of order, a day before the previous step's, or after `today`, is
 * refused with its reason in French.
 *
 * @example
 * nextInsuranceClaim(null, { status: "declared", on: "2026-05-12", reference: "SIN-778" }, "2026-05-12");
 * // → { ok: true, changed: true, claim: { status: "declared", declaredOn: "2026-05-12", reference: "SIN-778", steps: [1 step] } }
 * nextInsuranceClaim(null, { status: "closed", on: "2026-05-12" }, "2026-05-12");
 * // → { ok: false, field: "status", problem: "une créance non déclarée ne peut pas passer à « clôturée » : déclarez-la d'abord" }
 */
export function nextInsuranceClaim(
  current: InsuranceClaim | null | undefined,
  step: { status: InsuranceClaimStatus; on: string; reference?: string; amount?: MoneyString },
  today: string,
): ClaimTransition {
  const recorded: InsuranceClaimStep = {
    status: step.status,
    on: step.on,
    reference: step.reference ?? null,
    amount: step.amount ?? null,
  };
  const last = current?.steps.at(-1);
  if (last && current?.status === step.status) {
    const same = last.on === recorded.on && last.reference === recorded.reference && last.amount === recorded.amount;
    if (same) return { ok: true, claim: current, changed: false };
    return {
      ok: false,
      field: "status",
      problem: `l'étape « ${label(step.status)} » est déjà enregistrée au ${frenchDate(last.on)}${last.amount ? ` (${euros(last.amount)})` : ""} : une étape enregistrée ne se modifie pas`,
    };
  }
  const from = current?.status ?? null;
  const next = insuranceClaimNextSteps(from);
  if (!next.includes(step.status)) {
    const allowed = next.map((s) => `« ${label(s)} »`).join(" ou ");
    const problem =
      from === null
        ? `une créance non déclarée ne peut pas passer à « ${label(step.status)} » : déclarez-la d'abord`
        : from === "closed"
          ? `le dossier est clôturé : plus aucune étape ne peut suivre`
          : `après l'étape « ${label(from)} », « ${label(step.status)} » ne peut pas suivre : étape suivante possible ${allowed}`;
    return { ok: false, field: "status", problem };
  }
  if (step.on > today)
    return {
      ok: false,
      field: "on",
      problem: `le ${frenchDate(step.on)} est à venir, indiquez une date passée ou aujourd'hui`,
    };
  if (last && step.on < last.on)
    return {
      ok: false,
      field: "on",
      problem: `le ${frenchDate(step.on)} précède l'étape « ${label(last.status)} » du ${frenchDate(last.on)}`,
    };
  return {
    ok: true,
    changed: true,
    claim: {
      status: step.status,
      declaredOn: current?.declaredOn ?? step.on,
      reference: recorded.reference ?? current?.reference ?? null,
      steps: [...(current?.steps ?? []), recorded],
    },
  };
}

/**
 * The claim in one French phrase, as the `Factures` sheet shows it.
 *
 * @example
 * insuranceClaimSummary({ status: "indemnified", declaredOn: "2026-05-12", reference: "SIN-778",
 *   steps: [{ status: "declared", on: "2026-05-12", reference: "SIN-778", amount: null },
 *           { status: "indemnified", on: "2026-07-03", reference: null, amount: "9600.00" }] });
 * // → "Indemnisée le 03/07/2026 (9 600,00 €) – déclarée le 12/05/2026, réf. SIN-778"
 */
export function insuranceClaimSummary(claim: InsuranceClaim): string {
  const last = claim.steps[claim.steps.length - 1];
  const now = `${INSURANCE_CLAIM_STATUS_LABELS[claim.status]} le ${frenchDate(last.on)}${last.amount ? ` (${euros(last.amount)})` : ""}`;
  const ref = claim.reference ? `réf. ${claim.reference}` : "";
  if (claim.status === "declared") return ref ? `${now}, ${ref}` : now;
  return `${now} – déclarée le ${frenchDate(claim.declaredOn)}${ref ? `, ${ref}` : ""}`;
}
