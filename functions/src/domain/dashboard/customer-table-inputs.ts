import type { RiskClass } from "../customers/risk-class";
import type { InvoiceType } from "../vocabulary/labels";

/**
 * What the customer table reads from one invoice: whose it is (the sealed
 * `customerKey`) and the amounts the per-customer DSO and the shares need.
 * Amounts are decimal strings (gross, TTC), days `YYYY-MM-DD`.
 */
export interface CustomerInvoiceFacts {
  customerKey: string;
  /** "penalty": not a sale, not a trade receivable (same rule as the company's DSO). */
  type?: InvoiceType;
  gross: string;
  openAmount: string;
  issuedOn: string;
  /** The copy `factor`: the factor the invoice is assigned to; absent or null: not factored. */
  factor?: string | null;
}

/**
 * What the table reads from one customer record (`select()` of these
 * fields): the limits the company granted and the figures of the stored
 * risk profile (absent until the profile refresh first computed it).
 */
export interface CustomerRecordFacts {
  id: string;
  name: string;
  keys: string[];
  /** A merged duplicate: its keys now resolve to the surviving record, which the table lists. */
  mergedInto?: string;
  creditLimit?: string | null;
  insurance?: { limit: string } | null;
  factoring?: { status: string } | null;
  riskClass?: RiskClass | null;
  profile?: {
    exposure: string;
    weightedDaysLate: string;
    trend: { recent: string; previous: string; worsening: boolean };
  } | null;
}
