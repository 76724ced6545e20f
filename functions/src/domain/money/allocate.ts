import { Dec, Money, ZERO, sumMoney } from "./money";

/**
 * Splits `total` (a whole number of cents) across `weights` in proportion,
 * each share a whole number of cents, the shares summing exactly to `total`.
 * Largest-remainder method: every share is within one cent of its exact
 * proportional value, so no share exceeds its weight when total ≤ Σ weights
 * (which a "remainder on the last" rule cannot promise).
 */
export function allocateCents(total: Money, weights: readonly Money[]): Money[] {
  const weightSum = sumMoney(weights);
  if (weights.length === 0) return [];
  if (weightSum.isZero()) {
    return weights.map((_, i) => (i === weights.length - 1 ? total : ZERO));
  }
  const totalCents = total.times(100);
  const exact = weights.map((w) => totalCents.times(w).dividedBy(weightSum));
  const floors = exact.map((e) => e.floor());
  let left = totalCents.minus(sumMoney(floors)).toNumber();
  const order = exact
    .map((e, i) => ({ i, fraction: e.minus(floors[i]) }))
    .sort((a, b) => b.fraction.comparedTo(a.fraction) || a.i - b.i);
  const cents = [...floors];
  for (const { i } of order) {
    if (left <= 0) break;
    cents[i] = cents[i].plus(1);
    left -= 1;
  }
  return cents.map((c) => new Dec(c).dividedBy(100));
}
