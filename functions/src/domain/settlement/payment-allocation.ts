import { z } from "zod";
import { Money, formatMoney, minMoney, money } from "../money/money";
import { parseInput } from "../validation/field-errors";
import { moneyAmount, positiveAmount } from "../validation/primitives";

/** Spends `amount` on `open` amounts in the order given, each up to what it still owes; returns what each takes and what is left. */
export function spendInOrder(amount: Money, open: readonly Money[]): { used: Money[]; left: Money } {
  let left = amount;
  const used = open.map((owed) => {
    const take = minMoney(left, owed);
    left = left.minus(take);
    return take;
  });
  return { used, left };
}

export const paymentAllocationInputSchema = z.strictObject({
  amount: positiveAmount,
  invoices: z.array(
    z.strictObject({
      id: z.string({ error: "doit être un identifiant" }).min(1, { message: "l'identifiant est obligatoire" }),
      outstanding: moneyAmount,
    }),
    { error: "doit être une liste de factures" },
  ),
});

/** allocatePayment's answer: what each invoice received and what it still owes, and the unapplied rest. */
export interface PaymentAllocation {
  allocations: { id: string; amount: string; left: string }[];
  /** Paid beyond every invoice: an unapplied credit (refundable through the refund flow). */
  unapplied: string;
}

/**
 * Matches (lettrage) a customer payment to invoices in the order given, each
 * up to its outstanding amount; the rest stays unapplied.
 *
 * @example
 * allocatePayment({ amount: "1500.00", invoices: [{ id: "FA1", outstanding: "1000.00" }, { id: "FA2", outstanding: "800.00" }] });
 * // → { allocations: [{ id: "FA1", amount: "1000.00", left: "0.00" }, { id: "FA2", amount: "500.00", left: "300.00" }],
 * //     unapplied: "0.00" }
 */
export function allocatePayment(rawInput: z.input<typeof paymentAllocationInputSchema>): PaymentAllocation {
  const input = parseInput(paymentAllocationInputSchema, rawInput);
  const open = input.invoices.map((i) => money(i.outstanding));
  const { used, left } = spendInOrder(money(input.amount), open);
  return {
    allocations: input.invoices.map((inv, k) => ({
      id: inv.id,
      amount: formatMoney(used[k]),
      left: formatMoney(open[k].minus(used[k])),
    })),
    unapplied: formatMoney(left),
  };
}
