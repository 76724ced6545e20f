import type { BankEntryMatchBody, BankEntrySummary } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { bankEntryCommand } from "./bank-entry-command";

/** « Rapprocher »: the entry settles the suggestion's items (POST …/bank/entries/{id}/match). */
export function matchBankEntry(
  entryId: string,
  allocations: BankEntryMatchBody["allocations"],
  idempotencyKey: string,
): CallResult<BankEntrySummary> {
  const body: BankEntryMatchBody = { allocations };
  return bankEntryCommand(entryId, "match", body, idempotencyKey);
}
