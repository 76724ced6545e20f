import type { Timestamp } from "@google-cloud/firestore";
import type { Customer, DateString, RateLine, Totals } from "./amounts";
import type { ChainLink } from "./chain";

/** What a credit note says: hashed, never changed (CGI annex II art. 242 nonies A). */
export interface CreditNoteContent {
  /** 381 credit note (the French profile's 503 is not used yet). */
  typeCode: "381";
  number: string;
  date: DateString;
  seller: { name: string; siren: string };
  customer: Customer;
  /** The rectified invoice, by number and date. */
  cites: { invoiceId: string; number: string; date: DateString };
  /** Net and VAT reversed per rate, as positive amounts (the document is a credit). */
  lines: RateLine[];
  total: Totals;
  refundId: string;
  depositId: string | null;
}

/** companies/{c}/creditNotes/{id}: issued on the final approval of a refund, in its own series. */
export interface CreditNoteDoc extends ChainLink {
  content: CreditNoteContent;
  number: string;
  date: DateString;
  refundId: string;
  createdAt: Timestamp;
}
