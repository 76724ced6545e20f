import type { JournalEntry } from "../domain";
import type { DateString } from "./amounts";
import type { SealedRecord } from "./chain";

/** What an entry says once validated: the engine's balanced entry, its number and what it books. Hashed, never changed. */
export interface JournalEntryContent extends JournalEntry {
  /** FEC EcritureNum: gapless and chronological (`EC-2026-000001`). */
  number: string;
  source: { kind: "deposit" | "creditNote" | "instalment" | "finalInvoice" | "penaltyInvoice" | "payment"; id: string };
}

/** Copies of the sealed content for queries, written only through `journalEntryCopies`, checked by the verifier. No mutable state. */
export interface JournalEntryCopies {
  number: string;
  date: DateString;
}

export function journalEntryCopies(content: JournalEntryContent): JournalEntryCopies {
  return { number: content.number, date: content.date };
}

export const JOURNAL_ENTRY_COPY_FIELDS = Object.keys({
  number: 1,
  date: 1,
} satisfies Record<keyof JournalEntryCopies, 1>) as (keyof JournalEntryCopies)[];

/** companies/{c}/journalEntries/{id}: balanced (total debit = total credit), validated at once, chained. */
export interface JournalEntryDoc extends SealedRecord<JournalEntryContent>, JournalEntryCopies {}
