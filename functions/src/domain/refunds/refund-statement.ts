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

/**
 * The credit note's number while the request still awaits approval: the
 * number is taken from the series only at the final approval (gapless
 * series: a preview never consumes one).
 */
export const CREDIT_NOTE_NUMBER_AT_APPROVAL = "(numéro attribué à l'approbation finale)";

/**
 * The statement issued at the final approval (workflow/approve-refund.ts)
 * and the approvers' preview of it (workflow/statement-preview.ts): the
 * request's number, its stored quote, the instalments as the approval
 * creates them (none paid yet), dated the approval's day.
 */
export function statementAtApproval(input: {
  refund: { number: string; quote: RefundQuote };
  date: string;
  customer: DocumentCustomer;
  creditNote: { number: string; date: string } | null;
  /** A customer credit's refund: the day the credit arose (no credit note is issued). */
  customerCredit?: { date: string };
}): RefundStatement {
  const { refund, date, customer, creditNote, customerCredit } = input;
  return {
    number: refund.number,
    date,
    customer,
    quote: refund.quote,
    creditNote,
    ...(customerCredit ? { customerCredit } : {}),
    instalments: refund.quote.schedule.map((i) => ({ n: i.n, dueDate: i.dueDate, amount: i.amount, paidOn: null })),
  };
}
