import {
  approveRefundCommand,
  cancelRefundCommand,
  getRefundCommand,
  listRefundsCommand,
  payInstalmentCommand,
  pendingApprovalsCommand,
  quoteRefundCommand,
  rejectRefundCommand,
  requestRefundCommand,
} from "../../application/commands/refunds";
import { getDepositCommand, listDepositsCommand, recordDepositCommand } from "../../application/commands/deposits";
import {
  claimPenaltiesCommand,
  finalInvoiceCommand,
  recordExternalInvoiceCommand,
  recordPaymentCommand,
  setInvoiceDunningCommand,
} from "../../application/commands/invoices";
import {
  meCommand,
  setRolesCommand,
  verifyChainsCommand,
  verifyChainsWithAnchorCommand,
} from "../../application/commands/company";
import { addLegalRatesCommand, listLegalRatesCommand } from "../../application/commands/legal-rates";
import { exportFecCommand } from "../../application/commands/fec";
import { vatReturnCommand } from "../../application/commands/vat-return";
import {
  getInsuranceClaimCommand,
  listInsuranceClaimsCommand,
  setInsuranceClaimCommand,
} from "../../application/commands/insurance-claims";
import {
  getTransferFileCommand,
  importStatementCommand,
  listBankEntriesCommand,
  matchBankEntryCommand,
  prepareTransfersCommand,
  unmatchBankEntryCommand,
} from "../../application/commands/bank";
import { changeBankAccountCommand, confirmBankAccountCommand } from "../../application/commands/bank-account";
import {
  addSupportingDocumentCommand,
  getDocumentCommand,
  getSupportingDocumentCommand,
  listRefundDocumentsCommand,
  listSupportingDocumentsCommand,
  resendDocumentCommand,
  statementPreviewCommand,
} from "../../application/commands/documents";
import {
  createCustomerCommand,
  customerAdviceCommand,
  getCustomerCommand,
  listCustomersCommand,
  mergeCustomerCommand,
  syncCustomersCommand,
  refreshProfilesCommand,
  customerProfilesCommand,
  updateCustomerCommand,
} from "../../application/commands/customers";
import { commandRoute } from "../command-route";
import type { Route } from "../route";

const company = "/v1/companies/:companyId";

/** Every route of the `api` function (docs/api-reference.md). `refunds/quote` precedes `refunds/:refundId`; `customers/sync`, `customers/advice` and `customers/profiles/refresh` precede `customers/:customerId`. */
export const ROUTES: readonly Route[] = [
  commandRoute("GET", `${company}/me`, meCommand),
  commandRoute("POST", `${company}/deposits`, recordDepositCommand),
  commandRoute("GET", `${company}/deposits`, listDepositsCommand),
  commandRoute("GET", `${company}/deposits/:depositId`, getDepositCommand),
  commandRoute("POST", `${company}/refunds/quote`, quoteRefundCommand),
  commandRoute("POST", `${company}/refunds`, requestRefundCommand),
  commandRoute("GET", `${company}/refunds`, listRefundsCommand),
  commandRoute("POST", `${company}/refunds/:refundId/approve`, approveRefundCommand),
  commandRoute("POST", `${company}/refunds/:refundId/reject`, rejectRefundCommand),
  commandRoute("POST", `${company}/refunds/:refundId/cancel`, cancelRefundCommand),
  commandRoute("POST", `${company}/refunds/:refundId/instalments/:n/pay`, payInstalmentCommand),
  commandRoute("GET", `${company}/refunds/:refundId`, getRefundCommand),
  commandRoute("POST", `${company}/refunds/:refundId/bank-account`, changeBankAccountCommand),
  commandRoute("POST", `${company}/refunds/:refundId/bank-account/confirm`, confirmBankAccountCommand),
  commandRoute("GET", `${company}/refunds/:refundId/documents`, listRefundDocumentsCommand),
  commandRoute("GET", `${company}/refunds/:refundId/statement-preview`, statementPreviewCommand),
  commandRoute("POST", `${company}/refunds/:refundId/supporting-documents`, addSupportingDocumentCommand),
  commandRoute("GET", `${company}/refunds/:refundId/supporting-documents`, listSupportingDocumentsCommand),
  commandRoute("GET", `${company}/refunds/:refundId/supporting-documents/:supportingId`, getSupportingDocumentCommand),
  commandRoute("GET", `${company}/documents/:documentId`, getDocumentCommand),
  commandRoute("POST", `${company}/documents/:documentId/resend`, resendDocumentCommand),
  commandRoute("GET", `${company}/approvals/pending`, pendingApprovalsCommand),
  commandRoute("POST", `${company}/invoices/final`, finalInvoiceCommand),
  commandRoute("POST", `${company}/invoices/external`, recordExternalInvoiceCommand),
  commandRoute("POST", `${company}/invoices/:invoiceId/dunning`, setInvoiceDunningCommand),
  commandRoute("POST", `${company}/invoices/:invoiceId/insurance-claim`, setInsuranceClaimCommand),
  commandRoute("GET", `${company}/invoices/:invoiceId/insurance-claim`, getInsuranceClaimCommand),
  commandRoute("GET", `${company}/insurance-claims`, listInsuranceClaimsCommand),
  commandRoute("POST", `${company}/invoices/:invoiceId/penalties`, claimPenaltiesCommand),
  commandRoute("POST", `${company}/payments`, recordPaymentCommand),
  commandRoute("PUT", `${company}/users/:email`, setRolesCommand),
  commandRoute("GET", `${company}/legal-rates`, listLegalRatesCommand),
  commandRoute("POST", `${company}/legal-rates`, addLegalRatesCommand),
  commandRoute("GET", `${company}/audit/verify`, verifyChainsCommand),
  commandRoute("GET", `${company}/fec`, exportFecCommand),
  commandRoute("GET", `${company}/vat-return`, vatReturnCommand),
  commandRoute("POST", `${company}/bank/transfers`, prepareTransfersCommand),
  commandRoute("GET", `${company}/bank/transfers/:transferId`, getTransferFileCommand),
  commandRoute("POST", `${company}/bank/statements`, importStatementCommand),
  commandRoute("GET", `${company}/bank/entries`, listBankEntriesCommand),
  commandRoute("POST", `${company}/bank/entries/:entryId/match`, matchBankEntryCommand),
  commandRoute("POST", `${company}/bank/entries/:entryId/unmatch`, unmatchBankEntryCommand),
  commandRoute("POST", `${company}/audit/verify`, verifyChainsWithAnchorCommand),
  commandRoute("POST", `${company}/customers/sync`, syncCustomersCommand),
  commandRoute("POST", `${company}/customers/profiles/refresh`, refreshProfilesCommand),
  commandRoute("GET", `${company}/customers`, listCustomersCommand),
  commandRoute("POST", `${company}/customers`, createCustomerCommand),
  commandRoute("GET", `${company}/customers/advice`, customerAdviceCommand),
  commandRoute("GET", `${company}/customers/:customerId`, getCustomerCommand),
  commandRoute("POST", `${company}/customers/:customerId`, updateCustomerCommand),
  commandRoute("POST", `${company}/customers/:customerId/merge`, mergeCustomerCommand),
  commandRoute("GET", `${company}/customers/:customerId/profiles`, customerProfilesCommand),
];
