import type { InvoiceInsuranceClaimDetail } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";

/** « Sinistre assurance-crédit »: the selected invoice's claim as it stands (null before any declaration). */
export function getInsuranceClaim(invoiceId: string): CallResult<InvoiceInsuranceClaimDetail> {
  return callApi<InvoiceInsuranceClaimDetail>({
    method: "get",
    path: `/invoices/${encodeURIComponent(invoiceId)}/insurance-claim`,
  });
}
