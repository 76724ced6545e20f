/**
 * The codes the engine's errors carry: VALIDATION_FAILED for malformed
 * input (400), the others for a rule that refuses well-formed input (422).
 * Closed, so the api's list of codes (contract/errors.ts) stays complete.
 */
export type EngineRuleCode =
  | "BALANCE_INCONSISTENT"
  | "BANK_DEBTOR_BIC_MISMATCH"
  | "BANK_NOTHING_TO_TRANSFER"
  | "DEPOSIT_ABOVE_ORDER"
  | "DEPOSIT_ZERO"
  | "DEPOSITS_ABOVE_INVOICE"
  | "EMPTY_ORDER"
  | "NOTHING_TO_CLAIM"
  | "NOTHING_TO_REFUND"
  | "OFFSET_ABOVE_OUTSTANDING"
  | "NOT_LATE"
  | "OFFSET_INVOICE_UNKNOWN"
  | "PENALTIES_B2B_ONLY"
  | "RATE_NOT_AVAILABLE"
  | "RATE_NOT_ON_DEPOSIT"
  | "REFUND_ABOVE_BALANCE"
  | "SCHEDULE_INSTALMENT_ZERO"
  | "SCHEDULE_TOTAL_MISMATCH"
  | "SETTLEMENT_ABOVE_TOTAL"
  | "VAT_LEDGER_MISMATCH"
  | "WITHDRAWAL_B2C_ONLY";

/** Refusals of a step of the refund lifecycle (domain/refunds/refund-lifecycle.ts). */
export type LifecycleCode = "FORBIDDEN" | "INVALID_STATE" | "ALREADY_APPROVED" | "NOT_FOUND" | "ALREADY_PAID";

export type EngineErrorCode = "VALIDATION_FAILED" | EngineRuleCode | LifecycleCode;
