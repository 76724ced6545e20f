import { Dec, Money } from "../money/money";

/**
 * French VAT rates (CGI art. 278 to 281 nonies) plus 0 for exempt or
 * out-of-scope lines. Written as the API writes them.
 */
export const VAT_RATES = ["20", "10", "5.5", "2.1", "0"] as const;
/** One of VAT_RATES, in its canonical form ("5.5", never "5.50"). */
export type VatRate = (typeof VAT_RATES)[number];

/**
 * The canonical form of a VAT rate: "20.0", "5.50" → "20", "5.5"; null when
 * the value is not a French rate (CGI art. 278 ff.).
 *
 * @example
 * canonicalVatRate("5.50"); // → "5.5"
 * canonicalVatRate("19.6"); // → null (the pre-2014 standard rate)
 */
export function canonicalVatRate(value: string): VatRate | null {
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  const normalised = new Dec(value).toString();
  return (VAT_RATES as readonly string[]).includes(normalised) ? (normalised as VatRate) : null;
}

/** 20 → 0.20 */
export function rateFraction(rate: VatRate): Money {
  return new Dec(rate).dividedBy(100);
}

/** Higher rates first, the order French invoices usually list them in. */
export function compareRates(a: VatRate, b: VatRate): number {
  return new Dec(b).comparedTo(new Dec(a));
}
