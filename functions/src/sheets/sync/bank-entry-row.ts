/**
 * A recorded statement entry → its `Banque` row, pure. Docs recorded before
 * the entries carried suggestions, allocations and payments (docs/bank.md)
 * are read with those fields empty.
 */
import { allocationText, entryCounterparty, entryRemittance, suggestionsText } from "../../domain/bank/entry-text";
import { formatMoney, money } from "../../domain";
import { BANK_ENTRY_STATUS_LABELS, type BankEntryDoc } from "../../model/bank-entry";
import { date, money as amount, text } from "../cell";
import type { Row } from "./row-mappers";

export const DIRECTION_LABELS = { credit: "Encaissement", debit: "Décaissement" } as const;

/** What the entry settled: its allocations, or for an older doc the instalments it paid. */
function settledText(d: BankEntryDoc): string {
  const allocations = d.allocations ?? [];
  if (allocations.length > 0) return allocations.map(allocationText).join(" ; ");
  return (d.paidInstalments ?? []).map((id) => `Échéance ${id}`).join(" ; ");
}

export function bankEntryRow(id: string, d: BankEntryDoc): Row {
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
      text(BANK_ENTRY_STATUS_LABELS[d.status]),
      text(d.explanation),
      text(suggestionsText(d.suggestions ?? [])),
      text(settledText(d)),
      text(e.entryRef),
      text(e.statementId),
      text(id),
    ],
  };
}
