import type { BankEntrySummary } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { keyedPost } from "./keyed-post";

/** POST …/bank/entries/{id}/{action}: a change to one statement entry. */
export function bankEntryCommand(
  entryId: string,
  action: "match" | "unmatch",
  body: object,
  idempotencyKey: string,
): CallResult<BankEntrySummary> {
  return keyedPost(`/bank/entries/${encodeURIComponent(entryId)}/${action}`, body, idempotencyKey);
}
