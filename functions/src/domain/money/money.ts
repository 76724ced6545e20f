import Decimal from "decimal.js";

/**
 * A local Decimal class: 40 significant digits and half-up rounding, so that
 * nothing in the engine depends on (or changes) the global decimal.js settings
 * other modules may use.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
/** An amount inside the engine: a decimal.js value of the local Dec class, never a JS number. */
export type Money = InstanceType<typeof Dec>;

/** A decimal string of the engine's API: "3600.00", "-12.5", "0". */
export type MoneyString = string;

export const ZERO: Money = new Dec(0);

/**
 * Parses an already validated decimal string (or a Decimal) into Money.
 *
 * @example
 * formatMoney(roundCents(money("2.675"))); // → "2.68"
 */
export function money(value: string | Money | number): Money {
  return new Dec(value);
}

/**
 * Rounds half-up to the cent (half away from zero for negative amounts).
 *
 * @example
 * roundCents(money("2.675")).toString(); // → "2.68"
 * roundCents(money("-2.675")).toString(); // → "-2.68"
 */
export function roundCents(value: Money): Money {
  return value.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/**
 * The API form of an amount: always two decimals, never "-0.00".
 *
 * @example
 * formatMoney(money("3600")); // → "3600.00"
 * formatMoney(money("-0.001")); // → "0.00"
 */
export function formatMoney(value: Money): MoneyString {
  const rounded = roundCents(value);
  return rounded.isZero() ? "0.00" : rounded.toFixed(2);
}

export function sumMoney(values: readonly Money[]): Money {
  return values.reduce<Money>((total, value) => total.plus(value), ZERO);
}

export function minMoney(a: Money, b: Money): Money {
  return a.lessThan(b) ? a : b;
}

export function maxMoney(a: Money, b: Money): Money {
  return a.greaterThan(b) ? a : b;
}
