import { addDays, daysInMonth } from "../dates/calendar-date";
import type { FiscalPeriod } from "./fec-checks";

/** The closing day of a company whose fiscal year is the calendar year (the default). */
export const CALENDAR_YEAR_END = "12-31";

/**
 * Whether `value` is a fiscal-year closing day `MM-DD` that exists every
 * year. 29 February does not: a year closing at the end of February is
 * written `02-28` and closes on the 29th in leap years (fiscalYearClosingIn).
 */
export function isFiscalYearEnd(value: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [month, day] = [Number(m[1]), Number(m[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2027, month);
}

/** The day a fiscal year closing on `fiscalYearEnd` closes in `year`: `02-28` means the end of February. */
function closingDay(year: number, fiscalYearEnd: string): string {
  const day = fiscalYearEnd === "02-28" ? `${daysInMonth(year, 2)}` : fiscalYearEnd.slice(3);
  return `${year}-${fiscalYearEnd.slice(0, 2)}-${day}`;
}

/**
 * The fiscal year that closes in `year`, for a company whose year closes
 * on `fiscalYearEnd` (`MM-DD`): from the day after the previous closing to
 * this one. A company changing its closing day has one longer or shorter
 * year, which the export takes by its dates (fiscalPeriod's from/to).
 *
 * @example
 * fiscalYearClosingIn(2026, "12-31"); // → { start: "2026-01-01", end: "2026-12-31" }
 * fiscalYearClosingIn(2026, "06-30"); // → { start: "2025-07-01", end: "2026-06-30" }
 * fiscalYearClosingIn(2024, "02-28"); // → { start: "2023-03-01", end: "2024-02-29" }
 */
export function fiscalYearClosingIn(year: number, fiscalYearEnd: string = CALENDAR_YEAR_END): FiscalPeriod {
  return { start: addDays(closingDay(year - 1, fiscalYearEnd), 1), end: closingDay(year, fiscalYearEnd) };
}
