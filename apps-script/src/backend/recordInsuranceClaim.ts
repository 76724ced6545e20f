import type { InsuranceClaimBody, InvoiceInsuranceClaim } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { keyedPost } from "./keyed-post";

/** « Sinistre assurance-crédit »: records the next step of the invoice's claim, once per key. */
export function recordInsuranceClaim(
  invoiceId: string,
  body: InsuranceClaimBody,
  idempotencyKey: string,
): CallResult<InvoiceInsuranceClaim> {
  return keyedPost<InvoiceInsuranceClaim>(
    `/invoices/${encodeURIComponent(invoiceId)}/insurance-claim`,
    body,
    idempotencyKey,
  );
}
