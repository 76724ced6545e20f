import { RefundQuote, refundEntitlement } from "../domain";
import { CUSTOMER_CREDITS, DEPOSITS } from "../model/collections";
import type { Customer } from "../model/amounts";
import type { RefundProposal } from "../model/refund";
import type { DocReader } from "../storage/doc-reader";
import type { RefundBody } from "./bodies/refund-body";
import { quoteForCredit } from "./quote-for-credit";
import { quoteForDeposit } from "./quote-for-deposit";

export interface SourceQuote {
  source: RefundProposal["source"];
  /** The deposit or customer credit whose `refundableBalance` the request spends. */
  sourceRef: FirebaseFirestore.DocumentReference;
  customer: Customer;
  quote: RefundQuote;
  /** Gross the request is about: the credit note's for a deposit, the amount paid back for a credit. */
  grossAmount: string;
  lateRefundScale: "L241-4" | "L242-4" | null;
  /** The deposit invoice's number and its order (null for a customer credit). */
  depositNumber: string | null;
  orderRef: string | null;
}

/** The quote for what the body refunds: a deposit (credit note) or a customer credit (money back only). */
export async function quoteForSource(reader: DocReader, body: RefundBody, today: string): Promise<SourceQuote> {
  if (body.customerCreditId) {
    const { creditId, credit, quote } = await quoteForCredit(reader, body, today);
    const sourceRef = reader.collection(CUSTOMER_CREDITS).doc(creditId);
    return {
      source: { kind: "customerCredit", creditId },
      sourceRef,
      customer: credit.customer,
      quote,
      grossAmount: quote.total,
      lateRefundScale: null,
      depositNumber: null,
      orderRef: null,
    };
  }
  const { depositId, deposit, quote } = await quoteForDeposit(reader, body, today);
  const { lateRefundScale } = refundEntitlement({
    depositKind: deposit.kind,
    customerKind: deposit.customer.kind,
    supplyKind: deposit.supplyKind,
    reason: body.reason,
  });
  const sourceRef = reader.collection(DEPOSITS).doc(depositId);
  return {
    source: { kind: "deposit", depositId },
    sourceRef,
    customer: deposit.customer,
    quote,
    grossAmount: quote.creditNote.total.gross,
    lateRefundScale,
    depositNumber: deposit.invoiceNumber,
    orderRef: deposit.orderRef,
  };
}
