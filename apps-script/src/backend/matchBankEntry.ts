import type { BankEntryMatchBody, BankEntrySummary } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";
import { checkIdempotencyKey } from "./idempotency-key";

/** « Rapprocher »: the entry settles the suggestion's items (POST …/bank/entries/{id}/match). */
export function matchBankEntry(
  entryId: string,
  allocations: BankEntryMatchBody["allocations"],
  idempotencyKey: string,
): CallResult<BankEntrySummary> {
  const bad = checkIdempotencyKey(idempotencyKey);
  if (bad) return { ok: false, error: bad };
  const body: BankEntryMatchBody = { allocations };
  return callApi<BankEntrySummary>({
    method: "post",
    path: `/bank/entries/${encodeURIComponent(entryId)}/match`,
    body,
    idempotencyKey,
  });
}
