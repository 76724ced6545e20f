import type { StatementImportSummary } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { keyedPost } from "./keyed-post";

/**
 * « Importer le relevé »: the camt.053 file the sidebar read in the browser,
 * posted as text (POST …/bank/statements `{ file }`) under the sidebar's key,
 * so a retry after a lost answer records nothing twice.
 */
export function importStatement(file: string, idempotencyKey: string): CallResult<StatementImportSummary> {
  return keyedPost("/bank/statements", { file }, idempotencyKey);
}
