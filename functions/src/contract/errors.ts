import type { EngineErrorCode } from "../domain/errors/engine-error-codes";

/**
 * Every `error.code` the api answers: a closed list, so a new code is added
 * here (and to docs/api.md) or does not compile. The engine's own codes
 * (400 VALIDATION_FAILED, 422 rules) come from the domain.
 */
export type ApiErrorCode =
  | EngineErrorCode
  // Transport and access (api-handler, auth, body limit).
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "PAYLOAD_TOO_LARGE"
  | "RETRY_LATER"
  | "INTERNAL"
  // Idempotency and numbering (storage).
  | "IDEMPOTENCY_KEY_REUSED"
  | "CHRONOLOGY"
  // Refused by the state of the company's documents (409 conflicts, 422 rules of the commands).
  | "ABOVE_BALANCE"
  | "ALREADY_APPROVED"
  | "ALREADY_PAID"
  | "BANK_ACCOUNT_MISSING"
  | "BANK_ALLOCATION_INVALID"
  | "BANK_ENTRY_MATCHED"
  | "BANK_ENTRY_NOT_MATCHED"
  | "AMOUNT_DUE_MISMATCH"
  | "CUSTOMER_EXISTS"
  | "CUSTOMER_MERGED"
  | "CUSTOMER_MERGE_REFUSED"
  | "DEPOSIT_APPLIED"
  | "DEPOSITS_OPEN"
  | "DOCUMENT_DATA_MISSING"
  | "DOCUMENT_ALTERED"
  | "EXTERNAL_INVOICE_EXISTS"
  | "FACTOR_NOT_CONFIGURED"
  | "INVOICE_FACTORED"
  | "FEC_CHECKS_FAILED"
  | "FINAL_INVOICE_EXISTS"
  | "INVOICE_FACTORED"
  | "INVALID_STATE"
  | "INVOICE_PAID"
  | "RATES_ALREADY_SET"
  | "OTHER_CUSTOMER"
  | "PAYMENT_BEFORE_INVOICE"
  | "PENALTY_ON_PENALTY"
  | "REASON_NOT_FOR_CREDIT"
  | "REFUND_IN_FLIGHT"
  | "SELF_DEMOTION"
  | "SETTLEMENT_STALE"
  // The workbook (sheets routes).
  | "BINDING_CODE_MISSING"
  | "BINDING_CODE_EXPIRED"
  | "BINDING_CODE_USED"
  | "SHEET_NOT_SHARED"
  | "SHEET_SYNC_BUSY"
  | "WORKBOOK_BOUND_ELSEWHERE"
  // A scheduled job's run failed (503: Cloud Scheduler retries it).
  | "JOB_FAILED";

/** One problem with a field, named by its French label in `message`. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** Body of every non-2xx answer. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; details: ErrorDetail[] };
}
