import type { Timestamp } from "@google-cloud/firestore";
import type { DateString, MoneyString } from "./amounts";
import type { ApproverRole, RefundQuote, RefundStatus } from "../domain";

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
  proposal: RefundProposal;
  depositId: string | null;
  status: RefundStatus;
  /** The engine's quote stored at request time (credit-note lines, compensation, settlement, schedule). */
  quote: QuoteSnapshot;
  grossAmount: MoneyString;
  customerName: string;
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
  updatedAt: Timestamp;
}

/** The engine's quote as stored at request time (decimal strings only); the approval issues exactly this. */
export type QuoteSnapshot = RefundQuote;

/** companies/{c}/refunds/{r}/instalments/{n}: created at the final approval. */
export interface InstalmentDoc {
  companyId: string;
  refundId: string;
  number: number;
  count: number;
  amount: MoneyString;
  dueDate: DateString;
  status: "due" | "paid";
  paidOn: DateString | null;
  journalEntryId: string | null;
  creditNoteNumber: string;
  customerName: string;
}
