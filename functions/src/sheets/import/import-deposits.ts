/**
 * Import of the `Acomptes` rows typed without an id. Each is recorded
 * through the workflow's own deposit command (its validation, roles,
 * numbering and idempotency); the id then goes into column A, so the row
 * becomes the deposit's row and the write-back fills its computed columns.
 * A refused row gets « Erreur » and the French reason beside it and is not
 * recorded; once fixed, the next import records it once. All of it runs
 * under the spreadsheet's sync lease: no other sync can place the new
 * deposit on a second row before its id is written.
 */
import { createHash } from "node:crypto";
import { conflict } from "../../errors/api-error";
import { toApiError } from "../../errors/to-api-error";
import { columnLetter, quoteSheet } from "../layout/a1";
import { columnIndexOf } from "../layout/sheet-spec";
import { ACOMPTES, ID_HEADER, IMPORT_MESSAGE_HEADER } from "../layout/workbook-spec";
import type { ValueRangeLike } from "../split-payload";
import { IMPORT_ERROR_STATUS } from "../sync/labels";
import { syncSpreadsheet, type SyncDeps, type SyncResult } from "../sync/sync-spreadsheet";
import { depositBodyFromRow, importMessage, isBlankInput, type TypedCell } from "./deposit-row-body";

/** Records one deposit body with the workflow's rules; the key makes a repeated import of the same row a replay. */
export type RecordDeposit = (body: unknown, idempotencyKey: string) => Promise<{ id: string }>;

export interface ImportedRow {
  /** Sheet row number (1-based, as people see it). */
  row: number;
  id?: string;
  message?: string;
}

export interface ImportResult {
  recorded: ImportedRow[];
  refused: ImportedRow[];
  sync: SyncResult;
}

function cellA1(row: number, header: string): string {
  return `${quoteSheet(ACOMPTES.title)}!${columnLetter(columnIndexOf(ACOMPTES, header))}${row}`;
}

export async function importDeposits(
  deps: SyncDeps,
  companyId: string,
  spreadsheetId: string,
  record: RecordDeposit,
): Promise<ImportResult> {
  const recorded: ImportedRow[] = [];
  const refused: ImportedRow[] = [];
  const statusCol = columnIndexOf(ACOMPTES, "Statut");
  const messageCol = columnIndexOf(ACOMPTES, IMPORT_MESSAGE_HEADER);
  if (messageCol !== statusCol + 1) throw new Error("Acomptes: Statut and Message must be adjacent");
  const statusAndMessage = (row: number) => `${cellA1(row, "Statut")}:${columnLetter(messageCol)}${row}`;

  const importTyped = async () => {
    const [values] = await deps.gateway.readValues(spreadsheetId, [
      `${quoteSheet(ACOMPTES.title)}!A1:${columnLetter(ACOMPTES.columns.length - 1)}`,
    ]);
    const writes: ValueRangeLike[] = [];
    for (let r = 1; r < (values ?? []).length; r++) {
      const line = values[r] as TypedCell[];
      if (String(line[0] ?? "").trim() !== "" || isBlankInput(line)) continue;
      const row = r + 1;
      const body = depositBodyFromRow(line);
      // Same spreadsheet, row and content → same key: an import repeated after a lost answer records nothing new.
      const key = `sheets-import:${createHash("sha256")
        .update(JSON.stringify([spreadsheetId, row, body]))
        .digest("hex")}`;
      try {
        const { id } = await record(body, key);
        recorded.push({ row, id });
        writes.push(
          { range: cellA1(row, ID_HEADER), values: [[id]] },
          { range: statusAndMessage(row), values: [["", ""]] },
        );
      } catch (error) {
        const apiError = toApiError(error);
        if (!apiError || apiError.status === 401 || apiError.status === 403) throw error;
        const message = importMessage(apiError.message, apiError.details);
        refused.push({ row, message });
        writes.push({ range: statusAndMessage(row), values: [[IMPORT_ERROR_STATUS, message]] });
      }
    }
    if (writes.length) await deps.gateway.writeValues(spreadsheetId, writes);
  };

  const sync = await syncSpreadsheet(deps, companyId, spreadsheetId, {
    beforeWriteBack: importTyped,
    waitForLeaseMs: 30_000,
  });
  if (sync.status === "deferred") {
    throw conflict(
      "SHEET_SYNC_BUSY",
      "Le classeur est en cours de synchronisation : relancez l'import dans un instant.",
    );
  }
  return { recorded, refused, sync };
}
