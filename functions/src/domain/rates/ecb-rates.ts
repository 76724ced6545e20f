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
  { from: "2023-01-01", rate: "2.50" },
  { from: "2023-07-01", rate: "4.00" },
  { from: "2024-01-01", rate: "4.50" },
  { from: "2024-07-01", rate: "4.25" },
  { from: "2025-01-01", rate: "3.15" },
  // 2.15 % since 11 June 2025, unchanged at the 5 February 2026 meeting.
  { from: "2025-07-01", rate: "2.15" },
  { from: "2026-01-01", rate: "2.15" },
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
