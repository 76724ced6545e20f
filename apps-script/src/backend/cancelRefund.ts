import type { Refund } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { refundCommand } from "./refund-command";

/** Withdraws a request before its final approval (its requester, or an admin). */
export function cancelRefund(refundId: string, idempotencyKey: string): CallResult<Refund> {
  return refundCommand(refundId, "cancel", {}, idempotencyKey);
}
