/**
 * The closed vocabularies of the wire, re-exported from the domain where
 * they are defined (and labelled: domain/vocabulary/labels.ts). Only types
 * and constant lists: the add-on bundles nothing else from here.
 */
export { ROLES, APPROVER_ROLES, type Role, type ApproverRole } from "../domain/roles/roles";
export { REFUND_STATUSES, type RefundStatus } from "../domain/refunds/refund-status";
export { REFUND_REASONS, type RefundReason } from "../domain/refunds/refund-reason";
export { INSURANCE_CLAIM_STATUSES, type InsuranceClaimStatus } from "../domain/customers/insurance-claim-steps";
export type { CustomerKind, DepositKind, SupplyKind } from "../domain/deposits/deposit-kind";
export {
  DEPOSIT_STATUSES,
  PAYMENT_MEANS,
  REFUND_EVENT_LABELS,
  REFUND_LIST_FILTERS,
  type RefundListFilter,
  type DepositStatus,
  type PaymentMeans,
  type RefundEventType,
} from "../domain/vocabulary/labels";

/** An instalment of an approved refund: `due` until it is paid. */
export type InstalmentStatus = "due" | "paid";
