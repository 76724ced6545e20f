/**
 * Firestore layout: every collection the functions read or write is named
 * here and nowhere else. Every business document lives under its company, so
 * a company id in the path is the tenant boundary:
 *
 *   companies/{companyId}                          CompanyDoc (settings, reminderSettings)
 *     users/{email}                                UserDoc (roles in this company)
 *     deposits/{depositId}                         DepositDoc (mutable state of a deposit)
 *     invoices/{invoiceId}                         InvoiceDoc (deposit invoices and final invoices, one series, chained)
 *     creditNotes/{creditNoteId}                   CreditNoteDoc (immutable, chained)
 *     refunds/{refundId}                           RefundDoc (a refund request and its approval circuit)
 *       instalments/{n}                            InstalmentDoc (collection group "instalments")
 *     journalEntries/{entryId}                     JournalEntryDoc (immutable, chained, balanced)
 *     refundStatements/{refundId}                  RefundStatementRecordDoc (a customer-credit refund's statement, chained)
 *     payments/{paymentId}                         PaymentDoc (customer payment and its lettrage)
 *     customerCredits/{creditId}                   CustomerCreditDoc (unapplied payment excess, refundable)
 *     events/{eventId}                             AuditEventDoc (append-only)
 *     sequences/{seriesKey}                        SequenceDoc (counter + chain head of one number series)
 *     anchors/{YYYY-MM-DD}                         AnchorDoc (the day's chain heads, also kept outside Firestore)
 *     idempotency/{keyHash}                        IdempotencyDoc (first answer of a keyed call)
 *     bindingCodes/{codeHash}                      BindingCodeDoc (one-time code to bind a workbook)
 *     sheetSyncs/{spreadsheetId}                   SheetSyncDoc (the write-back's lease and pending mark, sheets/sync/sync-lease.ts)
 *     dashboards/{YYYY-MM-DD | "latest"}           the dashboard job's figures of a day (jobs/company-dashboard.ts)
 *     legalRates/{YYYY-MM-DD}                      LegalRatesDoc (a half-year of legal rates an admin added)
 *     transferFiles/{fileId}                       TransferFileDoc (a SEPA credit transfer file of refund instalments, model/transfer-file.ts)
 *     bankEntries/{entryKeyHash}                   BankEntryDoc (one bank statement entry, recorded once, model/bank-entry.ts)
 *     customers/{customerId}                       CustomerDoc (a customer record, model/customer.ts)
 *       profiles/{YYYY-MM-DD}                      CustomerProfileDoc (the risk profile of that day, kept when its class or reasons changed)
 *     customerKeys/{sha256 of customerKey}         CustomerKeyDoc (alias index: which record a customerKey resolves to)
 *
 * Three collections are top-level, because what they hold spans companies:
 *
 *   workbooks/{spreadsheetId}                      WorkbookDoc (the one company a workbook is bound to)
 *   outbox/{reminderId}                            OutboxEntry (a reminder or notice e-mail and its delivery, model/outbox-entry.ts)
 *   jobRuns/{job}|{scheduleTime}                   JobRunDoc (one scheduled run and its lease, jobs/job-run.ts)
 */
export const COMPANIES = "companies";
export const USERS = "users";
export const DEPOSITS = "deposits";
export const INVOICES = "invoices";
export const CREDIT_NOTES = "creditNotes";
export const REFUNDS = "refunds";
export const INSTALMENTS = "instalments";
export const JOURNAL_ENTRIES = "journalEntries";
export const REFUND_STATEMENTS = "refundStatements";
export const PAYMENTS = "payments";
export const CUSTOMER_CREDITS = "customerCredits";
export const EVENTS = "events";
export const SEQUENCES = "sequences";
export const ANCHORS = "anchors";
export const IDEMPOTENCY = "idempotency";
export const BINDING_CODES = "bindingCodes";
export const WORKBOOKS = "workbooks";
export const SHEET_SYNCS = "sheetSyncs";
export const DASHBOARDS = "dashboards";
export const LEGAL_RATES = "legalRates";
export const TRANSFER_FILES = "transferFiles";
export const BANK_ENTRIES = "bankEntries";
export const BANK_STATEMENTS = "bankStatements";
export const BANK_PAYERS = "bankPayers";
export const CUSTOMERS = "customers";
export const CUSTOMER_KEYS = "customerKeys";
export const CUSTOMER_PROFILES = "profiles";
export const OUTBOX = "outbox";
export const JOB_RUNS = "jobRuns";
export const DOCUMENTS = "documents";
export const SUPPORTING_DOCUMENTS = "supportingDocuments";
