import type { RefundDetail } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";

/** A request with its full history (the *Suivi* tab). */
export function getRefund(refundId: string): CallResult<RefundDetail> {
  return callApi<RefundDetail>({ method: "get", path: `/refunds/${encodeURIComponent(refundId)}` });
}
