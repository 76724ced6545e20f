import { daysBetween, daysInMonth } from "../dates/calendar-date";
import { Dec, Money, ZERO, money } from "../money/money";
import { parseInput } from "../validation/field-errors";
import {
  DsoCountBackInput,
  DsoRatioInput,
  dsoCountBackInputSchema,
  dsoRatioInputSchema,
} from "../validation/receivables-schema";

/** Days are shown with two decimals, half-up. */
function formatDays(days: Money): string {
  return days.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
}

/**
 * DSO, ratio method: gross receivables ÷ gross sales of the period × days in
 * the period (both ends included).
 *
 * @example
 * dsoRatio({ receivables: "150000", sales: "360000", from: "2026-01-01", to: "2026-03-31" });
 * // → { days: "37.50", periodDays: 90 }
 */
export function dsoRatio(rawInput: DsoRatioInput): { days: string; periodDays: number } {
  const input = parseInput(dsoRatioInputSchema, rawInput);
  const periodDays = daysBetween(input.from, input.to) + 1;
  return { days: formatDays(money(input.receivables).dividedBy(money(input.sales)).times(periodDays)), periodDays };
}

/**
 * DSO, count-back method: from the closing month backwards, each month whose
 * sales the receivables still cover counts in full (its calendar days), the
 * last one in proportion. `exhausted` is true when the receivables exceed all
 * the sales given (the figure is then a lower bound).
 *
 * @example
 * dsoCountBack({
 *   receivables: "150000",
 *   months: [{ month: "2026-01", sales: "110000" }, { month: "2026-02", sales: "120000" }, { month: "2026-03", sales: "130000" }],
 * });
 * // → { days: "35.67", monthsUsed: 2, exhausted: false } (March 31 days + February 20/120 × 28)
 */
export function dsoCountBack(rawInput: DsoCountBackInput): { days: string; monthsUsed: number; exhausted: boolean } {
  const input = parseInput(dsoCountBackInputSchema, rawInput);
  let left = money(input.receivables);
  let days: Money = ZERO;
  let monthsUsed = 0;
  for (const m of [...input.months].reverse()) {
    if (left.isZero()) break;
    const sales = money(m.sales);
    const length = daysInMonth(Number(m.month.slice(0, 4)), Number(m.month.slice(5, 7)));
    monthsUsed += 1;
    if (left.greaterThanOrEqualTo(sales)) {
      days = days.plus(length);
      left = left.minus(sales);
    } else {
      days = days.plus(left.dividedBy(sales).times(length));
      left = ZERO;
    }
  }
  return { days: formatDays(days), monthsUsed, exhausted: left.greaterThan(0) };
}
