import type { BankEntrySummary, BankEntryUnmatchBody } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { bankEntryCommand } from "./bank-entry-command";

/** « Annuler le rapprochement »: what the match recorded is reversed, the reason kept in the audit trail. */
export function unmatchBankEntry(
  entryId: string,
  reason: string,
  idempotencyKey: string,
): CallResult<BankEntrySummary> {
  const body: BankEntryUnmatchBody = { reason };
  return bankEntryCommand(entryId, "unmatch", body, idempotencyKey);
}
