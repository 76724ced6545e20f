/**
 * Runs imports of typed sheets under the spreadsheet's sync lease, just
 * before its write-back: no other sync can place a new document on a
 * second row before its id is written, and the write-back that follows
 * fills the computed columns of the rows just recorded. The ids and
 * refusals of every sheet go out in one write.
 */
import { conflict } from "../../errors/api-error";
import { syncSpreadsheet, type SyncDeps, type SyncResult } from "../sync/sync-spreadsheet";
import type { ValueRangeLike } from "../split-payload";
import { importTypedRows, type ImportedRow, type TypedRowsResult, type TypedSheet } from "./typed-rows";

export interface ImportResult {
  recorded: ImportedRow[];
  refused: ImportedRow[];
  /** Per sheet title, when more than one sheet was imported. */
  sheets?: Record<string, { recorded: ImportedRow[]; refused: ImportedRow[] }>;
  sync: SyncResult;
}

export async function importUnderLease(
  deps: SyncDeps,
  companyId: string,
  spreadsheetId: string,
  sheets: TypedSheet[],
): Promise<ImportResult> {
  const perSheet: Record<string, TypedRowsResult> = {};
  const importTyped = async () => {
    const writes: ValueRangeLike[] = [];
    try {
      for (const sheet of sheets) {
        const result: TypedRowsResult = { recorded: [], refused: [], writes };
        perSheet[sheet.spec.title] = result;
        await importTypedRows(deps.gateway, spreadsheetId, sheet, result);
      }
    } finally {
      // Even when a row fails unexpectedly, the ids of the rows recorded before it are written: never recorded twice.
      if (writes.length) await deps.gateway.writeValues(spreadsheetId, writes);
    }
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
  const all = Object.values(perSheet);
  const outcome = (s: TypedRowsResult) => ({ recorded: s.recorded, refused: s.refused });
  return {
    recorded: all.flatMap((s) => s.recorded),
    refused: all.flatMap((s) => s.refused),
    ...(sheets.length > 1
      ? { sheets: Object.fromEntries(Object.entries(perSheet).map(([t, s]) => [t, outcome(s)])) }
      : {}),
    sync,
  };
}
