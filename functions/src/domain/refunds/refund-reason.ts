/** Why a refund is asked; the reason decides what the law gives back (see refundEntitlement). */
export const REFUND_REASONS = [
  "customer_cancels",
  "seller_cancels",
  "non_delivery",
  "overpayment",
  "duplicate_payment",
  "commercial_gesture",
  "consumer_withdrawal",
] as const;
/** One of REFUND_REASONS. */
export type RefundReason = (typeof REFUND_REASONS)[number];
