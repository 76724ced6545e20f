import { CalendarDate } from "../dates/calendar-date";
import { Money, ZERO, formatMoney, money, sumMoney } from "../money/money";

/** What an entry posts; one posting rule per kind (see posting-rules.ts). */
export type EntryKind =
  | "deposit_cashed"
  | "final_invoice"
  | "credit_note"
  | "refund_paid"
  | "refund_returned"
  | "payment_received"
  | "bank_match_reversed"
  | "compensation_paid"
  | "compensation_kept"
  | "penalty_invoice"
  | "vat_on_payment"
  | "factoring_assignment";

/** Journal codes: sales (invoices and credit notes), bank, miscellaneous. */
export type JournalCode = "VT" | "BQ" | "OD";

/** One line of an entry: an account, its label, and a debit or a credit (the other side "0.00"). */
export interface JournalLine {
  account: string;
  label: string;
  debit: string;
  credit: string;
}

/** A journal entry (PCG), balanced: total debit = total credit. Fields follow the FEC. */
export interface JournalEntry {
  kind: EntryKind;
  journal: JournalCode;
  date: CalendarDate;
  /** The document the entry posts (invoice, credit note or payment number): FEC PieceRef. */
  pieceRef: string;
  label: string;
  lines: JournalLine[];
}

/** A line before formatting: a positive amount on the debit side, negative on the credit side. */
export interface Posting {
  account: string;
  label: string;
  /** Signed: > 0 debit, < 0 credit. */
  amount: Money;
}

export class UnbalancedEntryError extends Error {}

/**
 * Builds an entry from signed postings: zero lines are dropped, a negative
 * amount goes to the credit side. Refuses to return an entry whose debits and
 * credits differ — a bug in a posting rule, never a user error.
 */
export function journalEntry(head: Omit<JournalEntry, "lines">, postings: readonly Posting[]): JournalEntry {
  const imbalance = sumMoney(postings.map((p) => p.amount));
  if (!imbalance.isZero())
    throw new UnbalancedEntryError(`Écriture ${head.pieceRef} déséquilibrée de ${formatMoney(imbalance)}`);
  const lines = postings
    .filter((p) => !p.amount.isZero())
    .map((p) => ({
      account: p.account,
      label: p.label,
      debit: formatMoney(p.amount.greaterThan(ZERO) ? p.amount : ZERO),
      credit: formatMoney(p.amount.lessThan(ZERO) ? p.amount.negated() : ZERO),
    }));
  return { ...head, lines };
}

/**
 * Total debit and total credit of an entry (equal for every entry the engine builds).
 *
 * @example
 * entryTotals(depositCashedEntry({ date: "2026-01-15", pieceRef: "FA2026-0042", lines: [{ vatRate: "20", net: "3600.00", vat: "720.00" }] }));
 * // → { debit: "4320.00", credit: "4320.00" }
 */
export function entryTotals(entry: JournalEntry): { debit: string; credit: string } {
  return {
    debit: formatMoney(sumMoney(entry.lines.map((l) => money(l.debit)))),
    credit: formatMoney(sumMoney(entry.lines.map((l) => money(l.credit)))),
  };
}
