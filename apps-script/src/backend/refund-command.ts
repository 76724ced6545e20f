import type { Refund } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";
import { checkIdempotencyKey } from "./idempotency-key";

/** POST …/refunds/{id}/{action}: a change to one request, always under the sidebar's idempotency key. */
export function refundCommand(
  refundId: string,
  action: "approve" | "reject" | "cancel",
  body: object,
  idempotencyKey: string,
): CallResult<Refund> {
  const bad = checkIdempotencyKey(idempotencyKey);
  if (bad) return { ok: false, error: bad };
  return callApi<Refund>({
    method: "post",
    path: `/refunds/${encodeURIComponent(refundId)}/${action}`,
    body,
    idempotencyKey,
  });
}
