import type { Timestamp } from "@google-cloud/firestore";
import type { Customer, DateString, MoneyString, RateLine, Totals } from "./amounts";

/**
 * open: refundable; applied: deducted by a final invoice, no longer
 * refundable as such; refunded: fully reversed by credit notes.
 */
export type DepositStatus = "open" | "applied" | "refunded";

/**
 * companies/{c}/deposits/{id}: the mutable state of a deposit. The deposit
 * invoice itself is the immutable, chained InvoiceDoc `invoiceId`; number,
 * date and amounts are copied here so reads need one document.
 */
export interface DepositDoc {
  customer: Customer;
  orderRef: string;
  kind: "acompte" | "arrhes";
  supplyKind: "goods" | "services";
  /** Net, VAT and gross per rate of the deposit invoice. */
  lines: RateLine[];
  total: Totals;
  /** Same as total.gross, top level for the dashboard's select(). */
  gross: MoneyString;
  invoiceId: string;
  invoiceNumber: string;
  invoiceDate: DateString;
  cashedDate: DateString;
  paymentMeans: string;
  /** When the VAT on this deposit becomes due (engine's vatDueDate). */
  vatDue: { basis: string; date: DateString | null; period: string | null };
  /** Credit notes issued on this deposit, with the net/VAT per rate each reversed. */
  creditNotes: { id: string; number: string; date: DateString; lines: RateLine[] }[];
  /** Gross still refundable (issued credit notes and requests in flight deducted). */
  refundableBalance: MoneyString;
  status: DepositStatus;
  /** Final invoice that deducted this deposit, once applied. */
  appliedBy?: { invoiceId: string; number: string };
  journalEntryId: string;
  createdAt: Timestamp;
  createdBy: string;
}
