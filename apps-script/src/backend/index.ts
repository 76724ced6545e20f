/**
 * Every server-side entry point of the add-on. The build bundles this module
 * as the global `Acompte` and writes one top-level function per name, because
 * Apps Script only sees top-level function declarations.
 */
import type { EntryPoints } from "../interfaces/server-functions";
import { approveRefund } from "./approveRefund";
import { cancelRefund } from "./cancelRefund";
import { getCustomerAdvice } from "./getCustomerAdvice";
import { getRefund } from "./getRefund";
import { getSelectedDeposit, getSelectedRow } from "./selected-deposit";
import { getSidebarContext } from "./getSidebarContext";
import { logTokenAudience } from "./identity-token";
import { linkCompany } from "./linkCompany";
import { listPendingApprovals } from "./listPendingApprovals";
import { listRefunds } from "./listRefunds";
import { markInstalmentPaid } from "./markInstalmentPaid";
import { onInstall, onOpen } from "./onOpen";
import { quoteRefund } from "./quoteRefund";
import { rejectRefund } from "./rejectRefund";
import { requestRefund } from "./requestRefund";
import { setInvoiceDunning } from "./setInvoiceDunning";
import { claimPenalties } from "./claimPenalties";
import { showLegalRates } from "./legalRates";
import { exportFec } from "./exportFec";
import { declareVat } from "./declareVat";
import { prepareTransfers } from "./prepareTransfers";
import { importTypedRows, resyncWorkbook, setupWorkbook } from "./workbookActions";
import { showSidebar } from "./showSidebar";
import { verifyAuditChains } from "./verifyAuditChains";
import { importStatement } from "./importStatement";
import { listBankEntries } from "./listBankEntries";
import { matchBankEntry } from "./matchBankEntry";
import { matchBankEntryWithSelectedInvoice } from "./matchBankEntryWithSelectedInvoice";
import { unmatchBankEntry } from "./unmatchBankEntry";
import { prepareTransferFile } from "./prepareTransferFile";
import { changeRefundBankAccount, confirmRefundBankAccount } from "./refundBankAccount";
import { listRefundDocuments } from "./listRefundDocuments";
import { downloadDocument } from "./downloadDocument";
import { resendDocument } from "./resendDocument";
import { listSupportingDocuments } from "./listSupportingDocuments";
import { downloadSupportingDocument } from "./downloadSupportingDocument";
import { previewRefundStatement } from "./previewRefundStatement";
import { addSupportingDocument } from "./addSupportingDocument";
import { getInsuranceClaim } from "./getInsuranceClaim";
import { recordInsuranceClaim } from "./recordInsuranceClaim";

export const entryPoints: EntryPoints = {
  onOpen,
  onInstall,
  showSidebar,
  setupWorkbook,
  resyncWorkbook,
  importTypedRows,
  markInstalmentPaid,
  setInvoiceDunning,
  claimPenalties,
  verifyAuditChains,
  showLegalRates,
  exportFec,
  declareVat,
  prepareTransfers,
  linkCompany,
  logTokenAudience,
  getSidebarContext,
  getSelectedDeposit,
  getSelectedRow,
  getCustomerAdvice,
  quoteRefund,
  requestRefund,
  listPendingApprovals,
  approveRefund,
  rejectRefund,
  cancelRefund,
  getRefund,
  listRefunds,
  importStatement,
  listBankEntries,
  matchBankEntry,
  matchBankEntryWithSelectedInvoice,
  unmatchBankEntry,
  prepareTransferFile,
  changeRefundBankAccount,
  confirmRefundBankAccount,
  listRefundDocuments,
  downloadDocument,
  resendDocument,
  listSupportingDocuments,
  downloadSupportingDocument,
  addSupportingDocument,
  previewRefundStatement,
  getInsuranceClaim,
  recordInsuranceClaim,
};
