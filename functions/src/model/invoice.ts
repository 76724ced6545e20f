import type { Timestamp } from "@google-cloud/firestore";
import { customerKey, type Customer, type DateString, type MoneyString, type RateLine, type Totals } from "./amounts";
import type { SealedRecord } from "./chain";
import type { AdvanceInterestDeduction, PenaltyTranche, VatShare } from "../domain";
import type { InvoicedPenalties } from "../domain/reminders/dunning-penalties";
import type { FactoringAssignment } from "../domain/customers/factors";
import type { InsuranceClaim } from "../domain/customers/insurance-claim";

/**
 * UNTDID 1001: 386 deposit invoice, 380 commercial invoice — the final
 * invoice, and the penalty invoice that claims late-payment penalties and the
 * recovery indemnity on another invoice (no VAT, see PenaltyClaimContent).
 */
export type InvoiceType = "deposit" | "final" | "penalty";

/**
 * Penalty invoice: the late invoice it claims on (by number and date, as
 * printed), the claim the engine computed (penaltyClaim: each sum paid late,
 * its segments with the rate of each half-year, what earlier penalty
 * invoices already claimed) and the legal basis and VAT treatment it cites.
 */
export interface PenaltyClaimContent {
  invoiceId: string;
  number: string;
  date: DateString;
  dueDate: DateString;
  /** Gross the customer owed on that invoice. */
  amountDue: MoneyString;
  tranches: PenaltyTranche[];
  accruedPenalties: MoneyString;
  alreadyInvoiced: MoneyString;
  /** The earlier penalty invoices on the same invoice. */
  earlierClaims: { number: string; date: DateString }[];
  penalties: MoneyString;
  indemnity: MoneyString;
  contractRate?: string;
  legalBasis: string;
  vatTreatment: string;
}

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
  /** Deposit invoice: acompte or arrhes, and what the order supplies — what refunding it depends on. */
  depositKind?: "acompte" | "arrhes";
  supplyKind?: "goods" | "services";
  /** Final invoice: the deposits it deducts, with their reference and per rate. */
  deductedDeposits?: { depositId: string; number: string; date: DateString; lines: RateLine[]; total: Totals }[];
  /**
   * Final invoice to a consumer for goods: L214-2 interest on the advances
   * held over three months, per deposit with its days and rates, deducted
   * from the amount due (absent when none).
   */
  advanceInterest?: AdvanceInterestDeduction;
  /** Final invoice: gross still to pay after the deposits (and the L214-2 interest). */
  amountDue?: MoneyString;
  dueDate?: DateString;
  /** Final invoice: the contract's late-payment penalty rate (annual %), printed as L441-9 requires; absent = the statutory rate. */
  penaltyRate?: string;
  /** Penalty invoice: what it claims and on which invoice. */
  penaltyClaim?: PenaltyClaimContent;
  /** Invoice issued by another tool (imported): its own number, outside our chained series. */
  origin?: "external";
  /** External invoice: gross of the deposits it deducted, as printed by the other tool. */
  externalDepositsDeducted?: MoneyString;
  /**
   * Final invoice to a customer assigned to a factor: pay the factor, with
   * its bank details and the subrogation mention (printed, and in the
   * Factur-X payee and payment means), and the account the receivable was
   * booked to. Absent: not factored.
   */
  factoring?: FactoringAssignment;
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
 * A penalty invoice issued on this invoice (claimPenalties), summarised on
 * the late invoice in the claim's transaction: the reminders job reads it
 * with the invoice it already streams, so its letters cite what was invoiced
 * and ask only what accrued since, without querying the penalty invoices.
 */
export interface PenaltyClaimed extends InvoicedPenalties {
  /** The penalty invoice's document id. */
  invoiceId: string;
}

/**
 * Copies of the sealed content kept beside it, because queries, indexes and
 * the dashboard's `select()` need top-level fields. Each one is derived
 * from `content` by `invoiceCopies` (the only way they are written) and the
 * chain verifier checks every stored copy against it, naming the field.
 */
export interface InvoiceCopies {
  type: InvoiceType;
  number: string;
  /** What the customer owes at issue: content.total.gross (deposit invoice) or content.amountDue (final, penalty). */
  gross: MoneyString;
  issuedOn: DateString;
  /** content.dueDate (final or penalty invoice) or the day it was cashed (deposit invoice, issued paid). */
  dueDate: DateString;
  customerKey: string;
  /**
   * "external": issued by another tool and imported (its number kept, no
   * number taken from our series, no journal entry). Such a document has
   * `series: "external"`, `seq: 0`, `prevHash: ""`; its hash seals its
   * content alone, and the verifier checks it apart from our series.
   */
  origin?: "external";
  /** content.penaltyRate, for the reminders job; the engine never goes below 3 × the legal rate. */
  contractPenaltyRate?: string;
  /** content.factoring.factor: the invoice is the factor's to collect (no dunning by Acompte; dashboard's factored share). */
  factor?: string;
}

