/**
 * A deposit cashed below the share of the order the company's policy
 * recommends for the customer's class, said in one short sentence beside
 * the deposit (the `Acomptes` import's « Message »).
 */
import { z } from "zod";
import { money, roundCents } from "../money/money";
import { euros, frenchPercent } from "../reminders/french-amount";
import { parseInput } from "../validation/field-errors";
import { moneyAmount, percent } from "../validation/primitives";
import type { TermsRecommendation } from "./deposit-policy";

/** The deposit as typed: a percentage of the order, or its gross with what the order adds beyond it. */
export type CashedDeposit = { percent: string } | { gross: string; orderAmount: string };

const cashedSchema = z.union([
  z.strictObject({ percent }),
  z.strictObject({ gross: moneyAmount, orderAmount: moneyAmount }),
]);

/**
 * The policy's recommendation in brief when the deposit is below the
 * percentage it recommends for the class, null when it reaches it. A
 * percentage is compared as typed: its invoice rounds per VAT rate, and a
 * cent either way must not make a deposit at the recommended percentage
 * « below » it. A gross amount is compared with the recommended share of
 * the order's gross — the deposit plus `orderAmount`, what the order adds
 * beyond it (orderAddedExposure) — rounded half-up to the cent.
 *
 * @example
 * depositShortfall({ percent: "30" }, recommendTerms("D"));
 * // → "Acompte de 30 % inférieur aux 100 % recommandés pour la classe D."
 * depositShortfall({ gross: "2000.00", orderAmount: "12400.00" }, recommendTerms("C"));
 * // → "Acompte de 2 000,00 € inférieur aux 50 % recommandés pour la classe C (7 200,00 € sur cette commande)."
 * depositShortfall({ gross: "7200.00", orderAmount: "7200.00" }, recommendTerms("C")); // → null
 */
export function depositShortfall(
  rawCashed: CashedDeposit,
  recommendation: Pick<TermsRecommendation, "riskClass" | "depositPercent">,
): string | null {
  const { cashed } = parseInput(z.strictObject({ cashed: cashedSchema }), { cashed: rawCashed });
  const recommended = recommendation.depositPercent;
  const tail = `inférieur aux ${frenchPercent(recommended)} recommandés pour la classe ${recommendation.riskClass}`;
  if ("percent" in cashed)
    return money(cashed.percent).lessThan(recommended) ? `Acompte de ${frenchPercent(cashed.percent)} ${tail}.` : null;
  const orderGross = money(cashed.gross).plus(cashed.orderAmount);
  const share = roundCents(orderGross.times(recommended).dividedBy(100));
  return money(cashed.gross).lessThan(share)
    ? `Acompte de ${euros(cashed.gross)} ${tail} (${euros(share)} sur cette commande).`
    : null;
}
