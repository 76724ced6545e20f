/**
 * The loop every import shares: read a sheet, take the rows typed without
 * an id, record each through the workflow (its key derived from the
 * spreadsheet, the row and the content), and say what to write back — the
 * new id into the id column, or the French reason beside a refused row. Rows
 * are recorded one after another, in sheet order.
 */
import type { ImportedRow } from "../../contract/workbook";
import type { ErrorDetail } from "../../errors/api-error";
import { toApiError } from "../../errors/to-api-error";
import { columnLetter, quoteSheet } from "../layout/a1";
import { columnIndexOf, ID_HEADER, idColumnOf, type SheetSpec } from "../layout/sheet-spec";
import type { SheetsGateway } from "../sheets-gateway";
import type { ValueRangeLike } from "../split-payload";
import { IMPORT_MESSAGE_HEADER } from "../layout/workbook-spec";
import { IMPORT_ERROR_STATUS } from "../sync/labels";
import { importKey } from "./import-key";
import type { TypedCell } from "./typed-cells";

/** A typed row of the import and what became of it (contract `ImportedRow`, part of the import's answer). */
export type { ImportedRow };

/**
 * What one typed row became: `id` without `message`, recorded (the row
 * becomes the document's row), with the French `notice` its answer called
 * for (the limit warning of a deposit) shown in « Message »; `message`,
 * refused — with `id` too when part of it was recorded (the row keeps no id,
 * so fixing and importing it again finishes the rest, the recorded part being
 * a replay of its key).
 */
export type RowOutcome =
  { id: string; message?: undefined; notice?: string } | { id?: string; message: string; notice?: undefined };

export interface TypedSheet {
  spec: SheetSpec;
  isBlank(line: TypedCell[]): boolean;
  /** Records a row; `key(content)` is the Idempotency-Key of one thing it records. A refusal is thrown as an ApiError. */
  record(line: TypedCell[], key: (content: unknown) => string): Promise<RowOutcome>;
  /**
   * For a sheet whose recorded rows people edit (`Clients`): records what a
   * row with an id changed; null when it changed nothing. Refusals as for `record`.
   */
  recordEdit?(line: TypedCell[], id: string, key: (content: unknown) => string): Promise<RowOutcome | null>;
  /** The French text beside a refused row, from the API's message and details. */
  message(message: string, details: ErrorDetail[]): string;
  /** The status cells of a row: the refusal; once recorded (`null`), emptied or holding the row's `notice`. */
  status(row: number, message: string | null, notice?: string): ValueRangeLike;
}

export interface TypedRowsResult {
  recorded: ImportedRow[];
  refused: ImportedRow[];
  writes: ValueRangeLike[];
}

export function cellA1(spec: SheetSpec, row: number, header: string): string {
  return `${quoteSheet(spec.title)}!${columnLetter(columnIndexOf(spec, header))}${row}`;
}

/**
 * The `status` of a sheet whose `Statut` and `Message` columns stand side by
 * side: « Erreur » and the reason, or, once recorded, `Statut` emptied (the
 * write-back fills it) and `Message` emptied or holding the notice.
 */
export function statusAndMessage(spec: SheetSpec): TypedSheet["status"] {
  const statusCol = columnIndexOf(spec, "Statut");
  if (columnIndexOf(spec, IMPORT_MESSAGE_HEADER) !== statusCol + 1)
    throw new Error(`${spec.title}: Statut and Message must be adjacent`);
  return (row, message, notice) => ({
    range: `${cellA1(spec, row, "Statut")}:${columnLetter(statusCol + 1)}${row}`,
    values: [message === null ? ["", notice ?? ""] : [IMPORT_ERROR_STATUS, message]],
  });
}

/**
 * Imports one sheet into `result` as it goes, so that what was recorded
 * before an unexpected failure still gets its id written by the caller.
 */
export async function importTypedRows(
  gateway: SheetsGateway,
  spreadsheetId: string,
  sheet: TypedSheet,
  result: TypedRowsResult = { recorded: [], refused: [], writes: [] },
): Promise<TypedRowsResult> {
  const { spec } = sheet;
  const [values] = await gateway.readValues(spreadsheetId, [
    `${quoteSheet(spec.title)}!A1:${columnLetter(spec.columns.length - 1)}`,
  ]);
  const idColumn = idColumnOf(spec);
  for (let r = 1; r < (values ?? []).length; r++) {
    const line = values[r] as TypedCell[];
    const id = String(line[idColumn] ?? "").trim();
    if ((id !== "" && !sheet.recordEdit) || sheet.isBlank(line)) continue;
    const row = r + 1;
    const key = (content: unknown) => importKey(spreadsheetId, row, content);
    let outcome: RowOutcome | null;
    try {
      outcome = id === "" ? await sheet.record(line, key) : await sheet.recordEdit!(line, id, key);
    } catch (error) {
      const apiError = toApiError(error);
      // A refusal (a 403 included: one sheet may need a role the caller lacks) is the row's; anything else stops the import.
      if (!apiError) throw error;
      outcome = { message: sheet.message(apiError.message, apiError.details) };
    }
    if (outcome === null) continue;
    if (outcome.message !== undefined) {
      result.refused.push({ row, ...outcome });
      result.writes.push(sheet.status(row, outcome.message));
    } else {
      const { notice } = outcome;
      result.recorded.push({ row, id: outcome.id, ...(notice ? { notice } : {}) });
      if (id === "") result.writes.push({ range: cellA1(spec, row, ID_HEADER), values: [[outcome.id]] });
      result.writes.push(sheet.status(row, null, notice));
    }
  }
  return result;
}
