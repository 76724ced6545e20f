import { CalendarDate, halfYearStart } from "../dates/calendar-date";
import { EcbReferenceRow, ECB_REFERENCE_RATES } from "./ecb-rates";
import { halfYearName } from "./half-year-rate-table";
import { LEGAL_INTEREST_RATES, LegalInterestRow } from "./legal-interest-rates";

/**
 * Every rate the law sets per half-year that the engine needs: the legal
 * interest rates (both creditor categories) and the ECB reference rate.
 * The engine takes them as input; the functions pass the company's tables
 * (the shipped rows plus the half-years its admins added without a deploy).
 */
export interface LegalRates {
  legalInterest: readonly LegalInterestRow[];
  ecb: readonly EcbReferenceRow[];
}

/** The rows shipped with the code: the seed every company starts from. */
export const SHIPPED_LEGAL_RATES: LegalRates = { legalInterest: LEGAL_INTEREST_RATES, ecb: ECB_REFERENCE_RATES };

/** One half-year of all the legal rates, as an admin adds it (« Taux légaux »). */
export interface HalfYearRates {
  /** First day of the half-year: `YYYY-01-01` or `YYYY-07-01`. */
  from: CalendarDate;
  /** Legal interest rate (% a year), creditor a consumer. */
  consumer: string;
  /** Legal interest rate (% a year), every other creditor. */
  professional: string;
  /** ECB main refinancing rate (%) in force on `from`. */
  ecb: string;
  /** Where the rates come from: the arrêté and its Journal officiel date, the ECB decision. */
  source: string;
}

/** The shipped tables with the half-years added after them; a shipped half-year is never replaced. */
export function withAddedHalfYears(base: LegalRates, added: readonly HalfYearRates[]): LegalRates {
  const legalKnown = new Set(base.legalInterest.map((r) => r.from));
  const ecbKnown = new Set(base.ecb.map((r) => r.from));
  const byDate = <T extends { from: string }>(rows: T[]) => rows.sort((a, b) => a.from.localeCompare(b.from));
  return {
    legalInterest: byDate([
      ...base.legalInterest,
      ...added
        .filter((r) => !legalKnown.has(r.from))
        .map((r) => ({ from: r.from, consumer: r.consumer, professional: r.professional, source: r.source })),
    ]),
    ecb: byDate([
      ...base.ecb,
      ...added.filter((r) => !ecbKnown.has(r.from)).map((r) => ({ from: r.from, rate: r.ecb, source: r.source })),
    ]),
  };
}

/** Whether both tables already hold the half-year starting `from`. */
export function hasHalfYear(rates: LegalRates, from: CalendarDate): boolean {
  return rates.legalInterest.some((r) => r.from === from) && rates.ecb.some((r) => r.from === from);
}

/** The half-year after the one containing `date`. */
export function nextHalfYear(date: CalendarDate): CalendarDate {
  const start = halfYearStart(date);
  return start.endsWith("-01-01") ? `${start.slice(0, 4)}-07-01` : `${Number(start.slice(0, 4)) + 1}-01-01`;
}

/** When the admins are first reminded to add the half-year starting `next`: 15 June for July, 15 December for January. */
export function reminderStart(next: CalendarDate): CalendarDate {
  const year = Number(next.slice(0, 4));
  return next.endsWith("-07-01") ? `${year}-06-15` : `${year - 1}-12-15`;
}

/**
 * The half-years an admin should add by `today`: the current one if it is
 * missing (every interest reaching today is refused), and the next one from
 * 15 June / 15 December, when the new arrêté is due in the Journal officiel.
 */
export function halfYearsToAdd(today: CalendarDate, rates: LegalRates): CalendarDate[] {
  const due = [halfYearStart(today)];
  const next = nextHalfYear(today);
  if (today >= reminderStart(next)) due.push(next);
  return due.filter((from) => !hasHalfYear(rates, from));
}

export { halfYearName };
