import type { Refund } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";
import { checkIdempotencyKey } from "./idempotency-key";

export function rejectRefund(refundId: string, reason: string, idempotencyKey: string): CallResult<Refund> {
  const bad = checkIdempotencyKey(idempotencyKey);
  if (bad) return { ok: false, error: bad };
  const trimmed = String(reason ?? "").trim();
  if (!trimmed) {
    return {
      ok: false,
      error: {
        code: "VALIDATION_FAILED",
        message: "Indiquez le motif du rejet.",
        details: [{ path: "reason", message: "Le motif du rejet est obligatoire." }],
        retryable: false,
      },
    };
  }
  return callApi<Refund>({
    method: "post",
    path: `/refunds/${encodeURIComponent(refundId)}/reject`,
    body: { reason: trimmed },
    idempotencyKey,
  });
}
