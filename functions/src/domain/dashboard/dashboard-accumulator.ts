/**
 * The receivables dashboard as a fold over the stored documents: each
 * `add…` takes one document's facts and keeps only running totals, so the
 * job streams any number of deposits in constant memory.
 */
import { addDays, daysBetween } from "../dates/calendar-day";
import { LegalRates, SHIPPED_LEGAL_RATES } from "../rates/legal-rates";
import { BankBalanceAccumulator, type BankFigures } from "./bank-balance";
import { DayHistogram } from "./day-histogram";
import type { CustomerDashboardFigures } from "./customer-table-accumulator";
import type {
  CustomerCreditFacts,
  DepositFacts,
  InstalmentFacts,
  InvoiceFacts,
  RefundRequestFacts,
} from "./dashboard-inputs";
import { mondayOf, weekIndex } from "./week";
import {
  AGE_BUCKETS,
  ageBucket,
  consumerLateRefundIncrease,
  dsoCountBack,
  dsoRatio,
  formatMoney as money,
  money as toMoney,
  type AgeBucket,
  type Money,
} from "../index";
import { addMonths } from "../dates/calendar-date";

const ZERO = toMoney(0);
/** Months of sales the DSO looks at: the as-of month and the two before it. */
export const DSO_MONTHS = 3;
const CLOSED = new Set(["rejected", "cancelled"]);

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
  /**
   * Open invoices (gross) by days past due, penalty invoices included (they
   * are receivables on 411) and their open amount also shown apart in
   * `penaltyInvoices`; unapplied customer credits apart.
   */
  agedBalance: Record<AgeBucket, string> & {
    total: string;
    /** Of `total`: open penalty invoices (late-payment penalties and indemnity, financial income, not sales). */
    penaltyInvoices: string;
    unallocatedCredits: string;
    net: string;
  };
  /**
   * Trade receivables ÷ sales of the last 3 months (as-of month included);
   * null without sales. Penalty invoices are in neither: they are not sales,
   * and counting their receivable over sales they never made would lengthen
   * the DSO of exactly the customers who pay late twice.
   */
  dso: {
    from: string;
    to: string;
    receivables: string;
    sales: string;
    ratioDays: string | null;
    countBackDays: string | null;
  };
  /** Consumer refunds paid, or still unpaid, after their 14-day deadline, and the increases they cost (no VAT). */
  lateConsumerRefunds: { count: number; increases: string };
  /** The latest statement's balance against the book balance of 512, and what is still to reconcile. */
  bank: BankFigures;
  /**
   * The customer dashboard (customer-table-accumulator.ts): class counts,
   * receivables insured and factored, the top exposures — never the whole
   * table, which only the « Tableau clients » sheet gets. Set by the job,
   * which streams the customer records; absent from this fold's own result.
   */
  customers?: CustomerDashboardFigures;
  /** Documents a figure could not use (e.g. a rate table missing a half-year), with the engine's message. */
  skipped: { kind: string; message: string }[];
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
  private readonly aged = new Map<AgeBucket, Money>(AGE_BUCKETS.map((b) => [b, ZERO]));
  private credits = ZERO;
  private penaltiesOpen = ZERO;
  private readonly salesByMonth = new Map<string, Money>();
  private lateConsumerCount = 0;
  private lateConsumerIncreases = ZERO;
  private readonly skipped: { kind: string; message: string }[] = [];
  private readonly dsoFrom: string;
  private readonly weekStart: string;
  private readonly weekEnd: string;
  private readonly month: string;
  /** Statements, bank-account lines and statement entries go here (bank-balance.ts). */
  readonly bank: BankBalanceAccumulator;

  constructor(
    readonly asOf: string,
    private readonly rates: LegalRates = SHIPPED_LEGAL_RATES,
    /** The company's account (setting `bankIban`): its statements are the ones compared with the books. */
    bankIban?: string,
  ) {
    this.bank = new BankBalanceAccumulator(bankIban);
    this.weekStart = mondayOf(asOf);
    this.weekEnd = addDays(this.weekStart, 6);
    this.month = asOf.slice(0, 7);
    this.dsoFrom = `${addMonths(asOf, -(DSO_MONTHS - 1)).slice(0, 7)}-01`;
  }

  addDeposit(d: DepositFacts): void {
    this.depositCount++;
    this.depositGross = this.depositGross.plus(d.gross);
    this.refundable = this.refundable.plus(d.refundableBalance);
  }

  addRefundRequest(r: RefundRequestFacts): void {
    this.statuses.set(r.status, (this.statuses.get(r.status) ?? 0) + 1);
    if (r.paidOn) this.cycle.add(daysBetween(r.requestedOn, r.paidOn));
    if (r.lateRefundScale && r.terminationDate && r.grossAmount && !CLOSED.has(r.status)) {
      try {
        const increase = consumerLateRefundIncrease(
          {
            scale: r.lateRefundScale,
            amount: r.grossAmount,
            terminationDate: r.terminationDate,
            refundDate: r.paidOn ?? this.asOf,
          },
          this.rates,
        );
        if (increase.daysLate > 0) {
          this.lateConsumerCount++;
          this.lateConsumerIncreases = this.lateConsumerIncreases.plus(increase.amount);
        }
      } catch (error) {
        this.skipped.push({ kind: "refund", message: String((error as Error).message) });
      }
    }
  }

  addCustomerCredit(c: CustomerCreditFacts): void {
    this.credits = this.credits.plus(c.refundableBalance);
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
    const open = toMoney(inv.openAmount);
    if (open.greaterThan(0)) {
      const bucket = ageBucket(daysBetween(inv.dueDate, this.asOf));
      this.aged.set(bucket, this.aged.get(bucket)!.plus(open));
    }
    if (inv.type === "penalty") {
      this.penaltiesOpen = this.penaltiesOpen.plus(open);
      return;
    }
    if (inv.issuedOn >= this.dsoFrom && inv.issuedOn <= this.asOf) {
      const m = inv.issuedOn.slice(0, 7);
      this.salesByMonth.set(m, (this.salesByMonth.get(m) ?? ZERO).plus(inv.gross));
    }
    if (!inv.paidOn) return;
    this.paidInvoices++;
    if (inv.paidOn > inv.dueDate) this.paidLate++;
  }

  private dso(receivables: Money): DashboardFigures["dso"] {
    const months = Array.from({ length: DSO_MONTHS }, (_, i) => addMonths(this.dsoFrom, i).slice(0, 7));
    const sales = months.reduce((t, m) => t.plus(this.salesByMonth.get(m) ?? ZERO), ZERO);
    const base = { from: this.dsoFrom, to: this.asOf, receivables: money(receivables), sales: money(sales) };
    if (!sales.greaterThan(0)) return { ...base, ratioDays: null, countBackDays: null };
    return {
      ...base,
      ratioDays: dsoRatio({ receivables: base.receivables, sales: base.sales, from: this.dsoFrom, to: this.asOf }).days,
      countBackDays: dsoCountBack({
        receivables: base.receivables,
        months: months.map((m) => ({ month: m, sales: money(this.salesByMonth.get(m) ?? ZERO) })),
      }).days,
    };
  }

  result(): DashboardFigures {
    const open = AGE_BUCKETS.reduce((t, b) => t.plus(this.aged.get(b)!), ZERO);
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
      cashOutForecast: this.forecast.map((amount, i) => ({
        weekStart: addDays(this.weekStart, 7 * i),
        amount: money(amount),
      })),
      agedBalance: {
        ...(Object.fromEntries(AGE_BUCKETS.map((b) => [b, money(this.aged.get(b)!)])) as Record<AgeBucket, string>),
        total: money(open),
        penaltyInvoices: money(this.penaltiesOpen),
        unallocatedCredits: money(this.credits),
        net: money(open.minus(this.credits)),
      },
      dso: this.dso(open.minus(this.penaltiesOpen)),
      lateConsumerRefunds: { count: this.lateConsumerCount, increases: money(this.lateConsumerIncreases) },
      bank: this.bank.result(),
      skipped: this.skipped,
    };
  }
}
