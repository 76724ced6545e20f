import { addMonths, frenchDate } from "../dates/calendar-date";
import { Dec } from "../money/money";
import { frenchAmount } from "../reminders/french-amount";

/**
 * The product's bounds on what people send (docs/input-validation.md).
 * The engine itself accepts wider values (up to 13 integer digits), so
 * that what it computes from bounded inputs — a sum of invoices, a refund
 * with its compensation — never trips its own validation.
 */

/** The largest amount: what a SEPA credit transfer and the FEC carry (12 digits, two of them cents). */
export const AMOUNT_MAX = "999999999.99";

/** The earliest date a person may type: before it, a typo (0000-01-01), not the company's activity. */
export const DATE_MIN = "2000-01-01";
/** How far ahead a date may be: due dates and instalments of long contracts, not 9999-12-31. */
export const DATE_HORIZON_YEARS = 10;

/** Default, per company, of how long a customer's payment promise may stop the dunning letters. */
export const PAYMENT_PROMISE_MAX_MONTHS = 6;

export function isAboveAmountMax(amount: string): boolean {
  return new Dec(amount).greaterThan(AMOUNT_MAX);
}

/** « le montant dépasse 999 999 999,99 € », or the total's name instead of « le montant ». */
export function amountMaxProblem(what = "le montant", amount?: string): string {
  const actual = amount === undefined ? "" : ` (${frenchAmount(new Dec(amount).toFixed(2))})`;
  return `${what}${actual} dépasse le maximum de ${frenchAmount(AMOUNT_MAX)}`;
}

export interface DateWindow {
  min: string;
  max: string;
}

/** The dates accepted on `today`: from DATE_MIN to today + DATE_HORIZON_YEARS. */
export function dateWindow(today: string): DateWindow {
  return { min: DATE_MIN, max: addMonths(today, 12 * DATE_HORIZON_YEARS) };
}

/** The French reason `date` (a valid calendar date) is outside `window`, or null. */
export function dateWindowProblem(date: string, window: DateWindow): string | null {
  if (date >= window.min && date <= window.max) return null;
  return `la date doit être comprise entre le ${frenchDate(window.min)} et le ${frenchDate(window.max)}`;
}
