import { parseCamt053 } from "../bank/camt053";
import { parseCsvStatement } from "../bank/csv-statement";
import { CSV_STATEMENT_DEFAULTS } from "../domain/bank/csv-layout";
import type { CompanySettings } from "../model/company";
import type { StatementBody } from "../workflow/bodies/statement-body";
import type { ReadStatement } from "../workflow/import-statement";

/**
 * A statement file as the command's input: a camt.053 file is read at once,
 * before the transaction (its reader needs nothing of the company); a CSV
 * export needs the company's column layout and account, so it is read in
 * the transaction, once (kept for a retried transaction).
 */
export type StatementSource =
  { format: "camt053"; read: ReadStatement } | { format: "csv"; file: string; read?: ReadStatement };

/** `format` when given, else an XML file (« < » first) is camt.053 and anything else CSV. */
export function statementSource({ file, format }: StatementBody): StatementSource {
  const detected = format ?? (file.trimStart().startsWith("<") ? "camt053" : "csv");
  return detected === "camt053" ? { format: "camt053", read: parseCamt053(file) } : { format: "csv", file };
}

/**
 * The statement's entries. A CSV export names no account: it is taken to be
 * the company's (`bankIban`; importStatement refuses when there is none).
 */
export function readStatement(source: StatementSource, settings: CompanySettings): ReadStatement {
  if (source.format === "camt053") return source.read;
  source.read ??= parseCsvStatement(source.file, {
    layout: settings.statementCsv ?? CSV_STATEMENT_DEFAULTS,
    accountIban: settings.bankIban ?? "",
  });
  return source.read;
}
