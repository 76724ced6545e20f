/** A bank statement as the matching sees it, whatever file it came from (camt.053 today, CSV later). */
import type { CalendarDate } from "../dates/calendar-date";
import type { MoneyString } from "../money/money";
import type { Iban } from "./iban";

export type Direction = "credit" | "debit";

/** One transaction inside an entry: a batch booking carries several under one entry. */
export interface EntryTransaction {
  /** The end-to-end id the payer set (ours on refunds: `ACP-…`); absent or `NOTPROVIDED` when none. */
  endToEndId?: string;
  /** The transaction's own amount when the bank gives it, else the entry's. */
  amount: MoneyString;
  /** Unstructured remittance lines, joined by a space. */
  remittance?: string;
  /** Structured creditor reference (RF… or the seller's own), from `Strd/CdtrRefInf/Ref`. */
  creditorReference?: string;
  /** The other party: the payer of a credit, the payee of a debit. */
  counterpartyName?: string;
  counterpartyIban?: Iban;
  /** ISO return reason (`AC04`, `MD07`…) of an R-transaction. */
  returnReason?: string;
}

/** One booked entry of a statement. Recorded once per account and `entryRef`. */
export interface StatementEntry {
  accountIban: Iban;
  statementId: string;
  /** The bank's reference of the entry (`AcctSvcrRef`, else `NtryRef`): with the account, the entry's identity. */
  entryRef: string;
  bookingDate: CalendarDate;
  valueDate?: CalendarDate;
  amount: MoneyString;
  direction: Direction;
  /** The bank reverses an earlier entry (RvslInd). */
  reversal: boolean;
  /** A returned transfer: reversal flag or return information present. */
  returned: boolean;
  additionalInfo?: string;
  transactions: EntryTransaction[];
}

/** A statement's header, what the dashboard compares with the book balance of 512. */
export interface StatementSummary {
  statementId: string;
  accountIban: Iban;
  /** Closing booked balance (CLBD), signed, when the statement gives one. */
  closingBalance?: MoneyString;
  closingDate?: CalendarDate;
  entries: number;
  /** Entries not booked yet (pending, information only): not recorded. */
  skipped: number;
}

/** The identity of an entry: re-importing a file or an overlapping period finds the same keys. */
export function entryKey(entry: Pick<StatementEntry, "accountIban" | "entryRef">): string {
  return `${entry.accountIban}|${entry.entryRef}`;
}
