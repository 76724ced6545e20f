/**
 * Syncs every workbook bound to a company (its `workbooks/{id}` entries),
 * on demand (resync) or after each committed change (the workflow's
 * ChangeNotifier). A failure is recorded by the sync and replayed by the
 * next one; it never fails the change that triggered it.
 */
import type { ChangeNotifier } from "../../application/ports/change-notifier";
import { companySpreadsheets } from "../binding/workbook-registry";
import { syncSpreadsheet, type SyncDeps, type SyncResult } from "./sync-spreadsheet";
import { sheetsTouchedBy } from "./workbook-rows";

export async function syncCompanySheets(deps: SyncDeps, companyId: string): Promise<Record<string, SyncResult>> {
  const out: Record<string, SyncResult> = {};
  for (const spreadsheetId of await companySpreadsheets(deps, companyId))
    out[spreadsheetId] = await syncSpreadsheet(deps, companyId, spreadsheetId);
  return out;
}

export function sheetsNotifier(
  deps: SyncDeps,
  log: (message: string, error: unknown) => void = console.error,
): ChangeNotifier {
  return {
    async afterCommit(change) {
      for (const spreadsheetId of await companySpreadsheets(deps, change.companyId)) {
        try {
          await syncSpreadsheet(deps, change.companyId, spreadsheetId, { onlySheets: sheetsTouchedBy(change.paths) });
        } catch (error) {
          log(`Sheets write-back of ${spreadsheetId} failed; recorded, the next sync replays it`, error);
        }
      }
    },
  };
}
