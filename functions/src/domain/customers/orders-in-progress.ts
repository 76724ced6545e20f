/**
 * The part of a customer's exposure its deposits tell: the orders taken and
 * not yet invoiced (a deposit still open: no final invoice deducted it) and
 * the deposits the company holds on them (RiskInputs.ordersInProgress and
 * depositsHeld).
 */
import { formatMoney, money, roundCents, sumMoney, type MoneyString } from "../money/money";
import type { DepositStatus } from "../vocabulary/labels";

/** One deposit, as its record holds it. */
export interface DepositOnOrder {
  status: DepositStatus;
  /** The deposit invoice's net and gross. */
  net: MoneyString;
  gross: MoneyString;
  /** The order's net total, when the request gave it (DepositDoc.order). */
  orderNet: MoneyString | null;
  /** Gross still refundable: what the company holds of it. */
  refundableBalance: MoneyString;
}

/**
 * Sums the open deposits: each order's gross (its net at the deposit's own
 * VAT mix, half-up; the deposit's gross when the order's net is unknown, the
 * least the order can be) and the deposits held. Applied deposits belong to
 * an invoice, which the profile counts itself; refunded ones to nothing.
 *
 * @example
 * ordersInProgress([{ status: "open", net: "3000.00", gross: "3600.00", orderNet: "10000.00", refundableBalance: "3600.00" }]);
 * // → { ordersInProgress: "12000.00", depositsHeld: "3600.00" }
 */
export function ordersInProgress(deposits: readonly DepositOnOrder[]): {
  ordersInProgress: MoneyString;
  depositsHeld: MoneyString;
} {
  const open = deposits.filter((d) => d.status === "open");
  const orderGross = (d: DepositOnOrder) =>
    d.orderNet === null || money(d.net).isZero()
      ? money(d.gross)
      : roundCents(money(d.orderNet).times(d.gross).dividedBy(d.net));
  return {
    ordersInProgress: formatMoney(sumMoney(open.map(orderGross))),
    depositsHeld: formatMoney(sumMoney(open.map((d) => money(d.refundableBalance)))),
  };
}
