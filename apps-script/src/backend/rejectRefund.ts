import type { Refund } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { refundCommand } from "./refund-command";

/** A rejection needs its reason; it is checked here too so that an empty one never reaches the functions. */
export function rejectRefund(refundId: string, reason: string, idempotencyKey: string): CallResult<Refund> {
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
  return refundCommand(refundId, "reject", { reason: trimmed }, idempotencyKey);
}
