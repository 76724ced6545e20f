/**
 * The guard against « fraude au changement de RIB »: the beneficiary's bank
 * details of a refund in flight change only by an accounting approver or an
 * admin (checked by the command's roles), every change is an audit event,
 * and the instalments of a request whose IBAN changed within the last N
 * days (company setting `ibanChangeHoldDays`, default 30) stay out of the
 * transfer files until a second person — never the one who changed it —
 * confirms the change. Older changes are no longer held: N is the window in
 * which a fraudulent change has not yet been noticed by the customer.
 * Pure: dates and people come in, decisions come out.
 */
import { addDays, frenchDate } from "../dates/calendar-day";
import { LifecycleRefusal } from "../refunds/refund-lifecycle";
import type { RefundStatus } from "../refunds/refund-status";
import { inSentence, REFUND_STATUS_LABELS } from "../vocabulary/labels";
import { maskIban } from "./iban";

export const DEFAULT_IBAN_CHANGE_HOLD_DAYS = 30;

export interface BankAccount {
  iban: string;
  bic?: string;
}

/** The last change of a request's bank details, and its confirmation once given. */
export interface IbanChange {
  previousIban: string | null;
  previousBic: string | null;
  iban: string;
  bic: string | null;
  changedBy: string;
  changedOn: string;
  confirmedBy: string | null;
  confirmedOn: string | null;
}

export interface BankAccountState {
  /** `RB-2026-000012`. */
  number: string;
  status: RefundStatus;
  bankAccount?: BankAccount;
  bankAccountChange?: IbanChange;
}

/**
 * A change of the beneficiary's account on a request in flight (approved,
 * instalments still due); null when the details are already these (nothing
 * to record: a repeated change is harmless).
 */
export function changeBankAccount(
  state: BankAccountState,
  next: BankAccount,
  actor: string,
  today: string,
): IbanChange | null {
  if (state.status !== "approved")
    throw new LifecycleRefusal(
      "conflict",
      "INVALID_STATE",
      `Les coordonnées bancaires de la demande ${state.number} ne peuvent plus changer : elle est ${inSentence(REFUND_STATUS_LABELS[state.status])} (seule une demande approuvée dont des échéances restent à payer se modifie ici).`,
    );
  const current = state.bankAccount;
  if (current && current.iban === next.iban && (current.bic ?? null) === (next.bic ?? null)) return null;
  return {
    previousIban: current?.iban ?? null,
    previousBic: current?.bic ?? null,
    iban: next.iban,
    bic: next.bic ?? null,
    changedBy: actor,
    changedOn: today,
    confirmedBy: null,
    confirmedOn: null,
  };
}

/** The second person's confirmation of the last change. */
export function confirmIbanChange(state: BankAccountState, actor: string, today: string): IbanChange {
  const change = state.bankAccountChange;
  if (!change)
    throw new LifecycleRefusal(
      "conflict",
      "INVALID_STATE",
      `Aucun changement d'IBAN à confirmer sur la demande ${state.number}.`,
    );
  if (change.confirmedBy)
    throw new LifecycleRefusal(
      "conflict",
      "INVALID_STATE",
      `Le changement d'IBAN de la demande ${state.number} est déjà confirmé (par ${change.confirmedBy} le ${frenchDate(change.confirmedOn!)}).`,
    );
  if (change.changedBy === actor)
    throw new LifecycleRefusal(
      "forbidden",
      "FORBIDDEN",
      `Vous avez vous-même changé l'IBAN de la demande ${state.number} : une autre personne (approbateur comptable ou administrateur) doit confirmer ce changement.`,
    );
  return { ...change, confirmedBy: actor, confirmedOn: today };
}

/** Why a request's instalments are held out of a transfer file today, or null when they may go. */
export function ibanHold(
  change: IbanChange | undefined,
  today: string,
  holdDays: number,
): { until: string; reason: string } | null {
  if (!change || change.confirmedBy) return null;
  const until = addDays(change.changedOn, holdDays);
  if (today >= until) return null;
  return {
    until,
    reason: `IBAN changé le ${frenchDate(change.changedOn)} par ${change.changedBy} (${maskIban(change.iban)}) : virement retenu jusqu'à la confirmation du changement par une autre personne (au plus tard jusqu'au ${frenchDate(until)}).`,
  };
}
