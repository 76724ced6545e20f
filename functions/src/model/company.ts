import type { Timestamp } from "@google-cloud/firestore";
import type { z } from "zod";
import type { DepositPolicy, PostalAddress, RiskThresholds, schemas } from "../domain";
import type { CsvStatementLayout } from "../domain/bank/csv-layout";
import type { Factor } from "../domain/customers/factors";
import type { Insurer } from "../domain/customers/insurers";

/**
 * companies/{c}.settings: everything per company that changes how the
 * workflow computes. The operator's input is validated by
 * companySettingsSchema (workflow/bodies/company-body.ts), whose output is
 * checked at compile time to be exactly this shape, so the stored shape and
 * its validation cannot drift apart while the model stays below the workflow.
 */
export interface CompanySettings {
  name: string;
  siren: string;
  /** The seller's legal identity printed on documents (domain/identity/legal-identity.ts); absent until configured. */
  legalForm?: string;
  shareCapital?: string;
  address?: PostalAddress;
  siret?: string;
  rcsCity?: string;
  vatNumber?: string;
  vatOnDebits: boolean;
  arrhesVatOnReceipt: boolean;
  accounts: z.output<typeof schemas.chartOverridesSchema>;
  approvalThreshold: string;
  paymentTerms: { kind: "days"; days: number } | { kind: "endOfMonth45" };
  paymentPromiseMaxMonths?: number;
  /** Closing day of the fiscal year, `MM-DD`; absent: 31 December (domain/fec/fiscal-year-end.ts). */
  fiscalYearEnd?: string;
  /** The `Écritures` sheet shows only the last N months (the FEC is the full journal); absent: every entry. */
  journalSheetMonths?: number;
  /** The company account refunds are transferred from (IBAN in electronic form, BIC when given): the transfer files' debtor. */
  bankIban?: string;
  bankBic?: string;
  /**
   * A refund whose beneficiary IBAN changed within this many days is held
   * out of the transfer files until a second person confirms the change
   * (domain/bank/iban-change.ts); absent: DEFAULT_IBAN_CHANGE_HOLD_DAYS (30).
   */
  ibanChangeHoldDays?: number;
  /** How the bank's CSV statement export is laid out (bank/csv-statement.ts); absent: CSV_STATEMENT_DEFAULTS. */
  statementCsv?: CsvStatementLayout;
  /**
   * Issue each deposit invoice, credit note and final invoice as a file
   * (stored, sealed in the chain, docs/einvoice.md « Issued documents »); when on, a document
   * whose mandatory mentions are missing (documentReadiness) is refused
   * before its number. Absent: off (companies configured before #13).
   */
  documentsEnabled?: boolean;
  /** Mail each issued document to the customer; absent: on (when documents are issued). */
  sendDocuments?: boolean;
  /**
   * The credit insurers the company holds policies with, each with its delay
   * to declare an overdue invoice (docs/customers-risk.md « Credit
   * insurance »). Absent or empty: a customer's cover may name any insurer,
   * and no declaration is reminded; once set, it must name one of them.
   */
  insurers?: Insurer[];
  /**
   * The factors the company assigns invoices to, each with the bank details
   * its assigned invoices print and the ledger account their receivable
   * moves to (docs/customers-risk.md « Factoring »). A customer whose
   * factoring is `assigned` must name one of them.
   */
  factors?: Factor[];
  /**
   * The thresholds of the customer risk classes (domain/customers/risk-thresholds.ts),
   * stored whole: what the operator left out holds the default of the day it was configured.
   * Absent: DEFAULT_RISK_THRESHOLDS.
   */
  riskThresholds?: RiskThresholds;
  /** Deposit and terms per risk class (domain/customers/deposit-policy.ts), stored whole; absent: DEFAULT_DEPOSIT_POLICY. */
  depositPolicy?: DepositPolicy;
}

/**
 * companies/{c}. `reminderSettings` is read by the reminders job (see
 * functions/src/domain/reminders/reminder-settings.ts for its shape).
 * `spreadsheetIds` are the workbooks bound to this company, written with
 * their workbooks/{id} registry entry (model/workbook.ts), which decides.
 */
export interface CompanyDoc {
  settings: CompanySettings;
  reminderSettings?: unknown;
  spreadsheetIds?: string[];
  createdAt: Timestamp;
}
