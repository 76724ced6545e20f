import type { BankEntrySummary, BankEntryUnmatchBody } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";
import { checkIdempotencyKey } from "./idempotency-key";

/** « Annuler le rapprochement »: what the match recorded is reversed, the reason kept in the audit trail. */
export function unmatchBankEntry(
  entryId: string,
  reason: string,
  idempotencyKey: string,
): CallResult<BankEntrySummary> {
  const bad = checkIdempotencyKey(idempotencyKey);
  if (bad) return { ok: false, error: bad };
  const body: BankEntryUnmatchBody = { reason };
  return callApi<BankEntrySummary>({
    method: "post",
    path: `/bank/entries/${encodeURIComponent(entryId)}/unmatch`,
    body,
    idempotencyKey,
  });
}
