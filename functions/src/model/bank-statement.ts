import type { Timestamp } from "@google-cloud/firestore";
import type { StatementSummary } from "../domain/bank/statement-entry";

/**
 * companies/{c}/bankStatements/{hash of account | statement id}: a
 * statement's header as last imported. The dashboard compares the closing
 * booked balance (CLBD) of each account's latest statement with the book
 * balance of the bank account (512) on that date.
 */
export interface BankStatementDoc extends StatementSummary {
  importedAt: Timestamp;
  importedBy: string;
}
