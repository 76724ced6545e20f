/**
 * Streaming reader of a bank's CSV statement export, laid out as the
 * company's `statementCsv` setting says (domain/bank/csv-layout.ts): the
 * same `StatementEntry`s as camt053.ts, fed to the same import. Chunks go in
 * as they arrive and each line is handed on as soon as it is complete; a
 * line longer than CSV_MAX_LINE_CHARS or a file above `maxBytes` is refused,
 * so memory stays bounded whatever is sent.
 *
 * The entry's identity: the bank's reference when the layout names a
 * reference column and the line fills it; otherwise `CSV-` and 32 hex
 * characters of the SHA-256 of account, booking date, signed amount, label
 * and the line's occurrence index among identical lines of the file (two
 * real coffees of 3,50 € the same day are two entries). Re-importing a file,
 * or a file overlapping it by whole days, gives the same keys and adds
 * nothing. Assumption: an export covers whole days (banks export by date
 * range), so identical lines of one day appear in the same number in every
 * file that covers that day.
 */
import { createHash } from "node:crypto";
import { EngineValidationError } from "../domain/errors/engine-error";
import { formatMoney, money } from "../domain/money/money";
import { ibanProblem, normaliseIban, type Iban } from "../domain/bank/iban";
import { csvAmount, csvDate, headerKey, type CsvColumns, type CsvStatementLayout } from "../domain/bank/csv-layout";
import type { EntryTransaction, StatementEntry, StatementSummary } from "../domain/bank/statement-entry";
import { CAMT_MAX_BYTES } from "./camt053";

/** A longer line is not a statement line: refused before it can grow. */
export const CSV_MAX_LINE_CHARS = 4096;
/** Lines before the header (account number, balances…) banks put on top of the export. */
export const CSV_MAX_PREAMBLE_LINES = 30;

const MIB = 1024 * 1024;

function refuse(message: string): never {
  throw new EngineValidationError([{ path: "file", message }]);
}

export interface CsvStatementReaderOptions {
  layout: CsvStatementLayout;
  /** The account the export is of (a CSV export rarely names it): the company's. */
  accountIban: Iban;
  /** Called for each line with an amount, in file order. */
  onEntry(entry: StatementEntry): void;
  /** Refuse files above this many bytes (default: camt053's CAMT_MAX_BYTES). */
  maxBytes?: number;
}

type ColumnIndexes = { [K in keyof CsvColumns]?: number } & { currency?: number };

/**
 * Push-style reader: `write()` each chunk, then `end()` for the statement's
 * summary. Throws `EngineValidationError` in French, naming the line: no
 * header, an unreadable date or amount, both debit and credit or neither,
 * a currency other than EUR, a line or file too long, a non-UTF-8 file.
 */
export class CsvStatementReader {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private readonly maxBytes: number;
  private bytes = 0;
  private line = 1;
  private recordLine = 1;
  private field = "";
  private record: string[] = [];
  private recordChars = 0;
  private inQuotes = false;
  private quoteSeen = false;
  private columns?: ColumnIndexes;
  private preamble = 0;
  private statementId?: string;
  private entries = 0;
  private skipped = 0;
  /** Identical (date, amount, label) lines met so far: the occurrence index of the next one. */
  private readonly occurrences = new Map<string, number>();

  constructor(private readonly options: CsvStatementReaderOptions) {
    this.maxBytes = options.maxBytes ?? CAMT_MAX_BYTES;
  }

  write(chunk: string | Uint8Array): void {
    this.bytes += typeof chunk === "string" ? Buffer.byteLength(chunk, "utf8") : chunk.byteLength;
    if (this.bytes > this.maxBytes)
      refuse(`Relevé CSV refusé : le fichier dépasse la taille maximale de ${Math.round(this.maxBytes / MIB)} Mo.`);
    this.feed(typeof chunk === "string" ? chunk : this.decode(() => this.decoder.decode(chunk, { stream: true })));
  }

