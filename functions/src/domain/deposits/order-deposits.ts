import { EngineRuleError } from "../errors/engine-error";
import { formatMoney, money, sumMoney } from "../money/money";
import { frenchAmount } from "../reminders/french-amount";
import { fieldProblem } from "../validation/field-errors";

/** A deposit already recorded on the order: its invoice number and the gross it still holds (credit notes deducted). */
export interface HeldDeposit {
  number: string;
  held: string;
}

/**
 * The deposits of one order, together, stay within the order's total with
 * VAT: each deposit invoice checks itself against the order, but only this
 * sees the ones before it. Throws DEPOSIT_ABOVE_ORDER naming them.
 *
 * @example
 * checkDepositsWithinOrder({
 *   orderGross: "14400.00",
 *   recorded: [{ number: "FA-2026-000001", held: "4320.00" }],
 *   newGross: "10080.00",
 * }); // → passes: 4 320,00 + 10 080,00 = 14 400,00 €, the order's total
 */
export function checkDepositsWithinOrder(input: {
  /** The order's total on the deposit invoice's basis (DepositInvoice.orderGross). */
  orderGross: string;
  recorded: readonly HeldDeposit[];
  newGross: string;
}): void {
  const orderGross = money(input.orderGross);
  const held = sumMoney(input.recorded.map((d) => money(d.held)));
  const total = held.plus(input.newGross);
  if (total.lessThanOrEqualTo(orderGross)) return;
  const numbers = input.recorded.map((d) => d.number).join(", ");
  const room = orderGross.minus(held);
  throw new EngineRuleError(
    "DEPOSIT_ABOVE_ORDER",
    `Les acomptes de cette commande (${numbers}) totalisent déjà ${frenchAmount(formatMoney(held))} TTC : avec ce nouvel acompte de ${frenchAmount(formatMoney(money(input.newGross)))}, ils dépasseraient le total de la commande (${frenchAmount(formatMoney(orderGross))} TTC).`,
    [
      fieldProblem(
        "deposit",
        room.isPositive() && !room.isZero()
          ? `au plus ${frenchAmount(formatMoney(room))} TTC pour cette commande`
          : "la commande est déjà entièrement couverte par ses acomptes",
      ),
    ],
  );
}
