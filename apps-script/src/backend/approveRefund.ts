import type { Refund } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { refundCommand } from "./refund-command";

/** The caller's approval; the final one issues the credit note and the schedule. */
export function approveRefund(refundId: string, idempotencyKey: string): CallResult<Refund> {
  return refundCommand(refundId, "approve", {}, idempotencyKey);
}
