import type { Timestamp } from "@google-cloud/firestore";
import type { StatementEntry } from "../domain/bank/statement-entry";

/**
 * « Payée » when the entry paid refund instalments (outgoing transfer
 * carrying our end-to-end id), « Retour » for a returned transfer recorded
 * but not applied, « À rapprocher » for everything else.
 */
export type BankEntryStatus = "applied" | "returned" | "to_reconcile";

export const BANK_ENTRY_STATUS_LABELS: Record<BankEntryStatus, string> = {
  applied: "Rapprochée",
  returned: "Virement retourné",
  to_reconcile: "À rapprocher",
};

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
  importedAt: Timestamp;
  importedBy: string;
}
