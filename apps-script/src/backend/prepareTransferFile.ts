import type { PreparedTransferFile, TransferFileSummary } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { downloadApi } from "./api-client";
import { keyedPost } from "./keyed-post";

/**
 * « Préparer les virements » from the sidebar (the menu item does the same
 * with a prompt, prepareTransfers.ts): POST …/bank/transfers under the
 * sidebar's key, then the stored file for download.
 */
export function prepareTransferFile(executionDate: string, idempotencyKey: string): CallResult<PreparedTransferFile> {
  const prepared = keyedPost<TransferFileSummary>("/bank/transfers", { executionDate }, idempotencyKey);
  if (!prepared.ok) return prepared;
  const summary = prepared.data;
  const file = downloadApi({ method: "get", path: `/bank/transfers/${encodeURIComponent(summary.id)}` });
  return file.ok
    ? { ok: true, data: { summary, file: file.data } }
    : { ok: true, data: { summary, file: null, downloadError: file.error.message } };
}
