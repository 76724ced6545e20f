/**
 * The text form of an FEC (LPF A47 A-1): 18 fields in a fixed order, `|`
 * or a tab between fields (the company's choice), CRLF after every line (the header included), dates
 * `YYYYMMDD`, amounts with a decimal comma and no thousands separator.
 */

export const FEC_FIELDS = [
  "JournalCode",
  "JournalLib",
  "EcritureNum",
  "EcritureDate",
  "CompteNum",
  "CompteLib",
  "CompAuxNum",
  "CompAuxLib",
  "PieceRef",
  "PieceDate",
  "EcritureLib",
  "Debit",
  "Credit",
  "EcritureLet",
  "DateLet",
  "ValidDate",
  "Montantdevise",
  "Idevise",
] as const;

/** One of the 18 FEC field names. */
export type FecField = (typeof FEC_FIELDS)[number];

/** One line of the file, every field already in its text form. */
export type FecRecord = Record<FecField, string>;

/** Between fields: the two separators A47 A-1 allows. */
export type FecSeparator = "|" | "\t";

/** The separator of the usual form, used unless the export asks for a tab. */
export const FEC_SEPARATOR: FecSeparator = "|";

/** The separator a query names: `pipe` (the default) or `tab`. */
export const FEC_SEPARATORS: Readonly<Record<"pipe" | "tab", FecSeparator>> = { pipe: "|", tab: "\t" };
/** After every line, the header and the last one included. */
export const FEC_LINE_END = "\r\n";

/** The first line of the file: the field names. */
export function fecHeader(separator: FecSeparator = FEC_SEPARATOR): string {
  return FEC_FIELDS.join(separator) + FEC_LINE_END;
}

/** The first line of a `|`-separated file. */
export const FEC_HEADER = fecHeader();

/**
 * A record as one line of the file, line end included.
 *
 * @example
 * fecLine({ ...record, Debit: "4320,00" }); // → "BQ|Banque|BQ-000001|20260115|512|…|4320,00|0,00|||20260115||\r\n"
 */
export function fecLine(record: FecRecord, separator: FecSeparator = FEC_SEPARATOR): string {
  return FEC_FIELDS.map((f) => record[f]).join(separator) + FEC_LINE_END;
}

/** `2026-01-15` → `20260115`. */
export function fecDate(day: string): string {
  return day.replaceAll("-", "");
}

/** `4320.00` → `4320,00` (the engine's amounts are non-negative two-decimal strings). */
export function fecAmount(amount: string): string {
  return amount.replace(".", ",");
}

/**
 * Free text made safe for a field whichever the separator: `|`, tabs and
 * line breaks become a space, runs of spaces one, outer spaces trimmed.
 *
 * @example
 * fecText("Dupont | Fils\r\nSA"); // → "Dupont Fils SA"
 */
export function fecText(text: string): string {
  return text.replace(/[|\s]+/g, " ").trim();
}
