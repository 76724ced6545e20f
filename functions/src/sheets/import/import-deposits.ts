/**
 * Import of the `Acomptes` rows typed without an id. Each is recorded
 * through the workflow's own deposit command (its validation, roles,
 * numbering and idempotency); the id then goes into column A, so the row
 * becomes the deposit's row and the write-back fills its computed columns.
 * A refused row gets « Erreur » and the French reason beside it and is not
 * recorded; once fixed, the next import records it once. A recorded row
 * whose customer the recording warns about keeps the warning in « Message ».
 */
import type { Deposit } from "../../contract/deposit";
import { depositShortfall } from "../../domain";
import { ACOMPTES } from "../layout/workbook-spec";
import { type SyncDeps } from "../sync/sync-spreadsheet";
import { depositBodyFromRow, importMessage, isBlankInput } from "./deposit-row-body";
import { importUnderLease, type ImportResult } from "./import-under-lease";
import { statusAndMessage, type TypedSheet } from "./typed-rows";

export type { ImportResult };
export type { ImportedRow } from "./typed-rows";

/**
 * Records one deposit body with the workflow's rules; the key makes a
 * repeated import of the same row a replay. Of the answer (`Deposit`), the
 * row needs the id, the deposit's gross and the customer advice.
 */
export type RecordDeposit = (
  body: unknown,
  idempotencyKey: string,
) => Promise<Pick<Deposit, "id" | "total" | "advice">>;

/**
 * The « Message » of a recorded row: the customer's limit warning, then the
 * policy's recommendation when the deposit is below it (a deposit typed as a
 * percentage compared as typed). Only for a customer with a profile: one
 * without gets class B's terms by prudence, and a note on every new
 * customer's row would say nothing about that customer. Undefined: nothing
 * to say, the cell stays empty as before.
 */
export function recordedDepositNotice(
  typed: { percent?: string },
  answer: Pick<Deposit, "total" | "advice">,
): string | undefined {
  const { advice } = answer;
  if (!advice) return undefined;
  const cashed =
    typed.percent !== undefined
      ? { percent: typed.percent }
      : { gross: answer.total.gross, orderAmount: advice.orderAmount };
  const shortfall = advice.riskClass === null ? null : depositShortfall(cashed, advice.recommendation);
  const notes = [advice.warning, shortfall].filter((n): n is string => n !== null);
  return notes.length > 0 ? notes.join(" ") : undefined;
}

export function acomptesSheet(record: RecordDeposit): TypedSheet {
  return {
    spec: ACOMPTES,
    isBlank: isBlankInput,
    async record(line, key) {
      const body = depositBodyFromRow(line);
      const answer = await record(body, key(body));
      return { id: answer.id, notice: recordedDepositNotice(body.deposit as { percent?: string }, answer) };
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
