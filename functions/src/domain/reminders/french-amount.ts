import { Money, formatMoney, money } from "../money/money";

/**
 * "4320.00" → "4 320,00 €": how a French reader expects an amount in a
 * letter. Works on the decimal string itself, never through a float.
 */
export function frenchAmount(amount: string): string {
  const negative = amount.startsWith("-");
  const [units, cents = ""] = amount.replace(/^[-+]/, "").split(".");
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return `${negative ? "−" : ""}${grouped},${cents.padEnd(2, "0")}\u00a0€`;
}

/** A money value as a message writes it: `euros(money("1234.5"))` → "1 234,50 €". */
export function euros(value: Money | string): string {
  return frenchAmount(formatMoney(money(value)));
}

/** A VAT or interest rate as a message writes it: "5.5" → "5,5 %". */
export function frenchPercent(rate: string): string {
  return `${rate.replace(".", ",")}\u00a0%`;
}

/**
 * A number of days as a message writes it: "12.4" → "12,4 jours", "1.5" →
 * "1,5 jour" (French puts the noun in the singular below two).
 */
export function frenchDays(days: string): string {
  return `${days.replace(".", ",")}\u00a0${Math.abs(Number(days)) < 2 ? "jour" : "jours"}`;
}
