import type { Timestamp } from "@google-cloud/firestore";
import type { Customer, DateString, MoneyString, RateLine, Totals } from "./amounts";
import type { CreditNoteContent } from "./credit-note";
import type { InvoiceContent } from "./invoice";
import type { DepositRefundProgress, DepositStatus } from "../domain";

/**
 * open: refundable; applied: deducted by a final invoice, no longer
 * refundable as such; refunded: fully reversed by credit notes.
 */
export type { DepositStatus } from "../domain";

/**
 * What a deposit copies from its sealed deposit invoice, so that a quote
 * reads one document. Refunds and final invoices — sealed themselves — are
 * computed from these copies, so they are written only through
 * `depositInvoiceCopies` and the verifier checks them against the invoice.
 */
export interface DepositInvoiceCopies {
  customer: Customer;
  orderRef: string;
  kind: "acompte" | "arrhes";
  supplyKind: "goods" | "services";
  /** Net, VAT and gross per rate of the deposit invoice. */
  lines: RateLine[];
  total: Totals;
  /** Same as total.gross, top level for the dashboard's select(). */
  gross: MoneyString;
  invoiceNumber: string;
  invoiceDate: DateString;
  cashedDate: DateString;
}

export function depositInvoiceCopies(c: InvoiceContent): DepositInvoiceCopies {
  return {
    customer: c.customer,
    orderRef: c.orderRef,
    kind: c.depositKind!,
    supplyKind: c.supplyKind!,
    lines: c.lines,
    total: c.total,
    gross: c.total.gross,
    invoiceNumber: c.number,
    invoiceDate: c.date,
    cashedDate: c.paymentDate!,
  };
}

export const DEPOSIT_INVOICE_COPY_FIELDS = Object.keys({
  customer: 1,
  orderRef: 1,
  kind: 1,
  supplyKind: 1,
  lines: 1,
  total: 1,
  gross: 1,
  invoiceNumber: 1,
  invoiceDate: 1,
  cashedDate: 1,
} satisfies Record<keyof DepositInvoiceCopies, 1>) as (keyof DepositInvoiceCopies)[];

/** A credit note issued on a deposit, as the deposit lists it: copies of the sealed credit note. */
export interface DepositCreditNote {
  id: string;
  number: string;
  date: DateString;
  lines: RateLine[];
}

export function depositCreditNote(id: string, c: CreditNoteContent): DepositCreditNote {
  return { id, number: c.number, date: c.date, lines: c.lines };
}

/**
 * companies/{c}/deposits/{id}: the mutable state of a deposit (status,
 * refundable balance, credit notes issued) beside the copies of its sealed
 * deposit invoice `invoiceId`.
 */
export interface DepositDoc extends DepositInvoiceCopies {
  invoiceId: string;
  paymentMeans: string;
  /** When the VAT on this deposit becomes due (engine's vatDueDate). */
  vatDue: { basis: string; date: DateString | null; period: string | null };
  /** Credit notes issued on this deposit, with the net/VAT per rate each reversed (copies of the sealed notes). */
  creditNotes: DepositCreditNote[];
  /** Gross still refundable (issued credit notes and requests in flight deducted). */
  refundableBalance: MoneyString;
  status: DepositStatus;
  /**
   * The instalments of its approved refunds and how many are paid (set at
   * the final approval, moved by each payment; absent before any refund):
   * what depositStatusLabel words as « Avoir émis », « Remboursement en cours ».
   */
  refundProgress?: DepositRefundProgress;
  /**
   * What the request said of the order, for the « Commande HT » and
   * « Acompte (%) » columns: its net total and the percentage asked (null
   * when an amount was given). Absent on deposits recorded before.
   */
  order?: { net: MoneyString; percent: string | null };
  /** Final invoice that deducted this deposit, once applied. */
  appliedBy?: { invoiceId: string; number: string };
  journalEntryId: string;
  createdAt: Timestamp;
  createdBy: string;
}
