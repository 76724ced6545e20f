import type { BankEntryList } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";

/** The statement entries waiting for a person (« À rapprocher » and « Rapprochement annulé »), with their suggestions. */
export function listBankEntries(): CallResult<BankEntryList> {
  return callApi<BankEntryList>({ method: "get", path: "/bank/entries", query: { status: "to_reconcile" } });
}
