import { CalendarDate, frenchDate } from "../dates/calendar-date";
import { Money, ZERO, formatMoney, money, sumMoney } from "../money/money";
import { LegalRates } from "../rates/legal-rates";
import { euros } from "../reminders/french-amount";
import { CompensationKind, legalCompensation } from "./compensation";
import { Entitlement } from "./refund-entitlement";

/** The compensation kinds that grow with the date the money is paid back. */
export type TimeBoundKind = Extract<CompensationKind, "late_refund_increase" | "advance_interest">;

/** One further amount owed because the refund was paid later than its quote assumed. */
export interface LatePaymentSupplement {
  kind: TimeBoundKind;
  /** French, as the customer's statement shows it: what it is, the payment date, what was already granted. */
  label: string;
  legalBasis: string;
  /** What the law owes for the refund paid on `paidOn`. */
  recomputed: string;
  /** Granted before: the quote's amount and earlier supplements of this kind. */
  alreadyGranted: string;
  /** The difference, owed on top: recomputed − already granted (> 0). */
  amount: string;
}

/** What latePaymentSupplements needs to know of the refund. */
export interface LatePaymentContext {
  /** The deposit's entitlement for the request's reason (what compensation the law attaches). */
  entitlement: Entitlement;
  /** Gross of the credit note: the sum paid back (and the base of the increases and the interest). */
  creditGross: Money;
  /** When the consumer paid the advance. */
  depositPaidDate: CalendarDate;
  /** When the consumer terminated or withdrew (no increase without it). */
  terminationDate?: CalendarDate;
  /** The day this payment of the refund was actually made. */
  paidOn: CalendarDate;
  /** What was granted so far, per kind (the quote's compensation, earlier supplements). */
  granted: readonly { kind: CompensationKind; amount: string }[];
  rates: LegalRates;
}

/**
 * A consumer's refund paid later than its schedule planned owes more: the
 * L241-4 / L242-4 increase (Code de la consommation L216-7, L221-24) counts
 * the days late up to the actual payment, and L214-2 interest on the advance
 * runs until the money is paid back. The quote computed both for the last
 * planned date; this recomputes them for `paidOn` and returns, per kind,
 * what exceeds what was already granted (nothing when paid on time or
 * earlier: what was granted stays granted). No VAT: compensation, not a price.
 *
 * @example
 * latePaymentSupplements({
 *   entitlement: refundEntitlement({ depositKind: "acompte", customerKind: "b2c", supplyKind: "services", reason: "non_delivery" }),
 *   creditGross: money("1000.00"), depositPaidDate: "2026-02-01", terminationDate: "2026-03-01",
 *   paidOn: "2026-04-10", granted: [{ kind: "late_refund_increase", amount: "100.00" }], rates: SHIPPED_LEGAL_RATES,
 * });
 * // 26 days after the 15/03/2026 deadline: +20 % = 200.00, 100.00 already granted →
 * // [{ kind: "late_refund_increase", recomputed: "200.00", alreadyGranted: "100.00", amount: "100.00",
 * //    label: "Complément (remboursement versé le 10/04/2026) : Majoration de 20 % …", legalBasis: "Code de la consommation L216-7, L241-4" }]
 */
export function latePaymentSupplements(context: LatePaymentContext): LatePaymentSupplement[] {
  const { compensation } = legalCompensation(context.entitlement, {
    creditGross: context.creditGross,
    paidDate: context.depositPaidDate,
    refundDate: context.paidOn,
    terminationDate: context.terminationDate,
    rates: context.rates,
  });
  const grantedOf = (kind: CompensationKind) =>
    sumMoney(context.granted.filter((g) => g.kind === kind).map((g) => money(g.amount)));
  return compensation.flatMap((c): LatePaymentSupplement[] => {
    if (c.kind !== "late_refund_increase" && c.kind !== "advance_interest") return [];
    const granted = grantedOf(c.kind);
    const amount = money(c.amount).minus(granted);
    if (amount.lessThanOrEqualTo(ZERO)) return [];
    return [
      {
        kind: c.kind,
        label: `Complément (remboursement versé le ${frenchDate(context.paidOn)}) : ${c.label}, déjà accordé ${euros(granted)}`,
        legalBasis: c.legalBasis,
        recomputed: c.amount,
        alreadyGranted: formatMoney(granted),
        amount: formatMoney(amount),
      },
    ];
  });
}
