import type { RefundDocuments } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";

/** *Suivi* › « Documents »: the deposit invoice a request refunds and the credit note it issued. */
export function listRefundDocuments(refundId: string): CallResult<RefundDocuments> {
  return callApi<RefundDocuments>({ method: "get", path: `/refunds/${encodeURIComponent(refundId)}/documents` });
}
