import type { Refund } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";

/** A request with its full history (the *Suivi* tab). */
export function getRefund(refundId: string): CallResult<Refund> {
  return callApi<Refund>({ method: "get", path: `/refunds/${encodeURIComponent(refundId)}` });
}
