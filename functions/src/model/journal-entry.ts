import type { Timestamp } from "@google-cloud/firestore";
import type { DateString, MoneyString } from "./amounts";
import type { ChainLink } from "./chain";

/** One line of an entry: exactly one of debit/credit is non-zero. */
export interface JournalLine {
  account: string;
  label: string;
  debit: MoneyString;
  credit: MoneyString;
  /** Customer sub-account (FEC CompAuxNum), on 411 lines. */
  auxiliary?: string;
}

export interface JournalEntryContent {
  /** FEC EcritureNum: gapless and chronological. */
  number: string;
  date: DateString;
  journal: "VE" | "BQ" | "OD";
  label: string;
  /** FEC PieceRef / PieceDate: the document the entry books. */
  pieceRef: string;
  pieceDate: DateString;
  lines: JournalLine[];
  source: { kind: "deposit" | "creditNote" | "instalment" | "finalInvoice" | "payment"; id: string };
}

/** companies/{c}/journalEntries/{id}: balanced (total debit = total credit), validated at once, chained. */
export interface JournalEntryDoc extends ChainLink {
  content: JournalEntryContent;
  number: string;
  date: DateString;
  createdAt: Timestamp;
}
