import { CalendarDate, halfYearStart } from "../dates/calendar-date";
import { EngineRuleError } from "../errors/engine-error";

/** One row of a table of rates set per half-year (1 January and 1 July). */
export interface HalfYearRow {
  /** First day of the half-year: `YYYY-01-01` or `YYYY-07-01`. */
  from: CalendarDate;
  /** Where the row comes from (arrêté and Journal officiel, ECB decision); shown to the admin. */
  source?: string;
}

/** « 1er semestre 2026 », « 2e semestre 2026 »: how a person names the half-year starting `start`. */
export function halfYearName(start: CalendarDate): string {
  return `${start.slice(5, 7) === "01" ? "1er" : "2e"} semestre ${start.slice(0, 4)}`;
}

/**
 * The row for the half-year containing `date`. A missing half-year is an
 * explicit error naming it (never a silent reuse of an older rate): an
 * admin adds the half-year from the add-on once its rates are published.
 */
export function rowForDate<T extends HalfYearRow>(table: readonly T[], date: CalendarDate, tableName: string): T {
  const start = halfYearStart(date);
  const row = table.find((r) => r.from === start);
  if (!row) {
    throw new EngineRuleError(
      "RATE_NOT_AVAILABLE",
      `Le ${tableName} du ${halfYearName(start)} n'est pas encore renseigné : un administrateur l'ajoute depuis le menu Acompte › Taux légaux, dès sa publication.`,
    );
  }
  return row;
}
