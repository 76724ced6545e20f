/**
 * What the refund statement (« décompte et échéancier de remboursement »,
 * documents/pdf/refund-statement-pdf.ts) is drawn from. Kept in the domain
 * so an issued document's render source (model/document.ts) can hold it.
 */
import type { DocumentCustomer } from "./credit-note-content";
import type { LatePaymentSupplement } from "./late-payment-supplement";
import type { RefundQuote } from "./refund-quote";

/** What the statement is drawn from: the request, its approved quote, its credit note and its instalments. */
export interface RefundStatement {
  /** The request's number (`RB-2026-000012`). */
  number: string;
  /** The statement's date (the final approval's day, or the day a supplement was recorded). */
  date: string;
  customer: DocumentCustomer;
  /** The engine's quote stored at request time and issued at approval. */
  quote: RefundQuote;
  /** The credit note issued at approval; null when none is (the refund of a customer credit). */
  creditNote: { number: string; date: string } | null;
  /**
   * The refund of a customer credit (money paid in excess, no invoice
   * rectified, no VAT): the day the credit arose. Absent for a deposit refund.
   */
  customerCredit?: { date: string };
  /** The instalments as stored (created at approval); the quote's schedule when absent. */
  instalments?: StatementInstalment[];
  /** Amounts late payments added (L241-4 / L242-4 increase, L214-2 interest recomputed). */
  supplements?: (LatePaymentSupplement & { instalment: number })[];
}

export interface StatementInstalment {
  n: number;
  dueDate: string;
  amount: string;
  paidOn?: string | null;
  /** A supplement's instalment: the instalment whose late payment made it owed. */
  supplementFor?: number;
}
