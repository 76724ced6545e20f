/**
 * The functions the sidebar calls through `google.script.run`. The backend's
 * entry module must provide each of them (checked at compile time) and the
 * build turns each name into a top-level function of `Code.js`.
 */
import type {
  BankEntryList,
  BankEntryMatchBody,
  BankEntrySummary,
  CustomerAdvice,
  DocumentDownload,
  InsuranceClaimBody,
  InvoiceInsuranceClaim,
  InvoiceInsuranceClaimDetail,
  IssuedDocument,
  PendingApproval,
  PreparedTransferFile,
  Quote,
  Refund,
  RefundBankAccountSummary,
  RefundDetail,
  RefundDocuments,
  RefundList,
  RefundListQuery,
  RefundProposal,
  StatementImportSummary,
  SupportingDocument,
  SupportingDocuments,
} from "./api";
import type { CallResult } from "./result";
import type { DepositSelection, SelectedRow, SidebarContext } from "./sidebar-context";

export interface SidebarFunctions {
  getSidebarContext(): CallResult<SidebarContext>;
  getSelectedDeposit(): CallResult<DepositSelection>;
  getSelectedRow(): CallResult<SelectedRow>;
  getCustomerAdvice(query: string): CallResult<CustomerAdvice>;
  quoteRefund(proposal: RefundProposal): CallResult<Quote>;
  requestRefund(proposal: RefundProposal, idempotencyKey: string): CallResult<Refund>;
  listPendingApprovals(): CallResult<PendingApproval[]>;
  approveRefund(refundId: string, idempotencyKey: string): CallResult<Refund>;
  rejectRefund(refundId: string, reason: string, idempotencyKey: string): CallResult<Refund>;
  cancelRefund(refundId: string, idempotencyKey: string): CallResult<Refund>;
  getRefund(refundId: string): CallResult<RefundDetail>;
  listRefunds(query: RefundListQuery): CallResult<RefundList>;
  importStatement(file: string, idempotencyKey: string): CallResult<StatementImportSummary>;
  listBankEntries(): CallResult<BankEntryList>;
  matchBankEntry(
    entryId: string,
    allocations: BankEntryMatchBody["allocations"],
    idempotencyKey: string,
  ): CallResult<BankEntrySummary>;
  matchBankEntryWithSelectedInvoice(entryId: string, idempotencyKey: string): CallResult<BankEntrySummary>;
  unmatchBankEntry(entryId: string, reason: string, idempotencyKey: string): CallResult<BankEntrySummary>;
  prepareTransferFile(executionDate: string, idempotencyKey: string): CallResult<PreparedTransferFile>;
  changeRefundBankAccount(
    refundId: string,
    iban: string,
    bic: string | null,
    idempotencyKey: string,
  ): CallResult<RefundBankAccountSummary>;
  confirmRefundBankAccount(refundId: string, idempotencyKey: string): CallResult<RefundBankAccountSummary>;
  listRefundDocuments(refundId: string): CallResult<RefundDocuments>;
  downloadDocument(documentId: string): CallResult<DocumentDownload>;
  resendDocument(documentId: string, idempotencyKey: string): CallResult<IssuedDocument>;
  listSupportingDocuments(refundId: string): CallResult<SupportingDocuments>;
  downloadSupportingDocument(refundId: string, supportingId: string): CallResult<DocumentDownload>;
  previewRefundStatement(refundId: string): CallResult<DocumentDownload>;
  addSupportingDocument(
    refundId: string,
    fileName: string,
    contentBase64: string,
    idempotencyKey: string,
  ): CallResult<SupportingDocument>;
  getInsuranceClaim(invoiceId: string): CallResult<InvoiceInsuranceClaimDetail>;
  recordInsuranceClaim(
    invoiceId: string,
    body: InsuranceClaimBody,
    idempotencyKey: string,
  ): CallResult<InvoiceInsuranceClaim>;
}

/** Entry points Apps Script itself or the add-on menu calls. */
export interface MenuFunctions {
  onOpen(e?: unknown): void;
  onInstall(e?: unknown): void;
  showSidebar(): void;
  setupWorkbook(): void;
  resyncWorkbook(): void;
  importTypedRows(): void;
  markInstalmentPaid(): void;
  prepareTransfers(): void;
  setInvoiceDunning(): void;
  claimPenalties(): void;
  verifyAuditChains(): void;
  showLegalRates(): void;
  exportFec(): void;
  declareVat(): void;
  linkCompany(): void;
  /** Run once from the script editor by an admin: logs the audience the functions must accept. */
  logTokenAudience(): void;
}

export type EntryPoints = SidebarFunctions & MenuFunctions;

export const SIDEBAR_FUNCTIONS = [
  "getSidebarContext",
  "getSelectedDeposit",
  "getSelectedRow",
  "getCustomerAdvice",
  "quoteRefund",
  "requestRefund",
  "listPendingApprovals",
  "approveRefund",
  "rejectRefund",
  "cancelRefund",
  "getRefund",
  "listRefunds",
  "importStatement",
  "listBankEntries",
  "matchBankEntry",
  "matchBankEntryWithSelectedInvoice",
  "unmatchBankEntry",
  "prepareTransferFile",
  "changeRefundBankAccount",
  "confirmRefundBankAccount",
  "listRefundDocuments",
  "downloadDocument",
  "resendDocument",
  "listSupportingDocuments",
  "downloadSupportingDocument",
  "previewRefundStatement",
  "addSupportingDocument",
  "getInsuranceClaim",
  "recordInsuranceClaim",
] as const satisfies readonly (keyof SidebarFunctions)[];

export const MENU_FUNCTIONS = [
  "onOpen",
  "onInstall",
  "showSidebar",
  "setupWorkbook",
  "resyncWorkbook",
  "importTypedRows",
  "markInstalmentPaid",
  "prepareTransfers",
  "setInvoiceDunning",
  "claimPenalties",
  "verifyAuditChains",
  "showLegalRates",
  "exportFec",
  "declareVat",
  "linkCompany",
  "logTokenAudience",
] as const satisfies readonly (keyof MenuFunctions)[];

export const ENTRY_POINTS: readonly (keyof EntryPoints)[] = [...MENU_FUNCTIONS, ...SIDEBAR_FUNCTIONS];

/** Compile-time proof that the lists above name every entry point. */
type Unlisted<T, Listed> = [Exclude<keyof T, Listed>] extends [never] ? true : false;
export const everySidebarFunctionListed: Unlisted<SidebarFunctions, (typeof SIDEBAR_FUNCTIONS)[number]> = true;
export const everyMenuFunctionListed: Unlisted<MenuFunctions, (typeof MENU_FUNCTIONS)[number]> = true;
