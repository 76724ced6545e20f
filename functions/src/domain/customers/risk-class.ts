/**
 * The four risk classes of a customer, A (best) to D (worst). They are
 * Acompte's own scale, set by the thresholds of risk-thresholds.ts — not the
 * Banque de France cotation, whose spirit (a letter that says how far to
 * trust a debtor, with its reasons) they borrow.
 */
export const RISK_CLASSES = ["A", "B", "C", "D"] as const;
/** One of RISK_CLASSES. */
export type RiskClass = (typeof RISK_CLASSES)[number];

/** The worse of two classes (D is worse than C…). */
export function worseClass(a: RiskClass, b: RiskClass): RiskClass {
  return RISK_CLASSES.indexOf(a) >= RISK_CLASSES.indexOf(b) ? a : b;
}

/** 0 for A … 3 for D: to compare classes. */
export function riskClassRank(riskClass: RiskClass): number {
  return RISK_CLASSES.indexOf(riskClass);
}
