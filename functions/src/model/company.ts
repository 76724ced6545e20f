import type { Timestamp } from "@google-cloud/firestore";
import type { ChartOfAccounts } from "../domain/ledger/chart-of-accounts";

/** companies/{c}.settings: everything per company that changes how the workflow computes. */
export interface CompanySettings {
  name: string;
  siren: string;
  /** VAT regime: true when the company opted for VAT on debits (services). */
  vatOnDebits: boolean;
  /** Company choice (unsettled law): is VAT booked when arrhes are received? */
  arrhesVatOnReceipt: boolean;
  /** Overrides of the engine's default PCG chart (functions/src/domain/ledger/chart-of-accounts.ts). */
  accounts: Partial<ChartOfAccounts>;
  /** Gross amount (decimal string) at or above which a refund needs sales AND accounting approval. */
  approvalThreshold: string;
  /** Payment terms of final invoices, capped by the legal limits (L441-10). */
  paymentTerms: { kind: "days"; days: number } | { kind: "endOfMonth45" };
}

/**
 * companies/{c}. `reminderSettings` is read by the reminders job (see
 * functions/src/domain/reminders/reminder-settings.ts for its shape).
 * `spreadsheetIds` are the workbooks bound to this company (one company each).
 */
export interface CompanyDoc {
  settings: CompanySettings;
  reminderSettings?: unknown;
  spreadsheetIds?: string[];
  createdAt: Timestamp;
}
