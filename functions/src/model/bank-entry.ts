import type { Timestamp } from "@google-cloud/firestore";
import type { Allocation, Suggestion } from "../domain/bank/matching";
import type { StatementEntry } from "../domain/bank/statement-entry";

/**
 * « Rapprochée » when the entry paid refund instalments or settled invoices
 * (automatically, or confirmed by a person), « Virement retourné » for a
 * returned transfer, « À rapprocher » for what waits for a person, and
 * « Rapprochement annulé » for an entry a person unmatched: it is to
 * reconcile again (sheets and dashboard count it with `to_reconcile`).
 */
export type BankEntryStatus = "applied" | "returned" | "to_reconcile" | "unmatched";

export const BANK_ENTRY_STATUS_LABELS: Record<BankEntryStatus, string> = {
  applied: "Rapprochée",
  returned: "Virement retourné",
  to_reconcile: "À rapprocher",
  unmatched: "Rapprochement annulé",
};

/** Statuses a person still has to reconcile. */
export const BANK_ENTRY_TO_RECONCILE: readonly BankEntryStatus[] = ["to_reconcile", "unmatched"];

/** companies/{c}/bankEntries/{hash of entryKey}: one booked statement entry, recorded once. */
export interface BankEntryDoc {
  /** `entryKey(entry)`: account IBAN | bank reference. */
  key: string;
  entry: StatementEntry;
  status: BankEntryStatus;
  /** Why, in French. */
  explanation: string;
  /** Instalments paid by the entry: `refundId/n`. */
  paidInstalments: string[];
  /** Possible matches, best first ([] when none). Absent on entries imported before matching of incoming entries. */
  suggestions?: Suggestion[];
  /** What the entry settled ([] when none; emptied when unmatched). Absent on older entries: read as []. */
  allocations?: Allocation[];
  /** Ids of the payment documents (payments/{id}) the entry recorded ([] when none). Absent on older entries: read as []. */
  payments?: string[];
  /** Who confirmed or undid the match, and when (absent for an automatic match). */
  matchedBy?: string;
  matchedAt?: Timestamp;
  unmatchedBy?: string;
  unmatchedAt?: Timestamp;
  unmatchReason?: string;
  importedAt: Timestamp;
  importedBy: string;
}

/**
 * companies/{c}/bankPayers/{hash of customerKey}: the accounts a customer
 * was seen paying from, learned from entries settled for it (by reference or
 * confirmed by a person), so the next statement recognises the payer by IBAN.
 */
export interface BankPayerDoc {
  customerKey: string;
  customerName: string;
  /** Electronic form, oldest first. */
  ibans: string[];
  updatedAt: Timestamp;
}
