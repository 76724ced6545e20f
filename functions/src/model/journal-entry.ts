import type { Timestamp } from "@google-cloud/firestore";
import type { JournalEntry } from "../domain";
import type { DateString } from "./amounts";
import type { ChainLink } from "./chain";

/** What an entry says once validated: the engine's balanced entry, its number and what it books. Hashed, never changed. */
export interface JournalEntryContent extends JournalEntry {
  /** FEC EcritureNum: gapless and chronological (`EC-2026-000001`). */
  number: string;
  source: { kind: "deposit" | "creditNote" | "instalment" | "finalInvoice" | "payment"; id: string };
}

/** companies/{c}/journalEntries/{id}: balanced (total debit = total credit), validated at once, chained. */
export interface JournalEntryDoc extends ChainLink {
  content: JournalEntryContent;
  number: string;
  date: DateString;
  createdAt: Timestamp;
}
