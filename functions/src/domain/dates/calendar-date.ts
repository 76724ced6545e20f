/**
 * Calendar dates as `YYYY-MM-DD` strings, compared as strings and computed in
 * UTC so no time zone can shift a day. Day arithmetic is shared with the
 * reminder rules (calendar-day.ts, one implementation); month arithmetic lives here.
 */
import { addDays, daysBetween, frenchDate } from "./calendar-day";

export { addDays, daysBetween, frenchDate };

export type CalendarDate = string;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: CalendarDate): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y, m, d];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Adds calendar months, keeping the day but clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** `2026-02` — the VAT return period (month) a date falls in. */
export function monthOf(date: CalendarDate): string {
  return date.slice(0, 7);
}

/** The last day of the month of `date`. */
export function endOfMonth(date: CalendarDate): CalendarDate {
  const [y, m] = parts(date);
  return `${pad(y, 4)}-${pad(m)}-${pad(daysInMonth(y, m))}`;
}

/** First day of the half-year (1 January or 1 July) that contains `date`. */
export function halfYearStart(date: CalendarDate): CalendarDate {
  const [y, m] = parts(date);
  return `${pad(y, 4)}-${m <= 6 ? "01" : "07"}-01`;
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

export function isValidCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = parts(value);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
