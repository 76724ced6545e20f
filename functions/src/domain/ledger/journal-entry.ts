import { CalendarDate } from "../dates/calendar-date";
import { Money, ZERO, formatMoney, money, sumMoney } from "../money/money";

export type EntryKind =
  | "deposit_cashed"
  | "final_invoice"
  | "credit_note"
  | "refund_paid"
  | "payment_received"
  | "compensation_paid"
  | "compensation_kept";

/** Journal codes: sales (invoices and credit notes), bank, miscellaneous. */
export type JournalCode = "VT" | "BQ" | "OD";

export interface JournalLine {
  account: string;
  label: string;
  debit: string;
  credit: string;
}

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

/** Total debit and total credit of an entry (equal for every entry the engine builds). */
export function entryTotals(entry: JournalEntry): { debit: string; credit: string } {
  return {
    debit: formatMoney(sumMoney(entry.lines.map((l) => money(l.debit)))),
    credit: formatMoney(sumMoney(entry.lines.map((l) => money(l.credit)))),
  };
}
