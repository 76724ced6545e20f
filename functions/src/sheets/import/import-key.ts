import { createHash } from "node:crypto";

/**
 * The Idempotency-Key of what a typed row asks to record: same spreadsheet,
 * row and content → same key, so an import repeated after a lost answer
 * records nothing new, and a fixed row (new content) is recorded once. It is
 * used company-scoped (see `viaCommand` in import-workbook.ts): whoever repeats the import replays.
 */
export function importKey(spreadsheetId: string, row: number, content: unknown): string {
  return `sheets-import:${createHash("sha256")
    .update(JSON.stringify([spreadsheetId, row, content]))
    .digest("hex")}`;
}
