import { Dec, Money, roundCents } from "../money/money";
import { vatOn } from "./vat-breakdown";
import { VatRate, rateFraction } from "./vat-rates";

/**
 * Net and VAT inside a gross amount at one rate (a deposit given "TTC", or
 * part of it refunded). Prefers the net whose BR-CO-17 VAT, round(net × rate),
 * adds up exactly to the gross, so the document passes EN 16931 checks. Some
 * gross amounts have no such net (at 20 %, one cent value in six is skipped);
 * then the VAT is the VAT included in the gross, round(gross × rate / (1 + rate))
 * — the amount cashed is what VAT is due on (CGI art. 269-2-c) — and the net
 * is the rest. That can differ by one cent from round(net × rate).
 */
export function splitGross(gross: Money, rate: VatRate): { net: Money; vat: Money } {
  const fraction = rateFraction(rate);
  const estimate = roundCents(gross.dividedBy(fraction.plus(1)));
  for (const delta of [0, -1, 1, -2, 2]) {
    const net = estimate.plus(new Dec(delta).dividedBy(100));
    if (net.isNegative()) continue;
    const vat = vatOn(net, rate);
    if (net.plus(vat).equals(gross)) return { net, vat };
  }
  const vat = roundCents(gross.times(fraction).dividedBy(fraction.plus(1)));
  return { net: gross.minus(vat), vat };
}
