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

/** How each reason reads on a credit note or in the sidebar. */
export const REFUND_REASON_LABELS: Record<RefundReason, string> = {
  customer_cancels: "Annulation par le client",
  seller_cancels: "Annulation par le vendeur",
  non_delivery: "Défaut de livraison",
  overpayment: "Trop-perçu",
  duplicate_payment: "Paiement en double",
  commercial_gesture: "Geste commercial",
  consumer_withdrawal: "Rétractation du consommateur",
};
