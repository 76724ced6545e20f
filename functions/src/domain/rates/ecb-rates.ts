import { CalendarDate } from "../dates/calendar-date";
import { HalfYearRow, rowForDate } from "./half-year-rate-table";

/** One half-year of ECB_REFERENCE_RATES: the rate in force on `from` (1 January or 1 July). */
export interface EcbReferenceRow extends HalfYearRow {
  /** ECB main refinancing operations rate (%) in force on `from`. */
  rate: string;
}

/**
 * The ECB main refinancing rate that B2B late-payment penalties use for a
 * half-year: the rate in force on 1 January for the first half-year, on
 * 1 July for the second (Code de commerce L441-10). TO ADD THE NEXT
 * HALF-YEAR: append one row with the MRO rate in force on that 1 January /
 * 1 July (ecb.europa.eu, "Key ECB interest rates").
 */
export const ECB_REFERENCE_RATES: readonly EcbReferenceRow[] = [
  { from: "2023-01-01", rate: "2.50", source: "BCE, décision du 15 décembre 2022 (2,50 % depuis le 21 décembre 2022)" },
  { from: "2023-07-01", rate: "4.00", source: "BCE, décision du 15 juin 2023 (4,00 % depuis le 21 juin 2023)" },
  {
    from: "2024-01-01",
    rate: "4.50",
    source: "BCE, décision du 14 septembre 2023 (4,50 % depuis le 20 septembre 2023)",
  },
  { from: "2024-07-01", rate: "4.25", source: "BCE, décision du 6 juin 2024 (4,25 % depuis le 12 juin 2024)" },
  { from: "2025-01-01", rate: "3.15", source: "BCE, décision du 12 décembre 2024 (3,15 % depuis le 18 décembre 2024)" },
  { from: "2025-07-01", rate: "2.15", source: "BCE, décision du 5 juin 2025 (2,15 % depuis le 11 juin 2025)" },
  {
    from: "2026-01-01",
    rate: "2.15",
    source: "BCE, taux de 2,15 % en vigueur au 1er janvier 2026 (inchangé depuis le 11 juin 2025)",
  },
];

/**
 * The ECB reference rate (%) for the half-year containing `date` (Code de
 * commerce L441-10: the rate in force on 1 January / 1 July).
 *
 * @example
 * ecbReferenceRate("2026-03-15"); // → "2.15"
 */
export function ecbReferenceRate(date: CalendarDate, table: readonly EcbReferenceRow[] = ECB_REFERENCE_RATES): string {
  return rowForDate(table, date, "taux de référence BCE").rate;
}
