import { z } from "zod";
import { CalendarDate, addDays, daysBetween } from "../dates/calendar-date";
import { simpleInterest } from "../interest/simple-interest";
import { Dec, Money, formatMoney, minMoney, money, roundCents } from "../money/money";
import { legalInterestRate } from "../rates/legal-interest-rates";
import { LegalRates, SHIPPED_LEGAL_RATES } from "../rates/legal-rates";
import { parseInput } from "../validation/field-errors";
import { calendarDate, moneyAmount } from "../validation/primitives";
import { LateRefundScale } from "./refund-entitlement";

/** Days the professional has to refund a consumer, after termination (L216-7) or withdrawal (L221-24). */
export const CONSUMER_REFUND_DAYS = 14;

/** consumerLateRefundIncrease's answer: the deadline, the days late and the compensation owed. */
export interface LateRefundIncrease {
  scale: LateRefundScale;
  /** Last day to refund without increase. */
  deadline: CalendarDate;
  daysLate: number;
  /** The increase in % of the sum refunded late; null when it is legal interest (L242-4, first 10 days). */
  percent: string | null;
  /** Compensation owed on top of the refund, no VAT. */
  amount: string;
  legalBasis: string;
}

/** L241-4: 10 % up to 14 days late, 20 % up to 30, 50 % beyond. */
function l2414Percent(daysLate: number): Money {
  if (daysLate <= 14) return new Dec(10);
  if (daysLate <= 30) return new Dec(20);
  return new Dec(50);
}

/**
 * L242-4 beyond the first ten days: 5 % (11–20 days), 10 % (21–30), 20 %
 * (31–60), 50 % (61–90), then 5 points more per new month of delay — a month
 * counted as 30 days (assumption) — up to the price (100 %).
 */
function l2424Percent(daysLate: number): Money {
  if (daysLate <= 20) return new Dec(5);
  if (daysLate <= 30) return new Dec(10);
  if (daysLate <= 60) return new Dec(20);
  if (daysLate <= 90) return new Dec(50);
  return minMoney(new Dec(50 + 5 * Math.ceil((daysLate - 90) / 30)), new Dec(100));
}

/** Late-refund increase on parsed values (the refund quote uses it). */
export function lateIncrease(
  scale: LateRefundScale,
  amount: Money,
  terminationDate: CalendarDate,
  refundDate: CalendarDate,
  rates: LegalRates = SHIPPED_LEGAL_RATES,
): LateRefundIncrease {
  const deadline = addDays(terminationDate, CONSUMER_REFUND_DAYS);
  const daysLate = Math.max(0, daysBetween(deadline, refundDate));
  const legalBasis =
    scale === "L241-4" ? "Code de la consommation L216-7, L241-4" : "Code de la consommation L221-24, L242-4";
  if (daysLate === 0) return { scale, deadline, daysLate, percent: "0", amount: "0.00", legalBasis };
  if (scale === "L242-4" && daysLate <= 10) {
    // "Majorées du taux d'intérêt légal": read as interest at the consumer legal rate for the days late.
    const interest = simpleInterest(amount, deadline, refundDate, (day) =>
      legalInterestRate(day, "consumer", rates.legalInterest),
    );
    return { scale, deadline, daysLate, percent: null, amount: interest.amount, legalBasis };
  }
  const percent = scale === "L241-4" ? l2414Percent(daysLate) : l2424Percent(daysLate);
  return {
    scale,
    deadline,
    daysLate,
    percent: percent.toString(),
    amount: formatMoney(roundCents(amount.times(percent).dividedBy(100))),
    legalBasis,
  };
}

export const lateRefundIncreaseInputSchema = z.strictObject({
  scale: z.enum(["L241-4", "L242-4"], { error: "doit valoir L241-4 (défaut de livraison) ou L242-4 (rétractation)" }),
  amount: moneyAmount,
  terminationDate: calendarDate,
  refundDate: calendarDate,
});

/**
 * The increase a consumer is owed when refunded more than 14 days after
 * terminating the contract for non-delivery (L216-7, scale L241-4) or after
 * withdrawing (L221-24, scale L242-4). No VAT: it is compensation, not a
 * price. Beyond the price cap of L242-4, further legal interest is not computed.
 *
 * L241-4: +10 % up to 14 days late, +20 % up to 30, +50 % beyond. L242-4:
 * legal interest for the first 10 days, then 5 %, 10 %, 20 %, 50 %, and 5
 * points more per further month (30 days, an assumption) up to the price.
 *
 * @example
 * consumerLateRefundIncrease({ scale: "L241-4", amount: "1000.00", terminationDate: "2026-03-01", refundDate: "2026-03-25" });
 * // → { scale: "L241-4", deadline: "2026-03-15", daysLate: 10, percent: "10", amount: "100.00",
 * //     legalBasis: "Code de la consommation L216-7, L241-4" }
 */
export function consumerLateRefundIncrease(
  rawInput: z.input<typeof lateRefundIncreaseInputSchema>,
  rates: LegalRates = SHIPPED_LEGAL_RATES,
): LateRefundIncrease {
  const input = parseInput(lateRefundIncreaseInputSchema, rawInput);
  return lateIncrease(input.scale, money(input.amount), input.terminationDate, input.refundDate, rates);
}
