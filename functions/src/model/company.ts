import type { Timestamp } from "@google-cloud/firestore";

/** PCG account numbers a company posts to (its chart of accounts may differ from the defaults). */
export interface ChartOfAccounts {
  bank: string; // 512
  customers: string; // 411
  depositsReceived: string; // 4191
  vatCollected: string; // 44571
  sales: string; // 707 (goods) — services use salesServices
  salesServices: string; // 706
  compensationIncome: string; // 7788 forfeited arrhes, no VAT
  compensationExpense: string; // 6788 double arrhes, late-refund increases, no VAT
}

/** companies/{c}.settings: everything per company that changes how the workflow computes. */
export interface CompanySettings {
  name: string;
  siren: string;
  /** VAT regime: true when the company opted for VAT on debits (services). */
  vatOnDebits: boolean;
  /** Company choice (unsettled law): is VAT booked when arrhes are received? */
  arrhesVatOnReceipt: boolean;
  accounts: ChartOfAccounts;
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

export const DEFAULT_ACCOUNTS: ChartOfAccounts = {
  bank: "512",
  customers: "411",
  depositsReceived: "4191",
  vatCollected: "44571",
  sales: "707",
  salesServices: "706",
  compensationIncome: "7788",
  compensationExpense: "6788",
};
