/** fast-check generators shared by the engine's property tests. */
import fc from "fast-check";
import { VAT_RATES } from "../../functions/src/domain";

/** Cents as a decimal string, without going through a float: 123456 → "1234.56". */
export function centsToString(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

export const amountString = (minCents: number, maxCents: number) =>
  fc.integer({ min: minCents, max: maxCents }).map(centsToString);

export const vatRate = fc.constantFrom(...VAT_RATES);

/** Order lines with several rates (and sometimes several lines at one rate). */
export const orderLines = fc.array(fc.record({ vatRate, net: amountString(1, 5_000_000) }), {
  minLength: 1,
  maxLength: 6,
});

/** A deposit as a percentage (two decimals) or a gross amount. */
export const depositShare = fc.oneof(
  fc.integer({ min: 1, max: 10_000 }).map((p) => ({ percent: centsToString(p) })),
  fc.integer({ min: 1, max: 1_000_000 }).map((c) => ({ amountCents: c })),
);

/** Calendar days in 2025–2026 as YYYY-MM-DD. */
export const day2026 = fc
  .integer({ min: 0, max: 500 })
  .map((n) => new Date(Date.UTC(2025, 6, 1) + n * 86_400_000).toISOString().slice(0, 10));

/** k positive integer weights summing to `total` (e.g. percentages in hundredths summing to 10,000). */
export function partition(total: number, maxParts: number) {
  return fc
    .array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: maxParts })
    .map((weights) => {
      const sum = weights.reduce((a, b) => a + b, 0);
      const parts = weights.map((w) => Math.floor((w * total) / sum));
      parts[parts.length - 1] += total - parts.reduce((a, b) => a + b, 0);
      return parts;
    })
    .filter((parts) => parts.every((p) => p > 0));
}