export function invoiceCopies(content: InvoiceContent): InvoiceCopies {
  return {
    type: content.type,
    number: content.number,
    gross: content.amountDue ?? content.total.gross,
    issuedOn: content.date,
    dueDate: content.dueDate ?? content.paymentDate ?? content.date,
    customerKey: customerKey(content.customer),
    origin: content.origin,
    contractPenaltyRate: content.penaltyRate,
    factor: content.factoring?.factor,
  };
}

/** One transfer of a services invoice's VAT to 44571 as it was paid: its entry and what paid it. */
export interface VatOnPaymentTransfer {
  entryId: string;
  /** The journal entry's number (EC-…): the VAT return finds the transfer by it. */
  entry: string;
  /** The day the VAT became chargeable: the payment's date (the approval's, for a refund set against the invoice). */
  paidOn: DateString;
  /** The entry's piece: the payment (`PAI-…`) or the credit note whose refund was set against the invoice. */
  piece: string;
  by: { kind: "payment" | "refund"; id: string };
  /** Net and VAT per rate made chargeable by this payment. */
  lines: VatShare[];
}

/**
 * A services final invoice of a company without the option for debits: its
 * VAT waits on 44574 until paid (CGI art. 269-2-c). `due` is what the
 * invoice made due per rate (net of the deposits taxed on cashing),
 * `transferred` what its payments moved to 44571 so far (equal to `due`
 * once paid), `transfers` each of those moves.
 */
export interface InvoiceVatOnPayment {
  due: VatShare[];
  transferred: VatShare[];
  transfers: VatOnPaymentTransfer[];
}

/**
 * The receivable's state: it legitimately changes after issue (payments and
 * their lettrage, offsets by refunds, dunning), so it is NOT sealed. Nothing
 * sealed is computed from it; the verifier only checks it is plausible
 * (0 ≤ openAmount ≤ gross, paidOn set exactly when nothing is left to pay).
 */
export interface InvoiceState {
  /** Gross not yet matched by payments; a deposit invoice is issued paid ("0.00"). */
  openAmount: MoneyString;
  paidOn: DateString | null;
  /** Lettrage letters of the payments matched to this invoice (PaymentDoc.letter). */
  letters?: string[];
  /** Absent until someone records a dispute or a payment promise. */
  dunning?: InvoiceDunning;
  /** Absent until the first dunning letter is sent. */
  lastDunningLetter?: DunningLetter;
  /** Services invoice whose VAT is chargeable on payment; absent otherwise. */
  vatOnPayment?: InvoiceVatOnPayment;
  /** The penalty invoices issued on this invoice, oldest first; absent before the first. */
  penaltyClaims?: PenaltyClaimed[];
  /**
   * The claim on the credit insurance (POST …/invoices/{id}/insurance-claim):
   * declared, then indemnified or refused, then closed. Absent until declared;
   * from then the declaration reminder stops.
   */
  insuranceClaim?: StoredInsuranceClaim;
}

/** An InsuranceClaim as stored: who recorded its last step, and when. */
export interface StoredInsuranceClaim extends InsuranceClaim {
  updatedAt: Timestamp;
  updatedBy: string;
}

/** Every field of an invoice document, by the part it belongs to (the verifier flags any other). */
export const INVOICE_COPY_FIELDS = Object.keys({
  type: 1,
  number: 1,
  gross: 1,
  issuedOn: 1,
  dueDate: 1,
  customerKey: 1,
  origin: 1,
  contractPenaltyRate: 1,
  factor: 1,
} satisfies Record<keyof InvoiceCopies, 1>) as (keyof InvoiceCopies)[];
export const INVOICE_STATE_FIELDS = Object.keys({
  openAmount: 1,
  paidOn: 1,
  letters: 1,
  dunning: 1,
  lastDunningLetter: 1,
  vatOnPayment: 1,
  penaltyClaims: 1,
  insuranceClaim: 1,
} satisfies Record<keyof InvoiceState, 1>) as (keyof InvoiceState)[];

/**
 * companies/{c}/invoices/{id}: deposit invoices and final invoices in one
 * chronological, gapless series (CGI art. 289-I). Three parts: the sealed
 * record (`content`, `createdAt` and the chain fields, see chain.ts), the
 * copies of it (InvoiceCopies) and the receivable's mutable state
 * (InvoiceState).
 */
export interface InvoiceDoc extends SealedRecord<InvoiceContent>, InvoiceCopies, InvoiceState {}
