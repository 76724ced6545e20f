import { CalendarDate, addDays, addMonths, daysBetween, halfYearStart } from "../dates/calendar-date";
import { Money, formatMoney, roundCents, sumMoney } from "../money/money";

/** The interest of one stretch of days at one rate (rates change each half-year). */
export interface InterestSegment {
  /** First day that earns interest in this segment. */
  from: CalendarDate;
  /** Last day (inclusive). */
  to: CalendarDate;
  days: number;
  /** Annual rate in %. */
  rate: string;
  amount: string;
}

/** Simple interest split into segments; `amount` is the sum of the segments' rounded amounts. */
export interface Interest {
  segments: InterestSegment[];
  days: number;
  amount: string;
}

/**
 * Simple interest on `principal` for the days after `start` up to and
 * including `end`, split at each half-year (rates change on 1 January and
 * 1 July), on a 365-day year — the usual French convention for legal and
 * late-payment interest. Each segment is rounded half-up to the cent and the
 * total is the sum of the segments, so the detail shown adds up.
 */
export function simpleInterest(
  principal: Money,
  start: CalendarDate,
  end: CalendarDate,
  rateFor: (halfYearDay: CalendarDate) => string,
): Interest {
  const segments: InterestSegment[] = [];
  const amounts: Money[] = [];
  let from = addDays(start, 1);
  while (from <= end) {
    const nextHalf = addMonths(halfYearStart(from), 6);
    const to = addDays(nextHalf, -1) < end ? addDays(nextHalf, -1) : end;
    const days = daysBetween(from, to) + 1;
    const rate = rateFor(from);
    const amount = roundCents(principal.times(rate).dividedBy(100).times(days).dividedBy(365));
    amounts.push(amount);
    segments.push({ from, to, days, rate, amount: formatMoney(amount) });
    from = nextHalf;
  }
  return { segments, days: segments.reduce((d, s) => d + s.days, 0), amount: formatMoney(sumMoney(amounts)) };
}
