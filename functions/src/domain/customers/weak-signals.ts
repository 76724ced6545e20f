/**
 * Weak signals: what sales and accounting should hear about a customer the
 * day its profile changes — its lateness crossed a threshold or started to
 * worsen, a payment promise was broken, its exposure passed a limit. Only
 * transitions count: comparing a profile with an equal one yields nothing,
 * so recomputing a profile twice never tells anyone twice.
 */
import { frenchDate } from "../dates/calendar-date";
import { Dec, money } from "../money/money";
import { euros, frenchDays } from "../reminders/french-amount";
import { parseInput } from "../validation/field-errors";
import { WEAK_SIGNAL_LABELS } from "../vocabulary/labels";
import { riskClassRank } from "./risk-class";
import type { RiskProfile } from "./risk-profile";
import { RiskThresholdsInput, criterionClass, riskThresholdsSchema } from "./risk-thresholds";

/** What a weak signal is about. */
export const WEAK_SIGNAL_KINDS = [
  "lateness_worsened",
  "promise_broken",
  "credit_limit_passed",
  "insured_limit_passed",
] as const;
/** One of WEAK_SIGNAL_KINDS. */
export type WeakSignalKind = (typeof WEAK_SIGNAL_KINDS)[number];

/** A signal to tell people about, in French; promise_broken names its invoice. */
export interface WeakSignal {
  kind: WeakSignalKind;
  message: string;
  invoiceId?: string;
}

type Profile = Pick<
  RiskProfile,
  | "asOf"
  | "weightedDaysLate"
  | "trend"
  | "brokenPromiseInvoices"
  | "exposure"
  | "creditLimit"
  | "insuredLimit"
  | "overCreditLimit"
  | "overInsuredLimit"
>;

/** The rank of the worst days-late threshold reached (0: none). */
function latenessBand(profile: Profile | null, thresholds: Parameters<typeof criterionClass>[2]): number {
  if (!profile) return 0;
  const reached = criterionClass("daysLate", new Dec(profile.weightedDaysLate), thresholds);
  return reached ? riskClassRank(reached.riskClass) : 0;
}

function limitMessage(label: string, limitName: string, exposure: string, limit: string): string {
  return `${label} : encours de ${euros(exposure)} pour une ${limitName} de ${euros(limit)}, soit ${euros(money(exposure).minus(limit))} au-delà.`;
}

/**
 * The signals between two profiles of one customer, `previous` (null before
 * the first profile, read as a customer without any incident, so a first
 * profile already in trouble is told once) and `next`:
 * - lateness_worsened: the weighted days late reached a higher class
 *   threshold (daysLateB/C/D), or else the trend newly became worsening;
 * - promise_broken: one per invoice whose promise (invoice and promise day)
 *   was not broken before;
 * - credit_limit_passed / insured_limit_passed: the exposure is newly above
 *   the limit.
 *
 * @example
 * weakSignals(null, { …profile, overCreditLimit: true, exposure: "12500.00", creditLimit: "10000.00" });
 * // → [{ kind: "credit_limit_passed",
 * //      message: "Limite de crédit dépassée : encours de 12 500,00 € pour une limite de crédit de 10 000,00 €, soit 2 500,00 € au-delà." }]
 */
export function weakSignals(
  previous: Profile | null,
  next: Profile,
  rawThresholds?: RiskThresholdsInput,
): WeakSignal[] {
  const thresholds = parseInput(riskThresholdsSchema, rawThresholds ?? {});
  const signals: WeakSignal[] = [];
  const band = latenessBand(next, thresholds);
  if (band > latenessBand(previous, thresholds)) {
    // Reached: the band is above 0.
    const reached = criterionClass("daysLate", new Dec(next.weightedDaysLate), thresholds)!;
    const before = previous ? ` (${frenchDays(previous.weightedDaysLate)} au ${frenchDate(previous.asOf)})` : "";
    signals.push({
      kind: "lateness_worsened",
      message: `${WEAK_SIGNAL_LABELS.lateness_worsened} : retard moyen pondéré de ${frenchDays(next.weightedDaysLate)} sur les 12 derniers mois${before}, seuil de la classe ${reached.riskClass} (${frenchDays(String(reached.threshold))}) franchi.`,
    });
  } else if (next.trend.worsening && !previous?.trend.worsening) {
    signals.push({
      kind: "lateness_worsened",
      message: `${WEAK_SIGNAL_LABELS.lateness_worsened} : ${frenchDays(next.trend.recent)} de retard moyen sur les factures échues ces 3 derniers mois contre ${frenchDays(next.trend.previous)} sur les 9 mois précédents.`,
    });
  }
  const key = (p: { invoiceId: string; promiseUntil: string }) => `${p.invoiceId}|${p.promiseUntil}`;
  const known = new Set((previous?.brokenPromiseInvoices ?? []).map(key));
  for (const p of next.brokenPromiseInvoices.filter((p) => !known.has(key(p))))
    signals.push({
      kind: "promise_broken",
      invoiceId: p.invoiceId,
      message: `${WEAK_SIGNAL_LABELS.promise_broken} : la facture ${p.number} devait être réglée au plus tard le ${frenchDate(p.promiseUntil)} ; reste dû ${euros(p.openAmount)}.`,
    });
  if (next.overCreditLimit && !previous?.overCreditLimit && next.creditLimit !== null)
    signals.push({
      kind: "credit_limit_passed",
      message: limitMessage(
        WEAK_SIGNAL_LABELS.credit_limit_passed,
        "limite de crédit",
        next.exposure,
        next.creditLimit,
      ),
    });
  if (next.overInsuredLimit && !previous?.overInsuredLimit && next.insuredLimit !== null)
    signals.push({
      kind: "insured_limit_passed",
      message: limitMessage(
        WEAK_SIGNAL_LABELS.insured_limit_passed,
        "limite assurée",
        next.exposure,
        next.insuredLimit,
      ),
    });
  return signals;
}
