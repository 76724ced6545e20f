import type { SupplyKind } from "../deposits/deposit-kind";
import { Money, ZERO, formatMoney, money, roundCents } from "../money/money";
import type { VatRate } from "./vat-rates";
import { finalInvoiceVatLines } from "../vat-return/vat-return";

/** Net and VAT at one rate, decimal strings: what an invoice makes due, or the share of it a payment makes chargeable. */
export interface VatShare {
  vatRate: VatRate;
  net: string;
  vat: string;
}

/**
 * Whether the VAT a final invoice makes due waits for its payment: services
 * invoiced by a company without the option for debits (CGI art. 269-2-c:
 * VAT on services is chargeable on cashing the price). Nothing left to pay
 * (deposits covered it all) leaves nothing to wait for.
 *
 * @example
 * vatAwaitsPayment({ supplyKind: "services", vatOnDebits: false, amountDue: "2400.00" }); // → true
 * vatAwaitsPayment({ supplyKind: "goods", vatOnDebits: false, amountDue: "2400.00" }); // → false
 */
export function vatAwaitsPayment(input: { supplyKind: SupplyKind; vatOnDebits: boolean; amountDue: string }): boolean {
  return input.supplyKind === "services" && !input.vatOnDebits && money(input.amountDue).greaterThan(ZERO);
}

/**
 * What a payment of a services invoice makes chargeable (CGI art. 269-2-c),
 * per rate: the share of the invoice's pending net and VAT proportional to
 * the gross paid so far, half-up to the cent, less what earlier payments
 * already made chargeable. Computed on the cumulative amount paid, so the
 * roundings never drift, and the payment that settles the invoice takes
 * exactly what is left: the invoice's pending VAT ends at 0.00.
 *
 * @example
 * // Services invoice 2,000.00 + 400.00 VAT, paid 1,000.00 then 1,400.00.
 * vatChargeableOnPayment({ due: [{ vatRate: "20", net: "2000.00", vat: "400.00" }], transferred: [], amountDue: "2400.00", openAfter: "1400.00" });
 * // → { lines: [{ vatRate: "20", net: "833.33", vat: "166.67" }], transferred: [{ vatRate: "20", net: "833.33", vat: "166.67" }] }
 * vatChargeableOnPayment({ due: [{ vatRate: "20", net: "2000.00", vat: "400.00" }], transferred: [{ vatRate: "20", net: "833.33", vat: "166.67" }], amountDue: "2400.00", openAfter: "0.00" });
 * // → { lines: [{ vatRate: "20", net: "1166.67", vat: "233.33" }], transferred: [{ vatRate: "20", net: "2000.00", vat: "400.00" }] }
 */
export function vatChargeableOnPayment(input: {
  /** What the invoice made due per rate (net of the deposits already taxed on cashing). */
  due: readonly VatShare[];
  /** What earlier payments already made chargeable, per rate. */
  transferred: readonly VatShare[];
  /** Gross the customer owed at issue. */
  amountDue: string;
  /** Gross still owed after this payment. */
  openAfter: string;
}): { lines: VatShare[]; transferred: VatShare[] } {
  const amountDue = money(input.amountDue);
  const paid = amountDue.minus(money(input.openAfter));
  const settled = money(input.openAfter).lessThanOrEqualTo(ZERO);
  const share = (due: string): Money =>
    settled ? money(due) : roundCents(money(due).times(paid).dividedBy(amountDue));
  const before = (vatRate: VatRate) => input.transferred.find((t) => t.vatRate === vatRate);
  const transferred = input.due.map((d) => ({
    vatRate: d.vatRate,
    net: formatMoney(share(d.net)),
    vat: formatMoney(share(d.vat)),
  }));
  const lines = transferred.map((t) => ({
    vatRate: t.vatRate,
    net: formatMoney(money(t.net).minus(money(before(t.vatRate)?.net ?? "0"))),
    vat: formatMoney(money(t.vat).minus(money(before(t.vatRate)?.vat ?? "0"))),
  }));
  return { lines, transferred };
}

/**
 * What a services final invoice leaves waiting for its payment, per rate:
 * the VAT it makes due (its own less the deposits' already taxed on
 * cashing). A rate with no VAT — arrhes outside VAT at 0 %, whose deduction
 * even leaves a negative base — has nothing to wait for and is left out.
 *
 * @example
 * vatDueOnPayment(
 *   [{ vatRate: "20", net: "10.00", vat: "2.00" }],
 *   [[{ vatRate: "0", net: "0.01", vat: "0.00" }]],
 * ); // → [{ vatRate: "20", net: "10.00", vat: "2.00" }]
 */
export function vatDueOnPayment(lines: readonly VatShare[], deposits: readonly (readonly VatShare[])[]): VatShare[] {
  return finalInvoiceVatLines(lines, deposits).filter((l) => !money(l.vat).isZero());
}
