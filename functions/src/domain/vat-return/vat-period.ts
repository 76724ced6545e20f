import { endOfMonth } from "../dates/calendar-date";
import { EngineValidationError } from "../errors/engine-error";

/** A VAT return period: a calendar month (monthly filer) or quarter (quarterly filer, CGI ann. II art. 39). */
export interface VatPeriod {
  /** `2026-03` or `2026-Q1`. */
  key: string;
  start: string;
  end: string;
  /** « mars 2026 », « 1er trimestre 2026 ». */
  label: string;
}

/** The query of a return: `period` (`2026-Q1`) or `month` (`2026-03`), exactly one. */
export interface VatPeriodQuery {
  period?: string;
  month?: string;
}

export const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** « février 2026 » for `2026-02-14`: the monthly return a date falls in. */
export function monthLabel(date: string): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/**
 * The month or quarter a VAT return covers.
 *
 * @example
 * vatPeriod({ period: "2026-Q1" }); // → { key: "2026-Q1", start: "2026-01-01", end: "2026-03-31", label: "1er trimestre 2026" }
 * vatPeriod({ month: "2026-02" }); // → { key: "2026-02", start: "2026-02-01", end: "2026-02-28", label: "février 2026" }
 */
export function vatPeriod(query: VatPeriodQuery): VatPeriod {
  if (query.period !== undefined && query.month !== undefined)
    throw new EngineValidationError([
      {
        path: "period",
        message: "Paramètre « period » : donnez soit le trimestre, soit le mois « month », pas les deux.",
      },
    ]);
  if (query.month !== undefined) {
    const m = /^((?:19|20)\d{2})-(0[1-9]|1[0-2])$/.exec(query.month);
    if (!m)
      throw new EngineValidationError([{ path: "month", message: "Paramètre « month » : un mois comme 2026-03." }]);
    const start = `${query.month}-01`;
    return { key: query.month, start, end: endOfMonth(start), label: monthLabel(start) };
  }
  const q = /^((?:19|20)\d{2})-Q([1-4])$/.exec(query.period ?? "");
  if (!q)
    throw new EngineValidationError([
      {
        path: "period",
        message: "Paramètre « period » : un trimestre comme 2026-Q1 (ou le mois dans « month », comme 2026-03).",
      },
    ]);
  const first = (Number(q[2]) - 1) * 3 + 1;
  const start = `${q[1]}-${String(first).padStart(2, "0")}-01`;
  const end = endOfMonth(`${q[1]}-${String(first + 2).padStart(2, "0")}-01`);
  return { key: `${q[1]}-Q${q[2]}`, start, end, label: `${q[2] === "1" ? "1er" : `${q[2]}e`} trimestre ${q[1]}` };
}
