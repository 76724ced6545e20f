import { CONSUMER_REFUND_DAYS, request } from "../domain";
import { addDays } from "../domain/dates/calendar-date";
import { REFUNDS } from "../model/collections";
import { customerTerms, type RefundDoc } from "../model/refund";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import type { RefundBody } from "./bodies/refund-body";
import { settingsOf } from "./company-settings";
import { notifyRefundStep } from "./notify-refund";
import { pendingApprovers } from "./pending-approvers";
import { quoteForSource } from "./quote-for-source";
import { customerKey } from "../model/amounts";

/**
 * Stores a refund request with the engine's quote (status `submitted`). Its
 * credit-note lines (or, for a customer credit, its amount) count as "in
 * flight" on the deposit until it is approved, rejected or cancelled, so two
 * requests cannot spend one balance.
 */
export async function requestRefund(
  uow: UnitOfWork,
  access: Access,
  body: RefundBody,
): Promise<{ id: string; doc: RefundDoc }> {
  const { source, sourceRef, customer, quote, grossAmount, lateRefundScale, depositNumber, orderRef } =
    await quoteForSource(uow, body, uow.today);
  const step = request(
    { creditNoteGross: quote.creditNote.total.gross, owed: quote.total },
    settingsOf(access).approvalThreshold,
  );
  const awaiting = step.awaiting;
  const approvers = await pendingApprovers(uow, {
    status: step.status,
    requestedBy: uow.actor,
    awaiting,
    approvals: [],
  });
  // Numbered in the request's transaction, like invoices and credit notes: gapless, in commit order.
  const slot = await uow.nextNumber("refundRequest", uow.today);
  const ref = uow.collection(REFUNDS).doc();
  const doc: RefundDoc = {
    number: slot.number,
    proposal: {
      source,
      scope: body.scope,
      reason: body.reason,
      schedule: body.schedule,
      ...(body.terminationDate ? { terminationDate: body.terminationDate } : {}),
      ...(body.settlement ? { settlement: body.settlement } : {}),
      ...(body.comment ? { comment: body.comment } : {}),
    },
    depositId: body.depositId ?? null,
    depositNumber,
    orderRef,
    customerTerms: customerTerms(customer.name),
    status: step.status,
    quote,
    grossAmount,
    customerName: customer.name,
    customerKey: customerKey(customer),
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
    consumerRefundDeadline:
      lateRefundScale && body.terminationDate ? addDays(body.terminationDate, CONSUMER_REFUND_DAYS) : null,
    lateRefundScale: lateRefundScale ?? null,
    ...(body.iban ? { bankAccount: { iban: body.iban, ...(body.bic ? { bic: body.bic } : {}) } } : {}),
    updatedAt: uow.timestamp,
  };
  uow.putNumbered(slot, ref, doc);
  uow.update(sourceRef, { refundableBalance: quote.balanceAfter.total.gross });
  uow.event(step.event, { kind: "refund", id: ref.id }, null, {
    number: doc.number,
    status: step.status,
    grossAmount: doc.grossAmount,
    awaiting,
  });
  notifyRefundStep(uow, access, "submitted", ref.id, doc);
  return { id: ref.id, doc };
}
