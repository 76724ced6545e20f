/**
 * Shapes of the functions' HTTP API as the add-on uses them: the functions'
 * own wire contract (functions/src/contract), compiled into the add-on's
 * typecheck, so an incompatible change to an answer fails the add-on's
 * build (docs/addon.md). Types only: esbuild bundles none of it.
 */
export type {
  AmountsByRate,
  ApiErrorBody,
  BankAllocation,
  BankEntryList,
  BankEntryMatchBody,
  BankItemKind,
  BankEntrySummary,
  BankEntryUnmatchBody,
  ApiErrorCode,
  AuditVerification,
  CustomerAdvice,
  CustomerStanding,
  Deposit,
  Instalment,
  InvoiceDunning as InvoiceDunningAnswer,
  InsuranceClaimBody,
  InsuranceClaimState,
  InsuranceClaimStatus,
  InvoiceInsuranceClaim,
  InvoiceInsuranceClaimDetail,
  IssuedDocument,
  InvoiceDunningBody,
  LegalHalfYear,
  LegalRatesAnswer,
  LegalRatesBody,
  Me,
  PenaltyClaimBody,
  PenaltyInvoiceRecorded,
  PendingApproval,
  Quote,
  Refund,
  RefundBankAccountSummary,
  RefundDetail,
  RefundDocuments,
  RefundEvent,
  RefundList,
  RefundListFilter,
  RefundListItem,
  RefundEventType,
  RefundProposal,
  RefundReason,
  RefundScope,
  RefundStatus,
  RefundSummary,
  Role,
  ScheduleProposal,
  StatementImportSummary,
  SupportingDocument,
  SupportingDocuments,
  TransferFileSummary,
  VatSheetAnswer,
} from "../../../functions/src/contract";

import type { RefundListFilter, TransferFileSummary } from "../../../functions/src/contract";

/** What the sidebar asks of the refunds list (the query string of GET …/refunds). */
export interface RefundListQuery {
  filter: RefundListFilter;
  q?: string;
  after?: string;
}

/** What « Préparer les virements » in the sidebar answers: the file's summary and the stored file to download. */
export interface PreparedTransferFile {
  summary: TransferFileSummary;
  /** Null when only the download failed (the file is prepared). */
  file: { fileName: string; text: string } | null;
  downloadError?: string;
}

/** A file fetched for the sidebar's « Télécharger »: its bytes base64 (a PDF is not text), its name and type. */
export interface DocumentDownload {
  fileName: string;
  contentType: string;
  base64: string;
}
