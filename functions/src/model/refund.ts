import type { Timestamp } from "@google-cloud/firestore";
import type { DateString, MoneyString } from "./amounts";
import {
  formatMoney,
  money,
  type ApproverRole,
  type LatePaymentSupplement,
  type RefundQuote,
  type RefundStatus,
} from "../domain";
import type { IbanChange } from "../domain/bank/iban-change";

/** The states and the approver roles are the lifecycle's (domain/refunds/refund-lifecycle.ts). */
export { AWAITING_APPROVAL, type ApproverRole, type RefundStatus } from "../domain";

export interface Approval {
  role: ApproverRole;
  by: string;
  at: Timestamp;
}

/** What the requester asked for, exactly as validated (replayed into the engine at approval). */
export interface RefundProposal {
  source: { kind: "deposit"; depositId: string } | { kind: "customerCredit"; creditId: string };
  scope:
    | { kind: "full" }
    | { kind: "amount"; amount: MoneyString }
    | { kind: "lines"; lines: { vatRate: string; net: MoneyString }[] };
  reason: string;
  schedule: unknown;
  terminationDate?: DateString;
  settlement?: unknown;
  comment?: string;
}

/**
 * companies/{c}/refunds/{id}: a refund request and its approval circuit.
 * Top-level copies (customerName, grossAmount, waiting*, pendingApprovers)
 * serve the reminders job and the pending-approvals query.
 */
export interface RefundDoc {
  /** The request's number in its own series, `RB-2026-000012` (model/sequence.ts PlainSeriesKind). */
  number: string;
  proposal: RefundProposal;
  depositId: string | null;
  /** The deposit invoice's number and the order, copied so the request is found and shown by them (null for a customer credit). */
  depositNumber: string | null;
  orderRef: string | null;
  /** The customer name's words and their beginnings, accents and case folded: the list's search by customer. */
  customerTerms: string[];
  status: RefundStatus;
  /** The engine's quote stored at request time (credit-note lines, compensation, settlement, schedule). */
  quote: QuoteSnapshot;
  grossAmount: MoneyString;
  customerName: string;
  /** The customer's key (model/amounts.ts customerKey): finds the customer's requests in flight. Absent on requests made before it was stored. */
  customerKey?: string;
  requestedBy: string;
  requestedOn: DateString;
  createdAt: Timestamp;
  /** Roles that still have to approve; empty once approved. */
  awaiting: ApproverRole[];
  /** E-mails allowed to approve now (members with an awaited role, requester excluded). */
  pendingApprovers: string[];
  waitingStep: ApproverRole | null;
  waitingSinceDay: DateString | null;
  approvals: Approval[];
  rejection?: { by: string; at: Timestamp; reason: string };
  cancellation?: { by: string; at: Timestamp };
  creditNoteId: string | null;
  creditNoteNumber: string | null;
  approvedOn: DateString | null;
  paidOn: DateString | null;
  /** B2C refunds under L241-4/L242-4: termination date + 14 days, and the late-refund scale (read by the reminders job). */
  consumerRefundDeadline: DateString | null;
  lateRefundScale: "L241-4" | "L242-4" | null;
  /**
   * Further amounts owed because an instalment was paid later than the quote
   * assumed (L241-4 / L242-4 increase, L214-2 interest recomputed on the
   * actual payment date), oldest first; absent until the first one.
   */
  supplements?: RefundSupplement[];
  /**
   * Where the refund is sent by SEPA transfer: the beneficiary's IBAN in
   * electronic form (validated, SEPA zone) and BIC when given. Absent: the
   * refund is paid some other way and never put in a transfer file.
   */
  bankAccount?: RefundBankAccount;
  /**
   * The last change of `bankAccount` after approval (route
   * `…/refunds/{id}/bank-account`), and its confirmation by a second person:
   * until confirmed, and for `ibanChangeHoldDays`, the request's instalments
   * stay out of the transfer files (domain/bank/iban-change.ts). Every
   * change is also an audit event. Absent: never changed.
   */
  bankAccountChange?: IbanChange;
  updatedAt: Timestamp;
}

