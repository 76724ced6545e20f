/**
 * One line of the customer table: the record's limits, the stored profile's
 * class, exposure and days late, and what the company's own invoices give
 * (open receivables, sales of the DSO window, hence the customer's DSO).
 */
import type { RiskClass } from "../customers/risk-class";
import { formatMoney, minMoney, money, type Money, type MoneyString } from "../money/money";
import { dsoRatio } from "../receivables/dso";
import type { CustomerRecordFacts } from "./customer-table-inputs";

export interface CustomerTableRow {
  id: string;
  name: string;
  /** null: no profile computed yet. */
  riskClass: RiskClass | null;
  /** The profile's (open receivables + orders in progress − deposits held); without a profile, the open receivables. */
  exposure: MoneyString;
  creditLimit: MoneyString | null;
  insuredLimit: MoneyString | null;
  /** Open trade receivables (penalty invoices left out). */
  receivables: MoneyString;
  /** min(receivables, insured limit) with a cover, else 0. */
  insured: MoneyString;
  factored: boolean;
  /** Ratio DSO over the dashboard's window; null without sales in it. */
  dsoDays: string | null;
  /** From the profile; null without one. */
  daysLate: { weighted: string; recent: string; previous: string; worsening: boolean } | null;
}

/** A customer's invoices summed: open trade receivables and sales issued in the DSO window. */
export interface CustomerInvoiceTotals {
  receivables: Money;
  sales: Money;
}

/**
 * DSO per customer, the company's ratio method applied to its own invoices:
 * open receivables ÷ sales issued from `from` to `to` × the days of that
 * window (domain/receivables/dso.ts), e.g. 1 200,00 € open on 3 600,00 € of
 * sales over the 90 days of January–March → 30,00 jours.
 */
export function customerRow(
  record: CustomerRecordFacts,
  totals: CustomerInvoiceTotals,
  window: { from: string; to: string },
): CustomerTableRow {
  const p = record.profile ?? null;
  const insuredLimit = record.insurance?.limit ?? null;
  const receivables = formatMoney(totals.receivables);
  return {
    id: record.id,
    name: record.name,
    riskClass: p ? (record.riskClass ?? null) : null,
    exposure: p ? p.exposure : receivables,
    creditLimit: record.creditLimit ?? null,
    insuredLimit,
    receivables,
    insured: formatMoney(insuredLimit === null ? money(0) : minMoney(totals.receivables, money(insuredLimit))),
    factored: record.factoring?.status === "assigned",
    dsoDays: totals.sales.greaterThan(0)
      ? dsoRatio({ receivables, sales: formatMoney(totals.sales), ...window }).days
      : null,
    daysLate: p
      ? {
          weighted: p.weightedDaysLate,
          recent: p.trend.recent,
          previous: p.trend.previous,
          worsening: p.trend.worsening,
        }
      : null,
  };
}
