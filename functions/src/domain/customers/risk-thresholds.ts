/**
 * When a customer's payment behaviour moves it to class B, C or D: one
 * threshold per criterion and class, per company (settings), each
 * overridable alone. A criterion reached at a class's threshold puts the
 * customer in that class at least; the class is the worst reached (A when
 * none is). A null threshold means the criterion never leads to that class.
 */
import { z } from "zod";
import { Dec, Money } from "../money/money";
import { RISK_CLASSES, RiskClass } from "./risk-class";

/** The payment-behaviour criteria the thresholds grade. */
export const RISK_CRITERIA = ["daysLate", "lateShare", "dunningLevel", "brokenPromises", "disputes"] as const;
/** One of RISK_CRITERIA. */
export type RiskCriterion = (typeof RISK_CRITERIA)[number];
/** The classes a criterion can lead to (A is where none does). */
export const GRADED_CLASSES = ["B", "C", "D"] as const;
type GradedClass = (typeof GRADED_CLASSES)[number];

const DAYS = /^\d{1,4}(\.\d)?$/;
const days = z
  .string({ error: 'doit être un nombre de jours en chaîne décimale (exemple : "15" ou "12.5")' })
  .refine((v) => DAYS.test(v) && new Dec(v).greaterThan(0), {
    message: 'doit être un nombre de jours supérieur à zéro, au plus une décimale (exemple : "15" ou "12.5")',
    abort: true,
  });
const SHARE = /^(0(\.\d{1,2})?|1(\.0{1,2})?)$/;
const share = z
  .string({ error: 'doit être une part entre 0 et 1 en chaîne décimale (exemple : "0.25" pour 25 %)' })
  .refine((v) => SHARE.test(v) && new Dec(v).greaterThan(0), {
    message: 'doit être une part supérieure à 0 et au plus 1, deux décimales au plus (exemple : "0.25" pour 25 %)',
    abort: true,
  });
const count = z
  .number({ error: "doit être un nombre entier" })
  .int({ message: "doit être un nombre entier" })
  .min(1, { message: "doit valoir au moins 1" })
  .max(999, { message: "doit valoir au plus 999" });
const dunningLevel = z
  .number({ error: "doit être un niveau de relance (1, 2 ou 3)" })
  .int({ message: "doit être un niveau de relance (1, 2 ou 3)" })
  .min(1, { message: "doit être un niveau de relance (1, 2 ou 3)" })
  .max(3, { message: "doit être un niveau de relance (1, 2 ou 3)" });
const riskClass = z.enum(RISK_CLASSES, { error: "doit être une classe de risque (A, B, C ou D)" });

/**
 * The defaults (each a company may override):
 * - weighted days late ≥ 5 → B, ≥ 15 → C, ≥ 30 → D: the French average lateness
 *   between companies has been of the order of ten to fifteen days for years
 *   (Observatoire des délais de paiement), so under 5 pays better than most and
 *   30 is a month beyond terms;
 * - share of invoices paid late ≥ 50 % → B, ≥ 75 % → C (a day or two late
 *   counts as late: transfers take time, so only a habit should weigh);
 * - a firm reminder (level 2) → B, a formal notice (level 3) → C;
 * - one broken payment promise → C, two → D;
 * - one invoice disputed → B, three → C (a dispute is not a default, but
 *   repeated ones delay payment as surely);
 * - exposure over the credit limit → C, over the insured limit → B (the
 *   excess is the company's own risk, whatever the behaviour);
 * - the trend worsens when the last 3 months are 5 days later than the 9 before.
 */
export const DEFAULT_RISK_THRESHOLDS = {
  daysLateB: "5",
  daysLateC: "15",
  daysLateD: "30",
  lateShareB: "0.5",
  lateShareC: "0.75",
  lateShareD: null,
  dunningLevelB: 2,
  dunningLevelC: 3,
  dunningLevelD: null,
  brokenPromisesB: null,
  brokenPromisesC: 1,
  brokenPromisesD: 2,
  disputesB: 1,
  disputesC: 3,
  disputesD: null,
  overCreditLimitClass: "C",
  overInsuredLimitClass: "B",
  trendWorseningDays: "5",
} as const satisfies Record<string, string | number | null>;

const VALUE_SCHEMAS = { daysLate: days, lateShare: share, dunningLevel, brokenPromises: count, disputes: count };

const thresholdShape = Object.fromEntries(
  RISK_CRITERIA.flatMap((criterion) =>
    GRADED_CLASSES.map((c) => {
      const key = `${criterion}${c}` as const;
      const schema = VALUE_SCHEMAS[criterion] as z.ZodType<string | number>;
      return [key, schema.nullable().default(DEFAULT_RISK_THRESHOLDS[key])];
    }),
  ),
) as {
  [K in `${"daysLate" | "lateShare"}${GradedClass}`]: z.ZodDefault<z.ZodNullable<z.ZodString>>;
} & {
  [K in `${"dunningLevel" | "brokenPromises" | "disputes"}${GradedClass}`]: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
};

/** What a threshold is compared with: a decimal string (days, share) or a whole number. */
function thresholdValue(value: string | number): Money {
  return new Dec(value);
}

/**
 * The company's risk thresholds (settings `riskThresholds`): every field
 * optional, defaulting to DEFAULT_RISK_THRESHOLDS; within a criterion the
 * thresholds must grow from B to D.
 */
export const riskThresholdsSchema = z
  .strictObject({
    ...thresholdShape,
    overCreditLimitClass: riskClass.default(DEFAULT_RISK_THRESHOLDS.overCreditLimitClass),
    overInsuredLimitClass: riskClass.default(DEFAULT_RISK_THRESHOLDS.overInsuredLimitClass),
    trendWorseningDays: days.default(DEFAULT_RISK_THRESHOLDS.trendWorseningDays),
  })
  .superRefine((t, ctx) => {
    for (const criterion of RISK_CRITERIA) {
      let last: { value: string | number; riskClass: GradedClass } | null = null;
      for (const c of GRADED_CLASSES) {
        const value = t[`${criterion}${c}`];
        if (value === null) continue;
        if (last && thresholdValue(value).lessThanOrEqualTo(thresholdValue(last.value)))
          ctx.addIssue({
            code: "custom",
            path: [`${criterion}${c}`],
            message: `doit être supérieur au seuil de la classe ${last.riskClass} (${String(last.value).replace(".", ",")})`,
          });
        last = { value, riskClass: c };
      }
    }
  })
  .prefault({});
/** A company's risk thresholds, defaults filled in. */
export type RiskThresholds = z.output<typeof riskThresholdsSchema>;
/** What a company's settings may hold: any subset of the thresholds. */
export type RiskThresholdsInput = z.input<typeof riskThresholdsSchema>;

/**
 * The worst class `value` reaches on `criterion`, with the threshold it
 * reached; null when it reaches none (the criterion leaves the customer in A).
 */
export function criterionClass(
  criterion: RiskCriterion,
  value: Money | number,
  thresholds: RiskThresholds,
): { riskClass: RiskClass; threshold: string | number } | null {
  let reached: { riskClass: RiskClass; threshold: string | number } | null = null;
  for (const c of GRADED_CLASSES) {
    const threshold = thresholds[`${criterion}${c}`];
    if (threshold !== null && new Dec(value).greaterThanOrEqualTo(thresholdValue(threshold)))
      reached = { riskClass: c, threshold };
  }
  return reached;
}
