import { addDays, daysBetween } from "../dates/calendar-day";

/** Monday of the ISO week that holds `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** Whole weeks from the Monday of `from`'s week to `day` (negative before it). */
export function weekIndex(from: string, day: string): number {
  return Math.floor(daysBetween(mondayOf(from), day) / 7);
}
