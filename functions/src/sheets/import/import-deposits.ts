/**
 * Import of the `Acomptes` rows typed without an id. Each is recorded
 * through the workflow's own deposit command (its validation, roles,
 * numbering and idempotency); the id then goes into column A, so the row
 * becomes the deposit's row and the write-back fills its computed columns.
 * A refused row gets « Erreur » and the French reason beside it and is not
 * recorded; once fixed, the next import records it once.
 */
import { ACOMPTES } from "../layout/workbook-spec";
import { type SyncDeps } from "../sync/sync-spreadsheet";
import { depositBodyFromRow, importMessage, isBlankInput } from "./deposit-row-body";
import { importUnderLease, type ImportResult } from "./import-under-lease";
import { statusAndMessage, type TypedSheet } from "./typed-rows";

export type { ImportResult };
export type { ImportedRow } from "./typed-rows";

/** Records one deposit body with the workflow's rules; the key makes a repeated import of the same row a replay. */
export type RecordDeposit = (body: unknown, idempotencyKey: string) => Promise<{ id: string }>;

export function acomptesSheet(record: RecordDeposit): TypedSheet {
  return {
    spec: ACOMPTES,
    isBlank: isBlankInput,
    async record(line, key) {
      const body = depositBodyFromRow(line);
      return { id: (await record(body, key(body))).id };
    },
    message: importMessage,
    status: statusAndMessage(ACOMPTES),
  };
}

export function importDeposits(
  deps: SyncDeps,
  companyId: string,
  spreadsheetId: string,
  record: RecordDeposit,
): Promise<ImportResult> {
  return importUnderLease(deps, companyId, spreadsheetId, [acomptesSheet(record)]);
}
