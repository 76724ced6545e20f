import { Money, ZERO, formatMoney, money, roundCents, sumMoney } from "../money/money";
import { parseInput } from "../validation/field-errors";
import { netLinesSchema } from "../validation/vat-schema";
import { VatRate, compareRates, rateFraction } from "./vat-rates";

/** One line of an order or invoice before VAT: its rate and net amount. */
export interface NetLine {
  vatRate: VatRate;
  net: string;
}

/** Net, VAT and gross at one rate, as decimal strings. */
export interface AmountsByRate {
  vatRate: VatRate;
  net: string;
  vat: string;
  gross: string;
}

/** Net, VAT and gross of a whole document, as decimal strings. */
export interface Totals {
  net: string;
  vat: string;
  gross: string;
}

/** Amounts per VAT rate (highest rate first) and their totals. */
export interface VatBreakdown {
  lines: AmountsByRate[];
  total: Totals;
}

/** Internal form of one rate's amounts. */
export interface RateAmounts {
  vatRate: VatRate;
  net: Money;
  vat: Money;
}

/** VAT at a rate on the sum of the nets at that rate, half-up to the cent (EN 16931 BR-CO-17). */
export function vatOn(net: Money, rate: VatRate): Money {
  return roundCents(net.times(rateFraction(rate)));
}

/** Sums nets per rate (lines at the same rate are merged), highest rate first. */
export function netsByRate(lines: readonly { vatRate: VatRate; net: Money }[]): Map<VatRate, Money> {
  const byRate = new Map<VatRate, Money>();
  for (const line of lines) byRate.set(line.vatRate, (byRate.get(line.vatRate) ?? ZERO).plus(line.net));
  return new Map([...byRate.entries()].sort(([a], [b]) => compareRates(a, b)));
}

export function toAmountsByRate(amounts: RateAmounts): AmountsByRate {
  return {
    vatRate: amounts.vatRate,
    net: formatMoney(amounts.net),
    vat: formatMoney(amounts.vat),
    gross: formatMoney(amounts.net.plus(amounts.vat)),
  };
}

export function totalsOf(amounts: readonly RateAmounts[]): Totals {
  const net = sumMoney(amounts.map((a) => a.net));
  const vat = sumMoney(amounts.map((a) => a.vat));
  return { net: formatMoney(net), vat: formatMoney(vat), gross: formatMoney(net.plus(vat)) };
}

export function breakdownOf(amounts: readonly RateAmounts[]): VatBreakdown {
  const sorted = [...amounts].sort((a, b) => compareRates(a.vatRate, b.vatRate));
  return { lines: sorted.map(toAmountsByRate), total: totalsOf(sorted) };
}

/** Parses API amounts per rate back into Money. */
export function parseRateAmounts(lines: readonly { vatRate: VatRate; net: string; vat: string }[]): RateAmounts[] {
  return lines.map((l) => ({ vatRate: l.vatRate, net: money(l.net), vat: money(l.vat) }));
}

/** Per-rate amounts of invoice lines, VAT computed per rate (BR-CO-17). */
export function rateAmountsOf(lines: readonly { vatRate: VatRate; net: Money }[]): RateAmounts[] {
  return [...netsByRate(lines).entries()].map(([vatRate, net]) => ({ vatRate, net, vat: vatOn(net, vatRate) }));
}

/**
 * Net/VAT/gross per rate of invoice lines: VAT is computed on the sum of the
 * nets at each rate, never summed from rounded line VATs (BR-CO-17).
 *
 * @example
 * vatBreakdown([{ vatRate: "20", net: "12000.00" }]);
 * // → { lines: [{ vatRate: "20", net: "12000.00", vat: "2400.00", gross: "14400.00" }],
 * //     total: { net: "12000.00", vat: "2400.00", gross: "14400.00" } }
 */
export function vatBreakdown(rawLines: readonly { vatRate: string; net: string }[]): VatBreakdown {
  const lines = parseInput(netLinesSchema, rawLines);
  return breakdownOf(rateAmountsOf(lines.map((l) => ({ vatRate: l.vatRate, net: money(l.net) }))));
}
