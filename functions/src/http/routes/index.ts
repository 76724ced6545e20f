import type { Route } from "../route";
import { approveRefundRoute } from "./approve-refund";
import { cancelRefundRoute } from "./cancel-refund";
import { finalInvoiceRoute } from "./final-invoice";
import { recordExternalInvoiceRoute } from "./record-external-invoice";
import { setInvoiceDunningRoute } from "./set-invoice-dunning";
import { getDepositRoute } from "./get-deposit";
import { getRefundRoute } from "./get-refund";
import { listDepositsRoute } from "./list-deposits";
import { meRoute } from "./me";
import { payInstalmentRoute } from "./pay-instalment";
import { pendingApprovalsRoute } from "./pending-approvals";
import { quoteRefundRoute } from "./quote-refund";
import { recordPaymentRoute } from "./record-payment";
import { recordDepositRoute } from "./record-deposit";
import { rejectRefundRoute } from "./reject-refund";
import { requestRefundRoute } from "./request-refund";
import { setRolesRoute } from "./set-roles";
import { verifyChainsRoute, verifyChainsWithAnchorRoute } from "./verify-chains";

/** Every route of the `api` function (docs/api.md). `refunds/quote` precedes `refunds/:refundId`. */
export const ROUTES: readonly Route[] = [
  meRoute,
  recordDepositRoute,
  listDepositsRoute,
  getDepositRoute,
  quoteRefundRoute,
  requestRefundRoute,
  approveRefundRoute,
  rejectRefundRoute,
  cancelRefundRoute,
  payInstalmentRoute,
  getRefundRoute,
  pendingApprovalsRoute,
  finalInvoiceRoute,
  recordExternalInvoiceRoute,
  setInvoiceDunningRoute,
  recordPaymentRoute,
  setRolesRoute,
  verifyChainsRoute,
  verifyChainsWithAnchorRoute,
];
