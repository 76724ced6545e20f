import { CalendarDate, frenchDate } from "../dates/calendar-date";
import { InterestSegment } from "../interest/simple-interest";
import { Money, formatMoney, money, sumMoney } from "../money/money";
import { advanceInterest } from "../refunds/consumer-advance-interest";
import { LegalRates } from "../rates/legal-rates";

/** One advance held past three months: the interest it earned until delivery. */
export interface AdvanceInterestLine {
  /** "FA2026-0042 du 15/01/2026", as the final invoice lists the deposit. */
  reference: string;
  /** The gross still held on the deposit (credit notes deducted): what earns interest. */
  base: string;
  paidDate: CalendarDate;
  /** Interest runs after this day: three months after the payment. */
  startsAfter: CalendarDate;
  days: number;
  amount: string;
  segments: InterestSegment[];
}

/** The L214-2 interest a final invoice deducts from the balance, deposit by deposit. */
export interface AdvanceInterestDeduction {
  /** French, as printed on the invoice. */
  label: string;
  legalBasis: string;
  /** The delivery: the final invoice's date, when interest stops. */
  until: CalendarDate;
  lines: AdvanceInterestLine[];
  /** Interest earned in all, no VAT. */
  total: string;
  /** What the invoice deducts: the interest, never more than the balance it is deducted from. */
  deducted: string;
  /** Interest left over when it exceeds the balance (still owed to the consumer, outside this invoice). */
  notDeducted: string;
}

/** An advance as the final invoice sees it. */
export interface HeldAdvance {
  reference: string;
  gross: Money;
  paidDate: CalendarDate;
}

/**
 * L214-2 of the Code de la consommation: sums a consumer pays in advance for
 * goods earn legal interest (consumer creditor rate, per half-year) from
 * three months after the payment until delivery, « déduits du solde à verser
 * au moment de la livraison ». Each advance counts from its own payment; the
 * final invoice's date is the delivery. Interest carries no VAT (it is not a
 * price): the VAT breakdown stays the full price, only the balance shrinks.
 * Null when no advance was held three months. A missing half-year of rates
 * is refused with the French message of legalInterestRate.
 */
export function advanceInterestDeduction(
  advances: readonly HeldAdvance[],
  delivery: CalendarDate,
  balance: Money,
  rates: LegalRates,
): AdvanceInterestDeduction | null {
  const lines = advances
    .map((a) => ({ a, interest: advanceInterest(a.gross, a.paidDate, delivery, rates) }))
    .filter(({ interest }) => !money(interest.amount).isZero())
    .map(({ a, interest }): AdvanceInterestLine => ({
      reference: a.reference,
      base: formatMoney(a.gross),
      paidDate: a.paidDate,
      startsAfter: interest.startsAfter,
      days: interest.days,
      amount: interest.amount,
      segments: interest.segments,
    }));
  if (lines.length === 0) return null;
  const total = sumMoney(lines.map((l) => money(l.amount)));
  const deducted = total.greaterThan(balance) ? balance : total;
  return {
    label: `Intérêts au taux légal sur les sommes versées d'avance, jusqu'à la livraison du ${frenchDate(delivery)} (sans TVA, déduits du solde)`,
    legalBasis: "Code de la consommation L214-2",
    until: delivery,
    lines,
    total: formatMoney(total),
    deducted: formatMoney(deducted),
    notDeducted: formatMoney(total.minus(deducted)),
  };
}
