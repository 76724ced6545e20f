import { addMonths } from "../../domain/dates/calendar-date";

/**
 * The first day the `Écritures` sheet shows for a company that limits it to
 * its last `months` months (the current one included): the FEC, not the
 * sheet, is the full journal, so a large company keeps its workbook light.
 *
 * @example
 * journalWindowStart("2026-12-03", 3); // → "2026-10-01"
 * journalWindowStart("2026-12-03", 1); // → "2026-12-01"
 */
export function journalWindowStart(today: string, months: number): string {
  return `${addMonths(today, -(months - 1)).slice(0, 7)}-01`;
}
