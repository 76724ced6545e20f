import { euros } from "../reminders/french-amount";
import { z } from "zod";
import { CalendarDate, addMonths, frenchDate } from "../dates/calendar-date";
import { EngineRuleError, EngineValidationError, FieldError } from "../errors/engine-error";
import { Money, ZERO, formatMoney, money, sumMoney } from "../money/money";
import { fieldProblem, parseInput } from "../validation/field-errors";
import { ScheduleInput, scheduleInputSchema, schedulePlanSchema } from "../validation/schedule-schema";

/** One instalment of a refund schedule. */
export interface Instalment {
  /** 1-based position. */
  n: number;
  dueDate: CalendarDate;
  amount: string;
}

type Plan = z.output<typeof schedulePlanSchema>;

/** Truncates to the cent: the first instalments never overshoot, so the remainder on the last is never negative. */
function floorCents(value: Money): Money {
  return value.times(100).floor().dividedBy(100);
}

function dueDates(plan: Plan): CalendarDate[] {
  switch (plan.kind) {
    case "single":
      return [plan.date];
    case "equal":
      return Array.from({ length: plan.count }, (_, i) => addMonths(plan.firstDate, i * plan.intervalMonths));
    case "percentages":
    case "dates":
      return plan.instalments.map((i) => i.dueDate);
  }
}

function datePath(plan: Plan, index: number, at: string): string[] {
  if (plan.kind === "single") return [at, "date"];
  if (plan.kind === "equal") return [at, "firstDate"];
  return [at, "instalments", String(index), "dueDate"];
}

/** Dates on or after approval, in chronological order. */
function checkDates(plan: Plan, dates: CalendarDate[], approvalDate: CalendarDate, at: string): void {
  const problems: FieldError[] = [];
  dates.forEach((date, i) => {
    const path = datePath(plan, i, at);
    if (date < approvalDate) {
      problems.push(
        fieldProblem(
          path.join("."),
          `l'échéance du ${frenchDate(date)} est antérieure à la date d'approbation (${frenchDate(approvalDate)})`,
        ),
      );
    } else if (i > 0 && date < dates[i - 1]) {
      problems.push(
        fieldProblem(
          path.join("."),
          `les échéances doivent être dans l'ordre chronologique (${frenchDate(date)} avant ${frenchDate(dates[i - 1])})`,
        ),
      );
    }
  });
  if (plan.kind === "equal" && problems.length > 0) problems.splice(1);
  if (problems.length > 0) throw new EngineValidationError(problems);
}

function amounts(plan: Plan, total: Money, count: number, at: string): Money[] {
  if (plan.kind === "dates") {
    const given = plan.instalments.map((i) => money(i.amount));
    if (!sumMoney(given).equals(total)) {
      throw new EngineRuleError(
        "SCHEDULE_TOTAL_MISMATCH",
        `Les échéances totalisent ${euros(sumMoney(given))} au lieu de ${euros(total)}.`,
        [
          fieldProblem(
            `${at}.instalments`,
            `la somme des échéances (${euros(sumMoney(given))}) doit être égale au montant à rembourser (${euros(total)})`,
          ),
        ],
      );
    }
    return given;
  }
  let shares: Money[];
  if (plan.kind === "percentages") {
    const percents = plan.instalments.map((i) => money(i.percent));
    if (!sumMoney(percents).equals(100)) {
      throw new EngineValidationError([
        fieldProblem(
          `${at}.instalments`,
          `les pourcentages totalisent ${sumMoney(percents).toString()} % au lieu de 100 %`,
        ),
      ]);
    }
    shares = percents.map((p) => floorCents(total.times(p).dividedBy(100)));
  } else {
    shares = Array.from({ length: count }, () => floorCents(total.dividedBy(count)));
  }
  // The rounding remainder goes on the last instalment, so the schedule sums exactly to its total.
  shares[shares.length - 1] = total.minus(sumMoney(shares.slice(0, -1)));
  return shares;
}

/**
 * A refund split into instalments that sum exactly to `total` (remainder on
 * the last), none dated before the approval date, in chronological order.
 * A zero total has no instalment. Plans: `single { date }`,
 * `equal { count, firstDate, intervalMonths }`,
 * `percentages { instalments: [{ dueDate, percent }] }`,
 * `dates { instalments: [{ dueDate, amount }] }`.
 *
 * @example
 * refundSchedule({
 *   total: "1000.00", approvalDate: "2026-03-10",
 *   plan: { kind: "equal", count: 3, firstDate: "2026-03-31", intervalMonths: 1 },
 * });
 * // → [{ n: 1, dueDate: "2026-03-31", amount: "333.33" }, { n: 2, dueDate: "2026-04-30", amount: "333.33" },
 * //    { n: 3, dueDate: "2026-05-31", amount: "333.34" }]
 */
export function refundSchedule(rawInput: ScheduleInput): Instalment[] {
  const input = parseInput(scheduleInputSchema, rawInput);
  return buildSchedule(money(input.total), input.approvalDate, input.plan, "plan");
}

/** refundSchedule on parsed values, for the refund quote; `at` is where the plan sits in the caller's input, for error paths. */
export function buildSchedule(total: Money, approvalDate: CalendarDate, plan: Plan, at: string): Instalment[] {
  const dates = dueDates(plan);
  checkDates(plan, dates, approvalDate, at);
  if (total.lessThanOrEqualTo(ZERO)) return [];
  const shares = amounts(plan, total, dates.length, at);
  if (shares.some((share) => !share.greaterThan(ZERO))) {
    throw new EngineRuleError(
      "SCHEDULE_INSTALMENT_ZERO",
      `Le montant à rembourser (${euros(total)}) est trop faible pour ${dates.length} échéances : une échéance serait nulle.`,
      [
        fieldProblem(
          at,
          `avec ${euros(total)} à rembourser, une des ${dates.length} échéances serait nulle ; réduisez leur nombre`,
        ),
      ],
    );
  }
  return dates.map((dueDate, i) => ({ n: i + 1, dueDate, amount: formatMoney(shares[i]) }));
}

/** The day the last instalment falls due: when the refund is complete. */
export function lastDueDate(plan: Plan): CalendarDate {
  const dates = dueDates(plan);
  return dates[dates.length - 1];
}
