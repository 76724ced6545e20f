import type { InvoiceType } from "../vocabulary/labels";

/**
 * What the dashboard reads from each stored document: a few fields, so the
 * job can stream 100,000 deposits without keeping them. Amounts are decimal
 * strings (gross, TTC), days `YYYY-MM-DD`.
 */
export interface DepositFacts {
  /** Gross amount cashed. */
  gross: string;
  /** What can still be refunded (engine: deposit − issued refunds − requests in flight). */
  refundableBalance: string;
}

export interface RefundRequestFacts {
  status: string;
  /** Day the request was submitted. */
  requestedOn: string;
  /** Day the last instalment was paid (status refunded), else null. */
  paidOn: string | null;
  /** Gross refunded (the late-refund increase is computed on it). */
  grossAmount?: string;
  /** Consumer refunds only: the scale of the late-refund increase and the termination/withdrawal day. */
  lateRefundScale?: "L241-4" | "L242-4" | null;
  terminationDate?: string | null;
}

/** Unapplied customer credit (payment excess), shown apart in the aged balance. */
export interface CustomerCreditFacts {
  refundableBalance: string;
}

export interface InstalmentFacts {
  amount: string;
  dueDate: string;
  paidOn: string | null;
}

export interface InvoiceFacts {
  /**
   * "penalty": late-payment penalties and the recovery indemnity
   * (L441-10, D441-5), financial income on 7631 / 7588, not turnover —
   * kept out of the sales and receivables of the DSO and of the share paid
   * late, shown apart in the aged balance. Absent is read as a sale.
   */
  type?: InvoiceType;
  gross: string;
  /** What the customer still owes on it (0 when settled). */
  openAmount: string;
  issuedOn: string;
  dueDate: string;
  /** Day it was fully paid, else null. */
  paidOn: string | null;
}
