import type { Timestamp } from "@google-cloud/firestore";
import type { Customer, DateString, MoneyString, RateLine, Totals } from "./amounts";
import type { ChainLink } from "./chain";

/** UNTDID 1001: 386 deposit invoice, 380 commercial (final) invoice. */
export type InvoiceType = "deposit" | "final";

/** What an invoice says once issued: hashed, never changed. */
export interface InvoiceContent {
  type: InvoiceType;
  typeCode: "386" | "380";
  number: string;
  date: DateString;
  seller: { name: string; siren: string };
  customer: Customer;
  orderRef: string;
  lines: RateLine[];
  total: Totals;
  /** Deposit invoice: the day it was cashed (shown when it differs from the date). */
  paymentDate?: DateString;
  /** Final invoice: the deposits it deducts, with their reference and per rate. */
  deductedDeposits?: { depositId: string; number: string; date: DateString; lines: RateLine[]; total: Totals }[];
  /** Final invoice: gross still to pay after the deposits. */
  amountDue?: MoneyString;
  dueDate?: DateString;
  /** Final invoice: the contract's late-payment penalty rate (annual %), printed as L441-9 requires; absent = the statutory rate. */
  penaltyRate?: string;
  /** Invoice issued by another tool (imported): its own number, outside our chained series. */
  origin?: "external";
  /** External invoice: gross of the deposits it deducted, as printed by the other tool. */
  externalDepositsDeducted?: MoneyString;
}

/**
 * What finance staff record about the collection of an open invoice
 * (POST …/invoices/{id}/dunning): dunning stops while it is disputed or
 * while a payment promise runs (until `promiseUntil`, inclusive).
 */
export interface InvoiceDunning {
  disputed: boolean;
  /** Why the customer disputes the invoice; null when not disputed. */
  disputeReason: string | null;
  promiseUntil: DateString | null;
  updatedAt: Timestamp;
  updatedBy: string;
}

/**
 * The last dunning letter the reminders job sent for an invoice: the next one
 * is the level after it, its spacing after `sentOn` (docs/jobs.md, Reminder rules).
 * Written by the job only, in the transaction that puts the letter in the
 * outbox; kept apart from `dunning`, which finance staff replace as a whole.
 */
export interface DunningLetter {
  /** 1 courtesy, 2 firm, 3 formal notice (mise en demeure). */
  level: 1 | 2 | 3;
  /** The day the job put the letter in the outbox. */
  sentOn: DateString;
}

/**
 * companies/{c}/invoices/{id}: deposit invoices and final invoices in one
 * chronological, gapless series (CGI art. 289-I). Top-level fields outside
 * `content` are the receivable's mutable state, read by the dashboard.
 */
export interface InvoiceDoc extends ChainLink {
  content: InvoiceContent;
  /** Copies for queries/dashboard: gross = content.total.gross (deposit) or amountDue (final). */
  type: InvoiceType;
  number: string;
  gross: MoneyString;
  issuedOn: DateString;
  dueDate: DateString;
  /** Gross not yet matched by payments; a deposit invoice is issued paid ("0.00"). */
  openAmount: MoneyString;
  paidOn: DateString | null;
  /** Lettrage letters of the payments matched to this invoice (PaymentDoc.letter). */
  letters?: string[];
  customerKey: string;
  depositId?: string;
  /**
   * "external": issued by another tool and imported (its number kept, no
   * number taken from our series, no journal entry). Such a document has
   * `series: "external"`, `seq: 0`, `prevHash: ""` and the hash of its
   * content alone; the chain verifier, which walks our series, skips it.
   */
  origin?: "external";
  createdAt: Timestamp;
  /** Absent until someone records a dispute or a payment promise. */
  dunning?: InvoiceDunning;
  /** Absent until the first dunning letter is sent. */
  lastDunningLetter?: DunningLetter;
  /** Copy of content.penaltyRate for the reminders job; the engine never goes below 3 × the legal rate. */
  contractPenaltyRate?: string;
}
