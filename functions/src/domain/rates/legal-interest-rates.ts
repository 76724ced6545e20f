import { CalendarDate } from "../dates/calendar-date";
import { HalfYearRow, rowForDate } from "./half-year-rate-table";

/** Which of the two legal interest rates applies: a consumer creditor's or any other's (C. monétaire et financier L313-2). */
export type Creditor = "consumer" | "professional";

/** One half-year of LEGAL_INTEREST_RATES: both rates from `from` (1 January or 1 July). */
export interface LegalInterestRow extends HalfYearRow {
  /** Annual rate in %, creditor a natural person not acting for professional needs. */
  consumer: string;
  /** Annual rate in %, every other case (professional creditors). */
  professional: string;
}

/**
 * Taux de l'intérêt légal (Code monétaire et financier L313-2, D313-1-A), set
 * each half-year by arrêté published in the Journal officiel in June and
 * December. TO ADD THE NEXT HALF-YEAR: append one row below (from = 1 January
 * or 1 July) with both rates of the new arrêté; nothing else changes.
 */
export const LEGAL_INTEREST_RATES: readonly LegalInterestRow[] = [
  { from: "2023-01-01", consumer: "4.47", professional: "2.06" },
  { from: "2023-07-01", consumer: "6.82", professional: "4.22" },
  { from: "2024-01-01", consumer: "8.01", professional: "5.07" },
  { from: "2024-07-01", consumer: "8.16", professional: "4.92" },
  { from: "2025-01-01", consumer: "7.21", professional: "3.71" },
  { from: "2025-07-01", consumer: "6.65", professional: "2.76" },
  // Arrêté du 15 décembre 2025.
  { from: "2026-01-01", consumer: "6.67", professional: "2.62" },
];

/**
 * The legal interest rate (% a year) in force on `date` for that kind of
 * creditor. A date in a half-year not in the table is refused
 * (RATE_NOT_AVAILABLE), never computed with an old rate.
 *
 * @example
 * legalInterestRate("2026-03-15", "consumer"); // → "6.67"
 * legalInterestRate("2026-03-15", "professional"); // → "2.62"
 */
export function legalInterestRate(
  date: CalendarDate,
  creditor: Creditor,
  table: readonly LegalInterestRow[] = LEGAL_INTEREST_RATES,
): string {
  return rowForDate(table, date, "taux de l'intérêt légal")[creditor];
}
