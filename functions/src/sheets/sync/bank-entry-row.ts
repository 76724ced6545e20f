/**
 * A recorded statement entry → its `Banque` row, pure. Docs recorded before
 * the entries carried suggestions, allocations and payments (docs/bank.md)
 * are read with those fields empty.
 */
import { allocationText, entryCounterparty, entryRemittance, suggestionsText } from "../../domain/bank/entry-text";
import type { Allocation, Suggestion } from "../../domain/bank/matching";
import { formatMoney, money } from "../../domain";
import { BANK_ENTRY_STATUS_LABELS, type BankEntryDoc } from "../../model/bank-entry";
import { date, money as amount, text } from "../cell";
import type { Row } from "./row-mappers";

/** A stored entry as any version wrote it: the matching's fields may be missing, the status newer than this code. */
export type StoredBankEntry = Omit<BankEntryDoc, "status"> & {
  status: string;
  suggestions?: Suggestion[];
  allocations?: Allocation[];
  payments?: string[];
};

export const DIRECTION_LABELS = { credit: "Encaissement", debit: "Décaissement" } as const;

/** `unmatched` (a match undone by a person) is to reconcile again: shown so until its own label exists. */
export function bankEntryStatusLabel(status: string): string {
  return (
    (BANK_ENTRY_STATUS_LABELS as Record<string, string | undefined>)[status] ?? BANK_ENTRY_STATUS_LABELS.to_reconcile
  );
}

/** What the entry settled: its allocations, or for an older doc the instalments it paid. */
function settledText(d: StoredBankEntry): string {
  const allocations = d.allocations ?? [];
  if (allocations.length > 0) return allocations.map(allocationText).join(" ; ");
  return (d.paidInstalments ?? []).map((id) => `Échéance ${id}`).join(" ; ");
}

export function bankEntryRow(id: string, d: StoredBankEntry): Row {
  const e = d.entry;
  return {
    id,
    order: `${e.bookingDate}|${e.entryRef}|${id}`,
    cells: [
      date(e.bookingDate),
      text(DIRECTION_LABELS[e.direction]),
      // Signed as on the account: money out is negative.
      amount(e.direction === "debit" ? formatMoney(money(e.amount).negated()) : e.amount),
      text(entryCounterparty(e)),
      text(entryRemittance(e)),
      text(bankEntryStatusLabel(d.status)),
      text(d.explanation),
      text(suggestionsText(d.suggestions ?? [])),
      text(settledText(d)),
      text(e.entryRef),
      text(e.statementId),
      text(id),
    ],
  };
}
