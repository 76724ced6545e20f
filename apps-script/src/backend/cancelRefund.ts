import type { Refund } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";
import { checkIdempotencyKey } from "./idempotency-key";

/** Withdraws a request before its final approval (its requester, or an admin). */
export function cancelRefund(refundId: string, idempotencyKey: string): CallResult<Refund> {
  const bad = checkIdempotencyKey(idempotencyKey);
  if (bad) return { ok: false, error: bad };
  return callApi<Refund>({
    method: "post",
    path: `/refunds/${encodeURIComponent(refundId)}/cancel`,
    body: {},
    idempotencyKey,
  });
}