  end(): StatementSummary[] {
    this.feed(this.decode(() => this.decoder.decode()));
    if (this.inQuotes && !this.quoteSeen)
      refuse(`Relevé CSV illisible : guillemet non refermé (ligne ${this.recordLine}).`);
    this.quoteSeen = false;
    if (this.field !== "" || this.record.length > 0) this.endRecord();
    if (!this.columns) refuse(this.noHeader());
    if (this.entries === 0) refuse("Relevé CSV vide : aucune opération sous l'en-tête.");
    return [
      {
        statementId: this.statementId!,
        accountIban: this.options.accountIban,
        entries: this.entries,
        skipped: this.skipped,
      },
    ];
  }

  private decode(read: () => string): string {
    try {
      return read();
    } catch {
      return refuse("Relevé CSV illisible : le fichier n'est pas encodé en UTF-8.");
    }
  }

  /** RFC 4180 fields: quoted fields may hold the separator, `""` and line breaks. */
  private feed(text: string): void {
    const separator = this.options.layout.separator;
    for (const c of text) {
      if (++this.recordChars > CSV_MAX_LINE_CHARS)
        refuse(`Relevé CSV refusé : ligne ${this.recordLine} trop longue (${CSV_MAX_LINE_CHARS} caractères au plus).`);
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false;
        } else {
          if (c === '"') this.quoteSeen = true;
          else {
            if (c === "\n") this.line++;
            this.field += c;
          }
          continue;
        }
      }
      if (c === '"' && this.field === "") this.inQuotes = true;
      else if (c === separator) {
        this.record.push(this.field);
        this.field = "";
      } else if (c === "\n") {
        this.endRecord();
        this.line++;
      } else if (c !== "\r") this.field += c;
    }
  }

  private endRecord(): void {
    this.record.push(this.field);
    const cells = this.record.map((cell) => cell.trim());
    this.field = "";
    this.record = [];
    this.recordChars = 0;
    const line = this.recordLine;
    this.recordLine = this.line + 1;
    if (cells.every((cell) => cell === "")) return;
    if (!this.columns) this.header(cells);
    else this.entry(cells, line);
  }

  private noHeader(): string {
    const { bookingDate, label } = this.options.layout.columns;
    return `Relevé CSV refusé : en-tête introuvable dans les ${CSV_MAX_PREAMBLE_LINES} premières lignes (colonnes « ${bookingDate} » et « ${label} » attendues, séparées par « ${this.options.layout.separator === "\t" ? "tabulation" : this.options.layout.separator} »). Vérifiez les colonnes du relevé CSV dans les paramètres de l'entreprise.`;
  }

  /** The header is the first line naming the date and label columns; what comes before is the bank's preamble. */
  private header(cells: string[]): void {
    const keys = cells.map(headerKey);
    const at = (name: string | undefined) => {
      const i = name === undefined ? -1 : keys.indexOf(headerKey(name));
      return i < 0 ? undefined : i;
    };
    const { columns } = this.options.layout;
    if (at(columns.bookingDate) === undefined || at(columns.label) === undefined) {
      if (++this.preamble >= CSV_MAX_PREAMBLE_LINES) refuse(this.noHeader());
      return;
    }
    const found: ColumnIndexes = Object.fromEntries(
      Object.entries(columns).map(([field, name]) => [field, at(name)]),
    ) as ColumnIndexes;
    found.currency = at("Devise");
    const split = found.debit !== undefined && found.credit !== undefined;
    if (found.amount === undefined && !split)
      refuse(
        `Relevé CSV refusé : ni colonne « ${columns.amount ?? "montant"} », ni colonnes « ${columns.debit ?? "débit"} » et « ${columns.credit ?? "crédit"} » dans l'en-tête.`,
      );
    // Both present (the defaults try both): the split columns are the more explicit.
    if (split) delete found.amount;
    this.columns = found;
  }

  private entry(cells: string[], line: number): void {
    const cols = this.columns!;
    const { layout } = this.options;
    const cell = (i: number | undefined) => (i === undefined ? "" : (cells[i] ?? ""));
    const dateCell = cell(cols.bookingDate);
    // A line without a date is the bank's footer (balances, totals): not an operation.
    if (dateCell === "") {
      this.skipped++;
      return;
    }
    const bookingDate = csvDate(dateCell, layout.dateFormat);
    if (!bookingDate)
      refuse(`Relevé CSV, ligne ${line} : date « ${dateCell} » illisible (format attendu ${layout.dateFormat}).`);
    const currency = cell(cols.currency).toUpperCase();
    if (currency !== "" && currency !== "EUR" && currency !== "€")
      refuse(`Relevé CSV, ligne ${line} : montant en ${currency} ; seuls les relevés en euros (EUR) sont acceptés.`);
    const signed = this.signedAmount(cell, line);
    if (signed === null) {
      this.skipped++;
      return;
    }
    const label = cell(cols.label).replace(/\s+/g, " ");
    const valueCell = cell(cols.valueDate);
    const valueDate = valueCell ? csvDate(valueCell, layout.dateFormat) : null;
    const base = [this.options.accountIban, bookingDate, signed, label].join("|");
    const occurrence = this.occurrences.get(base) ?? 0;
    this.occurrences.set(base, occurrence + 1);
    const reference = cell(cols.reference);
    const entryRef =
      reference || `CSV-${createHash("sha256").update(`${base}|${occurrence}`).digest("hex").slice(0, 32)}`;
    this.statementId ??= `CSV-${bookingDate.replace(/-/g, "")}`;
    const amount = formatMoney(money(signed).abs());
    const iban = cell(cols.counterpartyIban);
    const transaction: EntryTransaction = {
      amount,
      ...(label ? { remittance: label } : {}),
      ...(cell(cols.endToEndId) ? { endToEndId: cell(cols.endToEndId) } : {}),
      ...(cell(cols.counterpartyName) ? { counterpartyName: cell(cols.counterpartyName) } : {}),
      ...(iban && !ibanProblem(iban) ? { counterpartyIban: normaliseIban(iban) } : {}),
    };
    this.entries++;
    this.options.onEntry({
      accountIban: this.options.accountIban,
      statementId: this.statementId,
      entryRef,
      bookingDate,
      ...(valueDate ? { valueDate } : {}),
      amount,
      direction: signed.startsWith("-") ? "debit" : "credit",
      reversal: false,
      returned: false,
      transactions: [transaction],
    });
  }

  /** The line's amount, negative for a debit; null for a zero (an information line). */
  private signedAmount(cell: (i: number | undefined) => string, line: number): string | null {
    const cols = this.columns!;
    const { decimalComma } = this.options.layout;
    const read = (raw: string) => {
      const value = csvAmount(raw, decimalComma);
      if (value === null)
        refuse(
          `Relevé CSV, ligne ${line} : montant « ${raw} » illisible (${decimalComma ? "1 234,56" : "1234.56"} attendu).`,
        );
      return money(value);
    };
    let value;
    if (cols.amount !== undefined) {
      const raw = cell(cols.amount);
      if (raw === "") refuse(`Relevé CSV, ligne ${line} : montant manquant.`);
      value = read(raw);
    } else {
      const [debit, credit] = [cell(cols.debit), cell(cols.credit)];
      if (debit !== "" && credit !== "")
        refuse(`Relevé CSV, ligne ${line} : un débit et un crédit sur la même ligne ; une opération n'a qu'un sens.`);
      if (debit === "" && credit === "") refuse(`Relevé CSV, ligne ${line} : ni débit ni crédit.`);
      value = debit !== "" ? read(debit).abs().negated() : read(credit).abs();
    }
    return value.isZero() ? null : formatMoney(value);
  }
}

/** Reads a whole CSV export already in memory (the api's body, tests). */
export function parseCsvStatement(
  file: string | Uint8Array,
  options: Omit<CsvStatementReaderOptions, "onEntry">,
): { statements: StatementSummary[]; entries: StatementEntry[] } {
  const entries: StatementEntry[] = [];
  const reader = new CsvStatementReader({ ...options, onEntry: (e) => entries.push(e) });
  reader.write(file);
  return { statements: reader.end(), entries };
}
