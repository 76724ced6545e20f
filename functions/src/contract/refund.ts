import type { CustomerStanding } from "./customer";
import type { RefundQuote } from "../domain/refunds/refund-quote";
import type {
  ApproverRole,
  InstalmentStatus,
  RefundEventType,
  RefundListFilter,
  RefundReason,
  RefundStatus,
} from "./enums";

/** The engine's quote of a refund (`POST …/refunds/quote`, and stored in each request). */
export type Quote = RefundQuote;

/** An instalment of an approved refund (none before the final approval). */
export interface Instalment {
  n: number;
  dueDate: string;
  amount: string;
  status: InstalmentStatus;
  /** The day it was paid, null while due. */
  paidAt: string | null;
  /** Only on a supplement's instalment: the instalment whose late payment made it owed. */
  supplementFor?: number;
  /** Only once put in a SEPA transfer file (« Virement émis »): that file's id (`GET …/bank/transfers/{id}`). */
  transferFileId?: string;
}

/**
 * A further amount owed to a consumer because an instalment was paid later
 * than the quote assumed: the increase (L216-7/L241-4, L221-24/L242-4) or
 * L214-2 interest recomputed on the actual payment date, less what was
 * already granted. No VAT. As the customer's statement shows it.
 */
export interface RefundSupplement {
  kind: "late_refund_increase" | "advance_interest";
  /** French: what it is, the payment date, what was already granted. */
  label: string;
  legalBasis: string;
  /** Owed for the actual payment date, already granted, and the difference owed now. */
  recomputed: string;
  alreadyGranted: string;
  amount: string;
  /** The instalment paid late and when; the instalment that pays the supplement; when it was recorded. */
  paidInstalment: number;
  paidOn: string;
  instalment: number;
  recordedOn: string;
}

/**
 * A refund request, the same shape from every route that answers one
 * (`POST …/refunds`, `…/approve`, `…/reject`, `…/cancel`, `…/pay`,
 * `GET …/refunds/{id}` which adds `history`). Presented by
 * application/presenters/refund.ts.
 */
export interface Refund {
  id: string;
  /** The request's number, `RB-2026-000012`: what a person reads; `id` is technical. */
  number: string;
  /** Null for a refund of a customer credit (a payment's excess). */
  depositId: string | null;
  status: RefundStatus;
  reason: RefundReason;
  comment: string | null;
  requestedBy: string;
  createdAt: string | null;
  quote: Quote;
  /** Roles still to approve; empty once approved. */
  awaiting: ApproverRole[];
  /** E-mails of the members who may give an awaited approval now (what the banner names). */
  pendingApprovers: string[];
  approvals: { role: ApproverRole; by: string; at: string | null }[];
  rejection: { by: string; at: string | null; reason: string } | null;
  /** The credit note issued at the final approval (none for a customer credit). */
  creditNote: { id: string; number: string | null; date: string | null } | null;
  schedule: Instalment[];
  /** Further amounts owed for instalments paid late, oldest first (empty when none). */
  supplements: RefundSupplement[];
  /** Owed to the customer in all: the quote's total and the supplements. */
  totalOwed: string;
  /** The deposit invoice refunded. */
  deposit: { number: string; date: string; customerName: string } | null;
  /**
   * The beneficiary's account when the refund is paid by SEPA transfer,
   * the IBAN masked (`FR76 **** **** **** **** ***0 189`); absent otherwise.
   */
  bankAccount?: { iban: string; bic: string | null };
  /**
   * The account's last change after approval, while a second person has not
   * confirmed it (the sidebar offers « Confirmer le changement d'IBAN »);
   * absent when never changed or confirmed. IBANs masked.
   */
  bankAccountChangePending?: { previousIban: string | null; iban: string; changedBy: string; changedOn: string };
}

/** One step of a request's history (its audit events, oldest first). */
export interface RefundEvent {
  at: string | null;
  by: string;
  type: RefundEventType;
  reason?: string;
  /** Status before and after the step. */
  before: string | null;
  after: string | null;
  details: Record<string, unknown> | null;
}

/** `GET …/refunds/{id}`: the refund and its history. */
export interface RefundDetail extends Refund {
  history: RefundEvent[];
}

/** A refund as listed in its deposit. */
export interface RefundSummary {
  id: string;
  number: string;
  status: RefundStatus;
  total: string;
  createdAt: string | null;
  requestedBy: string;
}

/** `GET …/approvals/pending`: a request the caller can approve now. */
export interface PendingApproval {
  id: string;
  number: string;
  depositId: string | null;
  depositNumber: string | null;
  customerName: string;
  requestedBy: string;
  createdAt: string;
  reason: RefundReason;
  /** Owed to the customer in all (credit note + compensation without VAT): « Total dû au client », not a TTC. */
  total: string;
  vat: string;
  awaiting: ApproverRole[];
  comment: string | null;
  /** Gross of the credit note the approval will issue (none for a customer credit). */
  creditNoteGross: string | null;
  /** Compensation without VAT owed on top of the credit note. */
  compensation: { label: string; amount: string }[];
  /** The deposit's (or credit's) refundable gross before and after this request. */
  balanceBefore: string;
  balanceAfter: string;
  /** The instalments the approval will create. */
  schedule: { n: number; dueDate: string; amount: string }[];
  /** Who already approved, when. */
  approvals: { role: ApproverRole; by: string; at: string | null }[];
  /** The customer's class, exposure and limits from its stored profile (issue #16); null: no customer record. */
  customerStanding: CustomerStanding | null;
}

/** One request in the refunds list (`GET …/refunds`): its numbers, its customer and what is left to pay. */
export interface RefundListItem {
  id: string;
  number: string;
  status: RefundStatus;
  customerName: string;
  /** The deposit invoice refunded, its order, the credit note once issued (null when none). */
  depositNumber: string | null;
  orderRef: string | null;
  creditNoteNumber: string | null;
  requestedBy: string;
  requestedOn: string;
  /** What the request owes the customer in all. */
  total: string;
  /** Still to pay: the unpaid instalments once approved, the whole total while awaiting approval, 0.00 once closed. */
  leftToPay: string;
  /** The earliest unpaid instalment's due date (null when none). */
  nextDueDate: string | null;
  /** An instalment past due, or a consumer's refund deadline passed before approval. */
  late: boolean;
}

/** `GET …/refunds?filter=&q=&after=&limit=`: one page of requests, newest number first. */
export interface RefundList {
  filter: RefundListFilter;
  items: RefundListItem[];
  /** Pass as `after` for the next page; null on the last one. */
  next: string | null;
  /** Left to pay over every open request the filter and search select (not only this page). */
  leftToPay: string;
  /** How many open requests that total covers. */
  openCount: number;
}
