import { z } from "zod";
import { CalendarDate, addMonths } from "../dates/calendar-date";
import { Interest, simpleInterest } from "../interest/simple-interest";
import { Money, money } from "../money/money";
import { legalInterestRate } from "../rates/legal-interest-rates";
import { LegalRates, SHIPPED_LEGAL_RATES } from "../rates/legal-rates";
import { parseInput } from "../validation/field-errors";
import { calendarDate, moneyAmount } from "../validation/primitives";

/** consumerAdvanceInterest's answer: the interest segments and from when interest runs. */
export interface AdvanceInterest extends Interest {
  /** Interest runs after this day: three months after the payment. */
  startsAfter: CalendarDate;
  legalBasis: string;
}

/** L214-2 interest on parsed values (the refund quote uses it). */
export function advanceInterest(
  amount: Money,
  paidDate: CalendarDate,
  endDate: CalendarDate,
  rates: LegalRates = SHIPPED_LEGAL_RATES,
): AdvanceInterest {
  const startsAfter = addMonths(paidDate, 3);
  const interest = simpleInterest(amount, startsAfter, endDate, (day) =>
    legalInterestRate(day, "consumer", rates.legalInterest),
  );
  return { ...interest, startsAfter, legalBasis: "Code de la consommation L214-2" };
}

export const consumerAdvanceInterestInputSchema = z
  .strictObject({ amount: moneyAmount, paidDate: calendarDate, endDate: calendarDate })
  .refine((i) => i.endDate >= i.paidDate, { path: ["endDate"], message: "la date de fin précède la date de paiement" });

/**
 * Legal interest (consumer creditor rate, per half-year) a consumer earns on
 * money paid in advance for goods, from three months after the payment until
 * delivery — or, for a refund, until the money is paid back (L214-2). No VAT.
 *
 * @example
 * consumerAdvanceInterest({ amount: "1000.00", paidDate: "2026-01-10", endDate: "2026-05-10" });
 * // → { startsAfter: "2026-04-10", days: 30, amount: "5.48",
 * //     segments: [{ from: "2026-04-11", to: "2026-05-10", days: 30, rate: "6.67", amount: "5.48" }],
 * //     legalBasis: "Code de la consommation L214-2" }
 */
export function consumerAdvanceInterest(
  rawInput: z.input<typeof consumerAdvanceInterestInputSchema>,
  rates: LegalRates = SHIPPED_LEGAL_RATES,
): AdvanceInterest {
  const input = parseInput(consumerAdvanceInterestInputSchema, rawInput);
  return advanceInterest(money(input.amount), input.paidDate, input.endDate, rates);
}
