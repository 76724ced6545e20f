import type { RefundBankAccountSummary } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";
import { checkIdempotencyKey } from "./idempotency-key";

/** POST …/refunds/{id}/bank-account[/confirm], always under the sidebar's idempotency key. */
function bankAccountCall(path: string, body: object, idempotencyKey: string): CallResult<RefundBankAccountSummary> {
  const bad = checkIdempotencyKey(idempotencyKey);
  if (bad) return { ok: false, error: bad };
  return callApi<RefundBankAccountSummary>({ method: "post", path, body, idempotencyKey });
}

/**
 * « Changer l'IBAN » of an approved refund (accounting approvers and admins):
 * the functions check the IBAN, audit the change and hold the refund's
 * transfers until another person confirms it.
 */
export function changeRefundBankAccount(
  refundId: string,
  iban: string,
  bic: string | null,
  idempotencyKey: string,
): CallResult<RefundBankAccountSummary> {
  return bankAccountCall(
    `/refunds/${encodeURIComponent(refundId)}/bank-account`,
    { iban, ...(bic ? { bic } : {}) },
    idempotencyKey,
  );
}

/** « Confirmer le changement d'IBAN »: by someone other than the person who changed it. */
export function confirmRefundBankAccount(
  refundId: string,
  idempotencyKey: string,
): CallResult<RefundBankAccountSummary> {
  return bankAccountCall(`/refunds/${encodeURIComponent(refundId)}/bank-account/confirm`, {}, idempotencyKey);
}
