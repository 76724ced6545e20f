/**
 * The states of a refund request:
 *   submitted → (sales_approved | accounting_approved) → approved → refunded
 *   submitted | sales_approved | accounting_approved → rejected | cancelled
 * `approved` with nothing to pay out (all offset, kept as credit, or
 * forfeited arrhes) goes straight to `refunded`. See refund-lifecycle.ts.
 */
export const REFUND_STATUSES = [
  "submitted",
  "sales_approved",
  "accounting_approved",
  "approved",
  "rejected",
  "cancelled",
  "refunded",
] as const;
/** One of REFUND_STATUSES. */
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** The states in which a request still waits for an approval (and can be rejected or cancelled). */
export const AWAITING_APPROVAL: readonly RefundStatus[] = ["submitted", "sales_approved", "accounting_approved"];
