import { formatMoney, money, sumMoney } from "../money/money";

/** An open invoice as the settlement reads it. */
export interface OutstandingInvoice {
  number: string;
  dueDate: string;
  outstanding: string;
}

/**
 * What each open invoice still has to offset once the requests awaiting
 * approval have taken their proposed offsets: two requests cannot both
 * count on one invoice's balance (the second would only fail at approval).
 * Invoices left with nothing drop out.
 *
 * @example
 * outstandingAfterRequests(
 *   [{ number: "FA-2026-000050", dueDate: "2026-02-15", outstanding: "1000.00" }],
 *   [[{ invoiceNumber: "FA-2026-000050", amount: "400.00" }]],
 * ); // → [{ number: "FA-2026-000050", dueDate: "2026-02-15", outstanding: "600.00" }]
 */
export function outstandingAfterRequests(
  invoices: readonly OutstandingInvoice[],
  offsetsInFlight: readonly (readonly { invoiceNumber: string; amount: string }[])[],
): OutstandingInvoice[] {
  const taken = offsetsInFlight.flat();
  return invoices
    .map((inv) => {
      const promised = sumMoney(taken.filter((o) => o.invoiceNumber === inv.number).map((o) => money(o.amount)));
      return { ...inv, outstanding: formatMoney(money(inv.outstanding).minus(promised)) };
    })
    .filter((inv) => money(inv.outstanding).greaterThan(0));
}
