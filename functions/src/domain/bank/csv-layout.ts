/**
 * How a bank's CSV statement export is laid out (company setting
 * `statementCsv`), and the pure reading of its cells: amounts in French or
 * international notation, dates in the formats banks use, headers compared
 * without case, accents or surrounding spaces. functions/src/bank/csv-statement.ts
 * streams the file through these.
 */
import { formatMoney, money, type MoneyString } from "../money/money";

export const CSV_SEPARATORS = [";", ",", "\t", "|"] as const;
export const CSV_DATE_FORMATS = ["JJ/MM/AAAA", "JJ/MM/AA", "JJ-MM-AAAA", "JJ.MM.AAAA", "AAAA-MM-JJ"] as const;
export type CsvDateFormat = (typeof CSV_DATE_FORMATS)[number];

/** The header of each column read; the optional ones are used when the file has them. */
export interface CsvColumns {
  bookingDate: string;
  valueDate?: string;
  /** One signed amount (negative: debit)… */
  amount?: string;
  /** …or two columns, debit and credit (one filled per line, sign ignored). */
  debit?: string;
  credit?: string;
  /** The bank's label of the line: the remittance matching reads. */
  label: string;
  /** The bank's own reference of the line: with it, the entry's identity (else a hash, see csv-statement.ts). */
  reference?: string;
  counterpartyName?: string;
  counterpartyIban?: string;
  endToEndId?: string;
}

export interface CsvStatementLayout {
  separator: (typeof CSV_SEPARATORS)[number];
  /** `1 234,56` (true) or `1234.56` (false). */
  decimalComma: boolean;
  dateFormat: CsvDateFormat;
  columns: CsvColumns;
}

/**
 * What most French banks' « export CSV » looks like (Crédit Agricole, Société
 * Générale, LCL, Banque Populaire, Caisse d'Épargne: `;`, decimal comma,
 * `JJ/MM/AAAA`, « Date », « Libellé », « Débit » and « Crédit », sometimes
 * « Montant » instead): both amount layouts are tried, whichever the header has.
 */
export const CSV_STATEMENT_DEFAULTS: CsvStatementLayout = {
  separator: ";",
  decimalComma: true,
  dateFormat: "JJ/MM/AAAA",
  columns: {
    bookingDate: "Date",
    valueDate: "Date de valeur",
    amount: "Montant",
    debit: "Débit",
    credit: "Crédit",
    label: "Libellé",
    reference: "Référence",
  },
};

/** « Débit euros », « DEBIT » and « débit » are the same header. */
export function headerKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");
}

/**
 * A cell's amount as a signed decimal string, or null when it is not one.
 * Thousands separators (spaces, no-break spaces, the other mark) and a
 * trailing `€`/`EUR` are dropped; at most two decimals.
 */
export function csvAmount(cell: string, decimalComma: boolean): MoneyString | null {
  const text = cell.replace(/[\s\u00a0\u202f]/g, "").replace(/(€|EUR)$/i, "");
  const shape = decimalComma ? AMOUNT_DECIMAL_COMMA : AMOUNT_DECIMAL_POINT;
  const parts = shape.exec(text)?.groups;
  if (!parts) return null;
  const units = parts.units.replace(/[.,]/g, "");
  return formatMoney(money(`${parts.sign === "-" ? "-" : ""}${units}${parts.cents ? `.${parts.cents}` : ""}`));
}

/** Thousands marks only between groups of three digits: « 12.5,0 » is a typing error, not 125. */
const AMOUNT_DECIMAL_COMMA = /^(?<sign>[+-]?)(?<units>\d+|\d{1,3}(?:\.\d{3})+)(?:,(?<cents>\d{1,2}))?$/;
const AMOUNT_DECIMAL_POINT = /^(?<sign>[+-]?)(?<units>\d+|\d{1,3}(?:,\d{3})+)(?:\.(?<cents>\d{1,2}))?$/;

const DATE_PATTERNS: Record<CsvDateFormat, RegExp> = {
  "JJ/MM/AAAA": /^(?<d>\d{2})\/(?<m>\d{2})\/(?<y>\d{4})$/,
  "JJ/MM/AA": /^(?<d>\d{2})\/(?<m>\d{2})\/(?<y>\d{2})$/,
  "JJ-MM-AAAA": /^(?<d>\d{2})-(?<m>\d{2})-(?<y>\d{4})$/,
  "JJ.MM.AAAA": /^(?<d>\d{2})\.(?<m>\d{2})\.(?<y>\d{4})$/,
  "AAAA-MM-JJ": /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})$/,
};

/** A cell's date as `YYYY-MM-DD`, or null when it is not a real date in `format` (`JJ/MM/AA`: 20xx). */
export function csvDate(cell: string, format: CsvDateFormat): string | null {
  const groups = DATE_PATTERNS[format].exec(cell.trim())?.groups;
  if (!groups) return null;
  const year = groups.y.length === 2 ? `20${groups.y}` : groups.y;
  const iso = `${year}-${groups.m}-${groups.d}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null;
}
