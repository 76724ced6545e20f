import { createHash } from "node:crypto";
import type { StatementSummary } from "../domain/bank/statement-entry";
import { BANK_STATEMENTS } from "../model/collections";
import type { BankStatementDoc } from "../model/bank-statement";
import type { UnitOfWork } from "../storage/unit-of-work";

/** The statement's document id: its id is the bank's text, the hash a valid id; per account, as banks number per account. */
export const bankStatementId = (s: Pick<StatementSummary, "accountIban" | "statementId">) =>
  createHash("sha256").update(`${s.accountIban}|${s.statementId}`).digest("hex").slice(0, 40);

/**
 * Keeps each imported statement's header (balances, counts) in the import's
 * transaction: written, never read, so it adds no read to the transaction,
 * and importing the file again rewrites the same documents.
 */
export function recordStatements(uow: UnitOfWork, statements: readonly StatementSummary[]): void {
  for (const s of statements) {
    const doc: BankStatementDoc = { ...s, importedAt: uow.timestamp, importedBy: uow.actor };
    uow.set(uow.collection(BANK_STATEMENTS).doc(bankStatementId(s)), doc);
  }
}
