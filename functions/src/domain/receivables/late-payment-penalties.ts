import { CalendarDate, daysBetween } from "../dates/calendar-date";
import { InterestSegment, simpleInterest } from "../interest/simple-interest";
import { Dec, formatMoney, maxMoney, money } from "../money/money";
import { ecbReferenceRate } from "../rates/ecb-rates";
import { legalInterestRate } from "../rates/legal-interest-rates";
import { LegalRates, SHIPPED_LEGAL_RATES } from "../rates/legal-rates";
import { parseInput } from "../validation/field-errors";
import { LatePaymentPenaltiesInput, latePaymentPenaltiesInputSchema } from "../validation/receivables-schema";

/** Flat recovery indemnity per late invoice, no VAT (Code de commerce D441-5). */
export const RECOVERY_INDEMNITY = "40.00";

/** latePaymentPenalties's answer: the penalty segments, the €40 indemnity and the total owed. */
export interface LatePaymentPenalties {
  daysLate: number;
  /** One segment per half-year: rate = ECB reference + 10 points (or the contract's), at least 3 × the legal rate. */
  segments: InterestSegment[];
  penalties: string;
  indemnity: string;
  total: string;
  legalBasis: string;
}

/**
 * The annual penalty rate for the half-year containing `day`: the ECB
 * reference rate + 10 points, or the contract's rate, never below 3 × the
 * legal rate for professional creditors (Code de commerce L441-10).
 *
 * @example
 * penaltyRate("2026-02-01"); // → "12.15" (2.15 + 10)
 * penaltyRate("2026-02-01", "5"); // → "7.86" (3 × 2.62)
 */
export function penaltyRate(day: CalendarDate, contractRate?: string, rates: LegalRates = SHIPPED_LEGAL_RATES): string {
  const statutory = contractRate ? new Dec(contractRate) : new Dec(ecbReferenceRate(day, rates.ecb)).plus(10);
  const floor = new Dec(legalInterestRate(day, "professional", rates.legalInterest)).times(3);
  return maxMoney(statutory, floor).toString();
}

/**
 * B2B late-payment penalties (Code de commerce L441-10): they run from the
 * day after the due date without any reminder, at the ECB main refinancing
 * rate of the half-year (in force on 1 January / 1 July) + 10 points, or the
 * contract's rate, never below 3 × the legal rate (professional creditor);
 * plus the €40 indemnity per late invoice (D441-5). No VAT on either.
 * Assumptions: computed on the gross amount paid late, on a 365-day year,
 * the rate following each half-year the delay runs through.
 * An optional `contractRate` (annual %) replaces the statutory rate.
 *
 * @example
 * latePaymentPenalties({ amount: "10000.00", dueDate: "2026-01-31", asOf: "2026-03-02" });
 * // → { daysLate: 30, segments: [{ from: "2026-02-01", to: "2026-03-02", days: 30, rate: "12.15", amount: "99.86" }],
 * //     penalties: "99.86", indemnity: "40.00", total: "139.86", legalBasis: "Code de commerce L441-10, D441-5" }
 */
export function latePaymentPenalties(
  rawInput: LatePaymentPenaltiesInput,
  rates: LegalRates = SHIPPED_LEGAL_RATES,
): LatePaymentPenalties {
  const input = parseInput(latePaymentPenaltiesInputSchema, rawInput);
  const daysLate = Math.max(0, daysBetween(input.dueDate, input.asOf));
  const legalBasis = "Code de commerce L441-10, D441-5";
  if (daysLate === 0)
    return { daysLate, segments: [], penalties: "0.00", indemnity: "0.00", total: "0.00", legalBasis };
  const interest = simpleInterest(money(input.amount), input.dueDate, input.asOf, (day) =>
    penaltyRate(day, input.contractRate, rates),
  );
  return {
    daysLate,
    segments: interest.segments,
    penalties: interest.amount,
    indemnity: RECOVERY_INDEMNITY,
    total: formatMoney(money(interest.amount).plus(RECOVERY_INDEMNITY)),
    legalBasis,
  };
}
