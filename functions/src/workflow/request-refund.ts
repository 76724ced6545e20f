import { CONSUMER_REFUND_DAYS, refundEntitlement } from "../domain";
import { addDays } from "../domain/dates/calendar-date";
import { REFUNDS, DEPOSITS } from "../model/collections";
import type { RefundDoc } from "../model/refund";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import { requiredApprovals } from "./approval-circuit";
import type { RefundBody } from "./bodies/refund-body";
import { settingsOf } from "./company-settings";
import { pendingApprovers } from "./pending-approvers";
import { quoteForDeposit } from "./quote-for-deposit";

/**
 * Stores a refund request with the engine's quote (status `submitted`). Its
 * credit-note lines count as "in flight" on the deposit until it is
 * approved, rejected or cancelled, so two requests cannot spend one balance.
 */
export async function requestRefund(uow: UnitOfWork, access: Access, body: RefundBody): Promise<{ id: string; doc: RefundDoc }> {
  const { deposit, quote } = await quoteForDeposit(uow, body, uow.today);
  const awaiting = requiredApprovals(quote.creditNote.total.gross, quote.total, settingsOf(access).approvalThreshold);
  const approvers = await pendingApprovers(uow, awaiting, uow.actor, []);
  const { lateRefundScale } = refundEntitlement({ depositKind: deposit.kind, customerKind: deposit.customer.kind, supplyKind: deposit.supplyKind, reason: body.reason });
  const ref = uow.collection(REFUNDS).doc();
  const doc: RefundDoc = {
    proposal: {
      source: { kind: "deposit", depositId: body.depositId },
      scope: body.scope,
      reason: body.reason,
      schedule: body.schedule,
      ...(body.terminationDate ? { terminationDate: body.terminationDate } : {}),
      ...(body.settlement ? { settlement: body.settlement } : {}),
      ...(body.comment ? { comment: body.comment } : {}),
    },
    depositId: body.depositId,
    status: "submitted",
    quote,
    grossAmount: quote.creditNote.total.gross,
    customerName: deposit.customer.name,
    requestedBy: uow.actor,
    requestedOn: uow.today,
    createdAt: uow.timestamp,
    awaiting,
    pendingApprovers: approvers,
    waitingStep: awaiting[0],
    waitingSinceDay: uow.today,
    approvals: [],
    creditNoteId: null,
    creditNoteNumber: null,
    approvedOn: null,
    paidOn: null,
    consumerRefundDeadline: lateRefundScale && body.terminationDate ? addDays(body.terminationDate, CONSUMER_REFUND_DAYS) : null,
    lateRefundScale: lateRefundScale ?? null,
    updatedAt: uow.timestamp,
  };
  uow.create(ref, doc);
  uow.update(uow.collection(DEPOSITS).doc(body.depositId), { refundableBalance: quote.balanceAfter.total.gross });
  uow.event("refund.requested", { kind: "refund", id: ref.id }, null, { status: "submitted", grossAmount: doc.grossAmount, awaiting });
  return { id: ref.id, doc };
}
