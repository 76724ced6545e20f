/**
 * The company's deposit policy: for each risk class, the deposit to ask when
 * an order is taken, the payment terms to grant, and whether the deposit
 * must be cashed before production starts. A per-company table (settings
 * `depositPolicy`), each class overridable alone.
 */
import { z } from "zod";
import { paymentTermsDaysSchema } from "./payment-terms";
import { Dec } from "../money/money";
import { frenchPercent } from "../reminders/french-amount";
import { parseInput } from "../validation/field-errors";
import { annualRate } from "../validation/primitives";
import { RISK_CLASSES, RiskClass } from "./risk-class";

/** What the policy recommends for one class. */
export interface DepositTerms {
  /** Percentage of the order's gross asked as a deposit, "30". */
  depositPercent: string;
  /** Days after the invoice date; 0 = cash on invoice. */
  paymentTermsDays: number;
  /** The deposit must be cashed before production starts. */
  beforeProduction: boolean;
}

/** One DepositTerms per class. */
export type DepositPolicy = Record<RiskClass, DepositTerms>;

/**
 * The default table: A and B 30 % at 30 days (a common deposit in French
 * trades, and half the legal maximum term); C 50 % at 15 days; D the whole
 * order paid before production, cash (the issue's example: D 100 % before
 * production).
 */
export const DEFAULT_DEPOSIT_POLICY: DepositPolicy = {
  A: { depositPercent: "30", paymentTermsDays: 30, beforeProduction: false },
  B: { depositPercent: "30", paymentTermsDays: 30, beforeProduction: false },
  C: { depositPercent: "50", paymentTermsDays: 15, beforeProduction: false },
  D: { depositPercent: "100", paymentTermsDays: 0, beforeProduction: true },
};

const termsSchema = z.strictObject({
  // Same bounds as a rate: [0, 100], two decimals; 0 = no deposit.
  depositPercent: annualRate,
  paymentTermsDays: paymentTermsDaysSchema,
  beforeProduction: z.boolean({ error: "doit être un booléen (true ou false)" }),
});

/**
 * The company's deposit policy: any class left out keeps its default; a
 * worse class may not ask a smaller deposit nor grant longer terms than a
 * better one (a typo otherwise rewards the riskier customer).
 */
export const depositPolicySchema = z
  .strictObject(
    Object.fromEntries(RISK_CLASSES.map((c) => [c, termsSchema.default(DEFAULT_DEPOSIT_POLICY[c])])) as Record<
      RiskClass,
      z.ZodDefault<typeof termsSchema>
    >,
  )
  .superRefine((policy, ctx) => {
    RISK_CLASSES.slice(1).forEach((c, i) => {
      const better = RISK_CLASSES[i];
      if (new Dec(policy[c].depositPercent).lessThan(policy[better].depositPercent))
        ctx.addIssue({
          code: "custom",
          path: [c, "depositPercent"],
          message: `la classe ${c} ne peut demander un acompte inférieur à celui de la classe ${better} (${frenchPercent(policy[better].depositPercent)})`,
        });
      if (policy[c].paymentTermsDays > policy[better].paymentTermsDays)
        ctx.addIssue({
          code: "custom",
          path: [c, "paymentTermsDays"],
          message: `la classe ${c} ne peut avoir un délai plus long que la classe ${better} (${policy[better].paymentTermsDays} jours)`,
        });
    });
  })
  .prefault({});
/** A company's settings for the policy: any subset of the classes. */
export type DepositPolicyInput = z.input<typeof depositPolicySchema>;

/** recommendTerms's answer: the class's terms and the sentence the sidebar shows. */
export interface TermsRecommendation extends DepositTerms {
  riskClass: RiskClass;
  message: string;
}

/**
 * The terms the company's policy recommends for a customer of `riskClass`,
 * with the French sentence shown where the deposit is recorded.
 *
 * @example
 * recommendTerms("C");
 * // → { riskClass: "C", depositPercent: "50", paymentTermsDays: 15, beforeProduction: false,
 * //     message: "Client de classe C : acompte recommandé de 50 %, paiement à 15 jours." }
 * recommendTerms("D").message;
 * // → "Client de classe D : acompte recommandé de 100 %, encaissé avant toute production, paiement comptant."
 */
export function recommendTerms(riskClass: RiskClass, rawPolicy?: DepositPolicyInput): TermsRecommendation {
  const { riskClass: known } = parseInput(
    z.strictObject({ riskClass: z.enum(RISK_CLASSES, { error: "classe inconnue (A, B, C ou D)" }) }),
    { riskClass },
  );
  const terms = parseInput(depositPolicySchema, rawPolicy ?? {})[known];
  const when = terms.beforeProduction ? ", encaissé avant toute production" : "";
  const payment = terms.paymentTermsDays === 0 ? "paiement comptant" : `paiement à ${terms.paymentTermsDays} jours`;
  return {
    riskClass: known,
    ...terms,
    message: `Client de classe ${known} : acompte recommandé de ${frenchPercent(terms.depositPercent)}${when}, ${payment}.`,
  };
}
