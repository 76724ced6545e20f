/**
 * The message that tells sales and accounting about a customer's weak
 * signal (domain/customers/weak-signals.ts): its lateness worsened, a
 * promise was broken, its exposure passed a limit. Its identity is the
 * customer, the signal's kind (and invoice, for a broken promise) and the
 * profile's day, so the outbox sends it exactly once.
 */
import { frenchDate } from "../dates/calendar-date";
import type { RiskClass } from "../customers/risk-class";
import type { WeakSignal } from "../customers/weak-signals";
import { RISK_CLASS_LABELS, WEAK_SIGNAL_LABELS } from "../vocabulary/labels";
import type { Reminder } from "./reminder";

export interface RiskSignalNotice {
  companyId: string;
  companyName: string;
  customerId: string;
  customerName: string;
  /** The profile's as-of day: the signal's occurrence day. */
  asOf: string;
  riskClass: RiskClass;
  /** The profile's reasons, French, the worst first. */
  reasons: string[];
  signal: WeakSignal;
  /** Sales and accounting approvers. */
  to: string[];
}

/** What identifies the signal among the customer's: its kind, and the invoice of a broken promise. */
export function riskSignalTarget(customerId: string, signal: Pick<WeakSignal, "kind" | "invoiceId">): string {
  return [customerId, signal.kind, ...(signal.invoiceId ? [signal.invoiceId] : [])].join("/");
}

/**
 * The outbox message of one weak signal.
 *
 * @example
 * riskSignalReminder({ …, customerName: "Hôtel Bellevue SARL", asOf: "2026-11-30", riskClass: "C",
 *   signal: { kind: "credit_limit_passed", message: "Limite de crédit dépassée : encours de 12 500,00 €…" } }).subject;
 * // → "Signal faible – Hôtel Bellevue SARL : Limite de crédit dépassée"
 */
export function riskSignalReminder(notice: RiskSignalNotice): Reminder {
  const label = WEAK_SIGNAL_LABELS[notice.signal.kind];
  return {
    companyId: notice.companyId,
    rule: "customer-risk-signal",
    level: 0,
    target: riskSignalTarget(notice.customerId, notice.signal),
    day: notice.asOf,
    to: [...notice.to].sort(),
    cc: [],
    subject: `Signal faible – ${notice.customerName} : ${label}`,
    text: [
      "Bonjour,",
      "",
      `Le profil de paiement du client ${notice.customerName} a changé au ${frenchDate(notice.asOf)} :`,
      notice.signal.message,
      "",
      `${RISK_CLASS_LABELS[notice.riskClass]}, pour les raisons suivantes :`,
      ...notice.reasons.map((r) => `- ${r}`),
      "",
      "Le moment est venu d'en parler avec le client et d'adapter ses conditions (acompte, délai de paiement, encours) : la fiche client dans Google Sheets (feuille Clients) donne son historique.",
      "",
      `${notice.companyName} – Acompte`,
    ].join("\n"),
    summary: `${notice.customerName} : ${label}`,
  };
}
