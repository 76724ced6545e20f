/**
 * The receivables dashboard as a fold over the stored documents: each
 * `add…` takes one document's facts and keeps only running totals, so the
 * job streams any number of deposits in constant memory.
 */
import { addDays, daysBetween } from "../reminders/calendar-day";
import { DayHistogram } from "./day-histogram";
import type { DepositFacts, InstalmentFacts, InvoiceFacts, RefundRequestFacts } from "./dashboard-inputs";
import { mondayOf, weekIndex } from "./week";
import { formatMoney as money, money as toMoney, ZERO } from "../money/money";


export const FORECAST_WEEKS = 12;

export interface DashboardFigures {
  asOf: string;
  deposits: { count: number; gross: string };
  refundableBalance: string;
  requestsByStatus: Record<string, number>;
  refundsDue: {
    /** Unpaid instalments due from Monday to Sunday of this week. */
    thisWeek: string;
    /** Unpaid instalments due in this calendar month. */
    thisMonth: string;
    /** Unpaid instalments whose due date is before today. */
    overdue: string;
  };
  refundCycleDays: { count: number; mean: number | null; p90: number | null };
  invoicesPaidLate: { paid: number; late: number; share: number | null };
  /** Unpaid instalments per week, week 1 = this week (overdue ones included: the cash goes out now). */
  cashOutForecast: { weekStart: string; amount: string }[];
}

export class DashboardAccumulator {
  private depositCount = 0;
  private depositGross = ZERO;
  private refundable = ZERO;
  private readonly statuses = new Map<string, number>();
  private dueWeek = ZERO;
  private dueMonth = ZERO;
  private overdue = ZERO;
  private readonly cycle = new DayHistogram();
  private paidInvoices = 0;
  private paidLate = 0;
  private readonly forecast = Array.from({ length: FORECAST_WEEKS }, () => ZERO);
  private readonly weekStart: string;
  private readonly weekEnd: string;
  private readonly month: string;

  constructor(readonly asOf: string) {
    this.weekStart = mondayOf(asOf);
    this.weekEnd = addDays(this.weekStart, 6);
    this.month = asOf.slice(0, 7);
  }

  addDeposit(d: DepositFacts): void {
    this.depositCount++;
    this.depositGross = this.depositGross.plus(d.gross);
    this.refundable = this.refundable.plus(d.refundableBalance);
  }

  addRefundRequest(r: RefundRequestFacts): void {
    this.statuses.set(r.status, (this.statuses.get(r.status) ?? 0) + 1);
    if (r.paidOn) this.cycle.add(daysBetween(r.requestedOn, r.paidOn));
  }

  addInstalment(i: InstalmentFacts): void {
    if (i.paidOn) return;
    const amount = toMoney(i.amount);
    if (i.dueDate >= this.weekStart && i.dueDate <= this.weekEnd) this.dueWeek = this.dueWeek.plus(amount);
    if (i.dueDate.startsWith(this.month)) this.dueMonth = this.dueMonth.plus(amount);
    if (i.dueDate < this.asOf) this.overdue = this.overdue.plus(amount);
    const week = Math.max(0, weekIndex(this.asOf, i.dueDate));
    if (week < FORECAST_WEEKS) this.forecast[week] = this.forecast[week].plus(amount);
  }

  addInvoice(inv: InvoiceFacts): void {
    if (!inv.paidOn) return;
    this.paidInvoices++;
    if (inv.paidOn > inv.dueDate) this.paidLate++;
  }

  result(): DashboardFigures {
    return {
      asOf: this.asOf,
      deposits: { count: this.depositCount, gross: money(this.depositGross) },
      refundableBalance: money(this.refundable),
      requestsByStatus: Object.fromEntries([...this.statuses.entries()].sort(([a], [b]) => a.localeCompare(b))),
      refundsDue: { thisWeek: money(this.dueWeek), thisMonth: money(this.dueMonth), overdue: money(this.overdue) },
      refundCycleDays: { count: this.cycle.count, mean: this.cycle.mean(), p90: this.cycle.percentile(90) },
      invoicesPaidLate: {
        paid: this.paidInvoices,
        late: this.paidLate,
        share: this.paidInvoices === 0 ? null : this.paidLate / this.paidInvoices,
      },
      cashOutForecast: this.forecast.map((amount, i) => ({ weekStart: addDays(this.weekStart, 7 * i), amount: money(amount) })),
    };
  }
}
