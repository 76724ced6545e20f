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
