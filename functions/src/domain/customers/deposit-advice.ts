/**
 * The advice shown where a deposit or an order is recorded: the terms the
 * company's policy recommends for the customer's class, and the warning when
 * the order would take its exposure past a limit. Pure: the caller reads the
 * stored profile and the record's limits.
 */
import { z } from "zod";
import { ZERO, formatMoney, money, roundCents, type Money } from "../money/money";
import { parseInput } from "../validation/field-errors";
import { moneyAmount, percent, vatRate } from "../validation/primitives";
import { vatBreakdown } from "../vat/vat-breakdown";
import { recommendTerms, type DepositPolicyInput, type TermsRecommendation } from "./deposit-policy";
import { exposureWarning } from "./exposure-warning";
import type { RiskClass } from "./risk-class";

/**
 * The class whose terms a customer without a profile gets (a new customer, or
 * one whose profile was not computed yet): nothing is known of how it pays,
 * so not the best class; nothing is known against it either, so not a class
 * that a criterion must reach. B is « à surveiller », which is what it is.
 */
export const UNPROFILED_CLASS: RiskClass = "B";

/** What the advice reads of a customer: its stored profile's class and exposure (null: none yet) and its limits today. */
export interface StandingForAdvice {
  riskClass: RiskClass | null;
  exposure: string | null;
  creditLimit: string | null;
  insuredLimit: string | null;
}

/** depositAdvice's answer. */
export interface DepositAdvice {
  /** The stored profile's class; null without a profile. */
  riskClass: RiskClass | null;
  /** The policy's terms for `riskClass`, or for UNPROFILED_CLASS without a profile. */
  recommendation: TermsRecommendation;
  /** exposureWarning's sentence; null when no limit is passed or without a profile (the exposure is not known). */
  warning: string | null;
  /** The sentence shown: the recommendation, then the warning when there is one. */
  message: string;
}

/**
 * The terms to recommend and the limit warning for an order that adds
 * `newAmount` to the customer's exposure (orderAddedExposure).
 *
 * @example
 * depositAdvice({ riskClass: "D", exposure: "14000.00", creditLimit: "15000.00", insuredLimit: null }, "10080.00");
 * // → { riskClass: "D", recommendation: { riskClass: "D", depositPercent: "100", paymentTermsDays: 0, beforeProduction: true, … },
 * //     warning: "Avec cette commande de 10 080,00 €, l'encours du client passerait de 14 000,00 € à 24 080,00 €,
 * //               au-delà de sa limite de crédit de 15 000,00 € (dépassement de 9 080,00 €).",
 * //     message: "Client de classe D : acompte recommandé de 100 %, encaissé avant toute production, paiement comptant. Avec cette commande…" }
 * depositAdvice({ riskClass: null, exposure: null, creditLimit: null, insuredLimit: null }, "0.00").message;
 * // → "Pas encore de profil de paiement pour ce client : conditions de la classe B par prudence, acompte recommandé de 30 %, paiement à 30 jours."
 */
export function depositAdvice(
  standing: StandingForAdvice,
  newAmount: string,
  policy?: DepositPolicyInput,
): DepositAdvice {
  const profiled = standing.riskClass !== null && standing.exposure !== null;
  const recommendation = recommendTerms(profiled ? standing.riskClass! : UNPROFILED_CLASS, policy);
  const warning = profiled
    ? exposureWarning(
        { exposure: standing.exposure!, creditLimit: standing.creditLimit, insuredLimit: standing.insuredLimit },
        newAmount,
      )
    : null;
  // recommendTerms says « Client de classe B : … »; without a profile the class is an assumption, said as such.
  const terms = recommendation.message.slice(recommendation.message.indexOf(" : ") + 3);
  const advice = profiled
    ? recommendation.message
    : `Pas encore de profil de paiement pour ce client : conditions de la classe ${UNPROFILED_CLASS} par prudence, ${terms}`;
  return {
    riskClass: profiled ? standing.riskClass : null,
    recommendation,
    warning,
    message: warning ? `${advice} ${warning}` : advice,
  };
}

const orderSchema = z.union([z.strictObject({ gross: moneyAmount }), z.strictObject({ net: moneyAmount, vatRate })]);
const depositSchema = z
  .strictObject({ amount: moneyAmount.optional(), percent: percent.optional() })
  .refine((d) => d.amount === undefined || d.percent === undefined, {
    message: "indiquez soit un pourcentage, soit un montant TTC, pas les deux",
  });

/**
 * What an order adds to the customer's exposure: its gross (given, or its
 * net at one VAT rate plus that VAT), less the deposit cashed on it (a gross
 * amount, or a percentage: of the net then VAT added, as the deposit invoice
 * computes it; of the gross when only the gross is known), never below 0.
 *
 * @example
 * orderAddedExposure({ net: "12000.00", vatRate: "20" }, { percent: "30" }); // → "10080.00" (14 400,00 − 4 320,00)
 * orderAddedExposure({ gross: "14400.00" }, {}); // → "14400.00"
 */
export function orderAddedExposure(
  rawOrder: { gross: string } | { net: string; vatRate: string },
  rawDeposit: { amount?: string; percent?: string } = {},
): string {
  const { order, deposit } = parseInput(z.strictObject({ order: orderSchema, deposit: depositSchema }), {
    order: rawOrder,
    deposit: rawDeposit,
  });
  const grossOf = (net: Money) =>
    "vatRate" in order ? money(vatBreakdown([{ vatRate: order.vatRate, net: formatMoney(net) }]).total.gross) : net;
  const base = "gross" in order ? money(order.gross) : money(order.net);
  const orderGross = grossOf(base);
  const cashed =
    deposit.amount !== undefined
      ? money(deposit.amount)
      : deposit.percent !== undefined
        ? grossOf(roundCents(base.times(deposit.percent).dividedBy(100)))
        : ZERO;
  const added = orderGross.minus(cashed);
  return formatMoney(added.isNegative() ? ZERO : added);
}
