import { addMonths, isValidCalendarDate } from "../dates/calendar-date";
import { EngineValidationError, type FieldError } from "../errors/engine-error";
import type { FiscalPeriod } from "./fec-checks";
import { CALENDAR_YEAR_END, fiscalYearClosingIn } from "./fiscal-year-end";

/** What the export is asked for: a calendar year, or the first and last days of a fiscal year. */
export interface FiscalPeriodQuery {
  year?: string;
  from?: string;
  to?: string;
}

/**
 * The fiscal year to export: `year` is the year it closes in, on the
 * company's closing day (`fiscalYearEnd`, `MM-DD`, 31 December unless set);
 * a first, longer or shorter year is given by its `from` and `to` (at most
 * 24 months, the longest a fiscal year may last).
 *
 * @example
 * fiscalPeriod({ year: "2026" }); // → { start: "2026-01-01", end: "2026-12-31" }
 * fiscalPeriod({ year: "2026" }, "06-30"); // → { start: "2025-07-01", end: "2026-06-30" }
 * fiscalPeriod({ from: "2025-07-01", to: "2026-06-30" }); // → { start: "2025-07-01", end: "2026-06-30" }
 */
export function fiscalPeriod(query: FiscalPeriodQuery, fiscalYearEnd: string = CALENDAR_YEAR_END): FiscalPeriod {
  const errors: FieldError[] = [];
  if (query.year !== undefined && (query.from !== undefined || query.to !== undefined))
    throw new EngineValidationError([
      { path: "year", message: "Paramètre « year » : donnez soit l'année, soit les dates « from » et « to »." },
    ]);
  if (query.year !== undefined) {
    if (!/^(19|20)\d{2}$/.test(query.year))
      throw new EngineValidationError([
        { path: "year", message: "Paramètre « year » : l'année de clôture de l'exercice, une année comme 2026." },
      ]);
    return fiscalYearClosingIn(Number(query.year), fiscalYearEnd);
  }
  for (const path of ["from", "to"] as const)
    if (query[path] === undefined || !isValidCalendarDate(query[path]))
      errors.push({ path, message: `Paramètre « ${path} » : une date AAAA-MM-JJ (ou l'année dans « year »).` });
  if (errors.length) throw new EngineValidationError(errors);
  const period = { start: query.from as string, end: query.to as string };
  if (period.end < period.start)
    throw new EngineValidationError([{ path: "to", message: "Paramètre « to » : la clôture précède l'ouverture." }]);
  if (period.end >= addMonths(period.start, 24))
    throw new EngineValidationError([{ path: "to", message: "Paramètre « to » : un exercice dure 24 mois au plus." }]);
  return period;
}
