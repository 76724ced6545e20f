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
 * December. Each row names its arrêté, and the Journal officiel date where
 * it was checked (the others are to be completed from Légifrance; the rates
 * themselves were checked against two published sources). TO ADD THE NEXT HALF-YEAR: append one row below (from = 1 January
 * or 1 July) with both rates of the new arrêté; nothing else changes.
 */
export const LEGAL_INTEREST_RATES: readonly LegalInterestRow[] = [
  { from: "2023-01-01", consumer: "4.47", professional: "2.06", source: "Arrêté du 26 décembre 2022" },
  { from: "2023-07-01", consumer: "6.82", professional: "4.22", source: "Arrêté du 27 juin 2023, JO du 30 juin 2023" },
  { from: "2024-01-01", consumer: "8.01", professional: "5.07", source: "Arrêté de décembre 2023" },
  { from: "2024-07-01", consumer: "8.16", professional: "4.92", source: "Arrêté du 26 juin 2024" },
  { from: "2025-01-01", consumer: "7.21", professional: "3.71", source: "Arrêté du 17 décembre 2024" },
  { from: "2025-07-01", consumer: "6.65", professional: "2.76", source: "Arrêté du 19 juin 2025, JO du 24 juin 2025" },
  {
    from: "2026-01-01",
    consumer: "6.67",
    professional: "2.62",
    source: "Arrêté du 15 décembre 2025, JO du 26 décembre 2025",
  },
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
