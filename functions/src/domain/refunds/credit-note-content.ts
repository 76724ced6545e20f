/**
 * What a refund's credit note says (CGI annex II art. 242 nonies A): its
 * number and date, seller and customer, the deposit invoice it rectifies by
 * number and date, and the net and VAT reversed per rate exactly as the
 * quote stored at request time computed them. The approval command numbers
 * it and seals this content; nothing here is read back from storage.
 */
import type { RefundQuote } from "./refund-quote";
import type { AmountsByRate, Totals } from "../vat/vat-breakdown";

/** The customer as printed on invoices and credit notes. */
export interface DocumentCustomer {
  name: string;
  kind: "b2b" | "b2c";
  siren?: string;
  email?: string;
  address?: string;
  /** Intra-EU VAT number, where the customer has one. */
  vatNumber?: string;
}

/** The sealed content of a credit note (amounts positive: the document is a credit). */
export interface CreditNoteContent {
  /**
   * UNTDID 1001 503, credit note of a prepayment invoice (« avoir sur facture
   * d'acompte », the type its Factur-X XML states). Credit notes sealed
   * before #13's seal fix say 381 (generic credit note): their hash covers
   * it, so it stays; their XML said 503 all along (docs/einvoice.md).
   */
  typeCode: "503" | "381";
  number: string;
  date: string;
  seller: { name: string; siren: string };
  customer: DocumentCustomer;
  /** The rectified invoice, by number and date. */
  cites: { invoiceId: string; number: string; date: string };
  /** Net and VAT reversed per rate. */
  lines: AmountsByRate[];
  total: Totals;
  refundId: string;
  depositId: string | null;
}

/** What the credit note is assembled from: its number and date, the parties, the rectified invoice and the stored quote. */
export interface CreditNoteInput {
  number: string;
  date: string;
  seller: { name: string; siren: string };
  customer: DocumentCustomer;
  invoice: { id: string; number: string; date: string };
  quote: Pick<RefundQuote, "creditNote">;
  refundId: string;
  depositId: string | null;
}

/** The credit note of an approved deposit refund: the quote's VAT reversal per rate, citing the deposit invoice. */
export function creditNoteContent(input: CreditNoteInput): CreditNoteContent {
  return {
    typeCode: "503",
    number: input.number,
    date: input.date,
    seller: input.seller,
    customer: input.customer,
    cites: { invoiceId: input.invoice.id, number: input.invoice.number, date: input.invoice.date },
    lines: input.quote.creditNote.lines,
    total: input.quote.creditNote.total,
    refundId: input.refundId,
    depositId: input.depositId,
  };
}
