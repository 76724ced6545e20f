/**
 * TEMPORARY adapter: the engine has no posting rule for a customer payment
 * received (D512 / C411) nor for matching it to invoices. Built on the
 * engine's own balanced-entry builder and Money; to be replaced by engine
 * functions (requested in the workflow report).
 */
import { journalEntry } from "../../domain/ledger/journal-entry";
import { chartOfAccounts, money, type ChartOfAccounts, type JournalEntry } from "../../domain";
import { formatMoney } from "../../domain";

export function paymentReceivedEntry(input: {
  date: string;
  pieceRef: string;
  amount: string;
  label: string;
  chart?: Partial<ChartOfAccounts>;
}): JournalEntry {
  const chart = chartOfAccounts(input.chart);
  const amount = money(input.amount);
  // EntryKind has no "payment received" yet; "refund_paid" is the closest bank/customer kind and the lines say which way the money went.
  return journalEntry(
    { kind: "refund_paid", journal: "BQ", date: input.date, pieceRef: input.pieceRef, label: input.label },
    [
      { account: chart.bank, label: "Encaissement client", amount },
      { account: chart.customers, label: "Encaissement client", amount: amount.negated() },
    ],
  );
}

/** Allocates a payment to invoices in the given order, each up to its open amount; the rest is unapplied. */
export function allocatePayment(
  amount: string,
  invoices: readonly { id: string; openAmount: string }[],
): { allocations: { id: string; amount: string; left: string }[]; unapplied: string } {
  let left = money(amount);
  const allocations = invoices.map((inv) => {
    const open = money(inv.openAmount);
    const used = left.lessThan(open) ? left : open;
    left = left.minus(used);
    return { id: inv.id, amount: formatMoney(used), left: formatMoney(open.minus(used)) };
  });
  return { allocations, unapplied: formatMoney(left) };
}
