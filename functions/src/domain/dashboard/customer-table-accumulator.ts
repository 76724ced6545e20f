/**
 * The customer dashboard as a fold, in two passes over streams: first every
 * invoice (summed per customer key: open trade receivables and sales of the
 * DSO window), then every customer record, each turned into its table row
 * as it comes — handed back to the caller, who writes it and lets it go.
 * What stays is one small total per customer key not yet met (dropped when
 * its record comes), counts and sums per class, and the top exposures in a
 * heap of TOP_EXPOSURES: never the table.
 */
import { RISK_CLASSES, type RiskClass } from "../customers/risk-class";
import { addMonths } from "../dates/calendar-date";
import { Dec, ZERO, formatMoney, money, type Money, type MoneyString } from "../money/money";
import { BoundedTop } from "./bounded-top";
import { DSO_MONTHS } from "./dashboard-accumulator";
import type { CustomerInvoiceFacts, CustomerRecordFacts } from "./customer-table-inputs";
import { customerRow, type CustomerInvoiceTotals, type CustomerTableRow } from "./customer-table-row";

/** How many customers the top exposures list: fixed, so the dashboard's layout and document size are too. */
export const TOP_EXPOSURES = 20;

export type ClassOrNone = RiskClass | "none";
export const CLASSES_AND_NONE: readonly ClassOrNone[] = [...RISK_CLASSES, "none"];

export interface CustomerDashboardFigures {
  /** Customer records listed (merged duplicates left out). */
  customers: number;
  /** Per class, "none" for records without a profile yet. */
  byClass: Record<ClassOrNone, { count: number; exposure: MoneyString }>;
  exposure: MoneyString;
  /** The window of the per-customer DSO (the company DSO's). */
  dsoWindow: { from: string; to: string };
  receivables: {
    /** Open trade receivables of every invoice (penalty invoices left out), whoever it is to. */
    total: MoneyString;
    /** Of `total`: invoices whose customer key no record holds (none after the customers sync). */
    withoutRecord: MoneyString;
    /** Σ min(customer's receivables, its insured limit) over customers with a cover. */
    insured: MoneyString;
    /** Of `total`: the open amount of the invoices assigned to a factor (their copy `factor`), whatever the customer's status today. */
    factored: MoneyString;
    /** insured ÷ total, four decimals ("0.3750"); null when nothing is open. */
    insuredShare: string | null;
    factoredShare: string | null;
  };
  /** The TOP_EXPOSURES largest exposures (above 0), largest first, ties by id. */
  topExposures: CustomerTableRow[];
}

interface Ranked {
  exposure: Money;
  row: CustomerTableRow;
}

const share = (part: Money, whole: Money) =>
  whole.greaterThan(0) ? part.dividedBy(whole).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toFixed(4) : null;

export class CustomerTableAccumulator {
  private readonly byKey = new Map<string, CustomerInvoiceTotals>();
  private readonly classes = new Map<ClassOrNone, { count: number; exposure: Money }>(
    CLASSES_AND_NONE.map((c) => [c, { count: 0, exposure: ZERO }]),
  );
  private readonly top = new BoundedTop<Ranked>(
    TOP_EXPOSURES,
    (a, b) => a.exposure.greaterThan(b.exposure) || (a.exposure.equals(b.exposure) && a.row.id < b.row.id),
  );
  private customers = 0;
  private receivables = ZERO;
  private insured = ZERO;
  private factored = ZERO;
  private exposure = ZERO;
  private customersStarted = false;
  readonly window: { from: string; to: string };

  constructor(readonly asOf: string) {
    this.window = { from: `${addMonths(asOf, -(DSO_MONTHS - 1)).slice(0, 7)}-01`, to: asOf };
  }

  /** First pass: every invoice, before any customer. */
  addInvoice(inv: CustomerInvoiceFacts): void {
    if (this.customersStarted) throw new Error("Les factures sont lues avant les clients.");
    if (inv.type === "penalty") return;
    const open = money(inv.openAmount);
    const sale = inv.issuedOn >= this.window.from && inv.issuedOn <= this.window.to;
    if (!open.greaterThan(0) && !sale) return;
    const totals = this.byKey.get(inv.customerKey) ?? { receivables: ZERO, sales: ZERO };
    totals.receivables = totals.receivables.plus(open);
    if (sale) totals.sales = totals.sales.plus(inv.gross);
    this.byKey.set(inv.customerKey, totals);
    this.receivables = this.receivables.plus(open);
    if (inv.factor) this.factored = this.factored.plus(open);
  }

  /** Second pass: one record; its row, or null for a merged duplicate (its keys are the survivor's). */
  addCustomer(record: CustomerRecordFacts): CustomerTableRow | null {
    this.customersStarted = true;
    if (record.mergedInto) return null;
    const totals: CustomerInvoiceTotals = { receivables: ZERO, sales: ZERO };
    for (const key of record.keys) {
      const t = this.byKey.get(key);
      if (!t) continue;
      totals.receivables = totals.receivables.plus(t.receivables);
      totals.sales = totals.sales.plus(t.sales);
      this.byKey.delete(key);
    }
    const row = customerRow(record, totals, this.window);
    const exposure = money(row.exposure);
    const c = this.classes.get(row.riskClass ?? "none")!;
    c.count++;
    c.exposure = c.exposure.plus(exposure);
    this.customers++;
    this.exposure = this.exposure.plus(exposure);
    this.insured = this.insured.plus(row.insured);
    if (exposure.greaterThan(0)) this.top.add({ exposure, row });
    return row;
  }

  result(): CustomerDashboardFigures {
    const withoutRecord = [...this.byKey.values()].reduce((t, v) => t.plus(v.receivables), ZERO);
    return {
      customers: this.customers,
      byClass: Object.fromEntries(
        CLASSES_AND_NONE.map((k) => {
          const c = this.classes.get(k)!;
          return [k, { count: c.count, exposure: formatMoney(c.exposure) }];
        }),
      ) as CustomerDashboardFigures["byClass"],
      exposure: formatMoney(this.exposure),
      dsoWindow: this.window,
      receivables: {
        total: formatMoney(this.receivables),
        withoutRecord: formatMoney(withoutRecord),
        insured: formatMoney(this.insured),
        factored: formatMoney(this.factored),
        insuredShare: share(this.insured, this.receivables),
        factoredShare: share(this.factored, this.receivables),
      },
      topExposures: this.top.result().map((r) => r.row),
    };
  }
}
