import type { Refund } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { keyedPost } from "./keyed-post";

/** POST …/refunds/{id}/{action}: a change to one request, always under the sidebar's idempotency key. */
export function refundCommand(
  refundId: string,
  action: "approve" | "reject" | "cancel",
  body: object,
  idempotencyKey: string,
): CallResult<Refund> {
  return keyedPost(`/refunds/${encodeURIComponent(refundId)}/${action}`, body, idempotencyKey);
}
