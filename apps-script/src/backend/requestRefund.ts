import type { Refund, RefundProposal } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";
import { checkIdempotencyKey } from "./idempotency-key";

/** Submits the refund request; the key makes a retried or double-clicked submission create one request. */
export function requestRefund(proposal: RefundProposal, idempotencyKey: string): CallResult<Refund> {
  const bad = checkIdempotencyKey(idempotencyKey);
  if (bad) return { ok: false, error: bad };
  return callApi<Refund>({ method: "post", path: "/refunds", body: proposal, idempotencyKey });
}
