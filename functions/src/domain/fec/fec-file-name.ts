import { fecDate } from "./fec-format";

/**
 * The name the tax office expects: `<SIREN>FEC<closing date YYYYMMDD>.txt`.
 *
 * @example
 * fecFileName("123456789", "2026-12-31"); // → "123456789FEC20261231.txt"
 */
export function fecFileName(siren: string, closingDate: string): string {
  return `${siren}FEC${fecDate(closingDate)}.txt`;
}
