/**
 * How late a customer pays, as a credit-information firm measures it (days
 * beyond terms, DBT): every sum of an invoice that fell due counts with its
 * amount, a sum paid by the due date for 0 days, a sum paid later for the
 * days between the due date and the payment, a sum still open past the due
 * date for the days up to the as-of date. The average is weighted by those
 * amounts — paid on time, paid late and still overdue alike — so a small
 * sum paid late weighs little and making any payment later can only raise it
 * (the share of invoices paid late tells how often).
 *
 * Which invoices count: those due within the 12 months up to the as-of date
 * (the window) and settled in full or overdue, plus every invoice still
 * overdue whatever its due date (an old unpaid invoice is the worst sign, it
 * never leaves the window). Left out: invoices not yet due (nothing to judge
 * yet), partly paid invoices due today, invoices cancelled without payment,
 * and invoices disputed and still open (the dispute is counted apart; its
 * delay is not a default until it is settled).
 *
 * The trend compares the invoices due in the last 3 months with those due in
 * the 9 before (older overdue invoices count with the 9 months).
 */
import { CalendarDate, addMonths, daysBetween } from "../dates/calendar-date";
import { Dec, Money, ZERO, money } from "../money/money";
import type { CustomerInvoiceHistory } from "./risk-inputs";

/** One sum weighed in the average: an amount and its days late. */
interface LateSum {
  amount: Money;
  days: number;
}

/** What paymentLateness measures, unrounded. */
export interface PaymentLateness {
  /** Weighted days late over the window (and older overdue invoices). */
  weightedDaysLate: Money;
  /** The same for the invoices due in the last 3 months; null when there are none. */
  recent: Money | null;
  /** The same for the others (due 3 to 12 months ago, older overdue); null when there are none. */
  previous: Money | null;
  /** Invoices judged (settled in full or overdue). */
  assessed: number;
  /** Of them, paid (or still open) after their due date. */
  late: number;
}

function weightedAverage(sums: readonly LateSum[]): Money | null {
  const total = sums.reduce<Money>((t, s) => t.plus(s.amount), ZERO);
  if (total.isZero()) return null;
  return sums.reduce<Money>((t, s) => t.plus(s.amount.times(s.days)), ZERO).dividedBy(total);
}

/** The sums of one invoice as the lateness measure weighs them; null when the invoice is not judged. */
function lateSums(inv: CustomerInvoiceHistory, asOf: CalendarDate, windowStart: CalendarDate): LateSum[] | null {
  const open = money(inv.openAmount);
  const overdue = open.greaterThan(0) && asOf > inv.dueDate;
  const settled = open.isZero() && inv.payments.length > 0;
  if (inv.dueDate > asOf || (!overdue && !settled)) return null;
  if (overdue && inv.disputed) return null;
  if (!overdue && inv.dueDate <= windowStart) return null;
  const sums = inv.payments.map((p) => ({
    amount: money(p.amount),
    days: Math.max(0, daysBetween(inv.dueDate, p.on)),
  }));
  if (overdue) sums.push({ amount: open, days: daysBetween(inv.dueDate, asOf) });
  return sums;
}

/**
 * The customer's lateness as of `asOf` (see the file's comment for what
 * counts).
 */
export function paymentLateness(invoices: readonly CustomerInvoiceHistory[], asOf: CalendarDate): PaymentLateness {
  const windowStart = addMonths(asOf, -12);
  const recentStart = addMonths(asOf, -3);
  const all: LateSum[] = [];
  const recent: LateSum[] = [];
  const previous: LateSum[] = [];
  let assessed = 0;
  let late = 0;
  for (const inv of invoices) {
    const sums = lateSums(inv, asOf, windowStart);
    if (!sums) continue;
    assessed += 1;
    if (sums.some((s) => s.days > 0)) late += 1;
    all.push(...sums);
    (inv.dueDate > recentStart ? recent : previous).push(...sums);
  }
  return {
    weightedDaysLate: weightedAverage(all) ?? ZERO,
    recent: weightedAverage(recent),
    previous: weightedAverage(previous),
    assessed,
    late,
  };
}

/** Days shown with one decimal, half-up: "12.4". */
export function formatDaysLate(days: Money): string {
  return days.toDecimalPlaces(1, Dec.ROUND_HALF_UP).toFixed(1);
}