export interface RefundBankAccount {
  iban: string;
  bic?: string;
}

/** What a request owes the customer in all: its quote's total and the supplements late payments added. */
export function refundTotalOwed(r: {
  quote: { total: MoneyString };
  supplements?: readonly { amount: MoneyString }[];
}) {
  return formatMoney((r.supplements ?? []).reduce((t, s) => t.plus(money(s.amount)), money(r.quote.total)));
}

/** A supplement as recorded on the request: what the law adds, why, and how it is paid and posted. */
export interface RefundSupplement extends LatePaymentSupplement {
  /** The instalment whose late payment made it owed, and when it was paid. */
  paidInstalment: number;
  paidOn: DateString;
  /** The instalment created to pay it (due the day it was recorded). */
  instalment: number;
  recordedOn: DateString;
  /** Its entry: D6588 (increase) or D6618 (interest) / C411. */
  journalEntryId: string;
}

/** The engine's quote as stored at request time (decimal strings only); the approval issues exactly this. */
export type QuoteSnapshot = RefundQuote;

/** companies/{c}/refunds/{r}/instalments/{n}: created at the final approval. */
export interface InstalmentDoc {
  companyId: string;
  refundId: string;
  /** The request's number (RefundDoc.number). */
  refundNumber: string;
  number: number;
  count: number;
  amount: MoneyString;
  dueDate: DateString;
  status: "due" | "paid";
  paidOn: DateString | null;
  journalEntryId: string | null;
  creditNoteNumber: string;
  customerName: string;
  /** A supplement's instalment: the instalment whose late payment made it owed (absent on planned ones). */
  supplementFor?: number;
  /**
   * « Virement émis »: put in the SEPA transfer file `transferFileId`
   * (model/transfer-file.ts), so no other file takes it. Absent: in no file.
   */
  transferStatus?: "issued";
  transferFileId?: string;
  /**
   * Transfers of this instalment the beneficiary's bank sent back, oldest
   * first (workflow/return-transfer.ts): the instalment left its file and is
   * due again. Absent until the first return.
   */
  transferReturns?: TransferReturnRecord[];
}

/** One returned transfer of an instalment, as the statement told it. */
export interface TransferReturnRecord {
  /** The statement's booking date of the return. */
  returnedOn: DateString;
  /** ISO return reason (`AC04`) and its French label (« compte clôturé (AC04) »). */
  reasonCode: string | null;
  reason: string;
  /** The file the transfer had gone out in. */
  transferFileId: string | null;
  /** The bank's reference of the returning entry. */
  entryRef: string;
  /** The payment offset (its date) and the offsetting entry D512 / C411; null when none had been recorded. */
  cancelledPaymentOn: DateString | null;
  journalEntryId: string | null;
  recordedAt: Timestamp;
}

/**
 * An instalment's id across the company, `<refund id>-<n>`: its row in the
 * Échéancier sheet and, in a SEPA transfer file, the source of its
 * end-to-end id (`ACP-<refund id>-<n>`, domain/bank/sepa-text.ts).
 */
export const instalmentId = (i: Pick<InstalmentDoc, "refundId" | "number">) => `${i.refundId}-${i.number}`;

/** Folds accents and case: « Émile-Zola » → « emile-zola ». */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

const MIN_TERM = 2;
const MAX_TERMS = 60;

/**
 * What a search by customer matches: each word of the name (folded) and
 * each of its beginnings from two letters, so « dup » and « boulangerie »
 * both find « Boulangerie Dupont » with one array-contains query.
 */
export function customerTerms(name: string): string[] {
  const terms = new Set<string>();
  for (const word of foldForSearch(name).split(/[^\p{L}\p{N}]+/u))
    for (let n = MIN_TERM; n <= word.length; n++) terms.add(word.slice(0, n));
  return [...terms].slice(0, MAX_TERMS);
}
