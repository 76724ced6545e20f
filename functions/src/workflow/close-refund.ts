import { CUSTOMER_CREDITS, DEPOSITS } from "../model/collections";
import type { CustomerCreditDoc } from "../model/payment";
import type { DepositDoc } from "../model/deposit";
import type { RefundDoc } from "../model/refund";
import { cancel, reject, type Actor, type RefundEventType, type RefundState } from "../domain";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import { depositBalance } from "./deposit-balance";
import { actorOf, lifecycleState, loadRefund } from "./load-refund";
import { notifyRefundStep } from "./notify-refund";
import { creditBalance } from "./quote-for-credit";

/** Ends a request before approval, as the lifecycle step allows; its amount returns to the deposit's refundable balance. */
async function close(
  uow: UnitOfWork,
  access: Access,
  refundId: string,
  step: (state: RefundState, actor: Actor) => { status: "rejected" | "cancelled"; event: RefundEventType },
  extra: Partial<RefundDoc>,
  reason?: string,
) {
  const { ref, doc } = await loadRefund(uow, refundId);
  const { status, event } = step(lifecycleState(doc), actorOf(access));
  // The amount goes back to what it was requested from: the deposit or the customer credit.
  let balance: string | null = null;
  const source = doc.proposal.source;
  const sourceRef =
    source.kind === "deposit"
      ? uow.collection(DEPOSITS).doc(source.depositId)
      : uow.collection(CUSTOMER_CREDITS).doc(source.creditId);
  if (source.kind === "deposit") {
    const deposit = await uow.get<DepositDoc>(sourceRef);
    if (deposit) balance = await depositBalance(uow, source.depositId, deposit, refundId);
  } else {
    const credit = await uow.get<CustomerCreditDoc>(sourceRef);
    if (credit) balance = await creditBalance(uow, source.creditId, credit, refundId);
  }
  const next: Partial<RefundDoc> = {
    status,
    awaiting: [],
    pendingApprovers: [],
    waitingStep: null,
    waitingSinceDay: null,
    updatedAt: uow.timestamp,
    ...extra,
  };
  uow.update(ref, next);
  if (balance !== null) uow.update(sourceRef, { refundableBalance: balance });
  uow.event(event, { kind: "refund", id: refundId }, { status: doc.status }, { status }, reason);
  const written = { ...doc, ...next } as RefundDoc;
  // The requester learns of a rejection (a cancellation is theirs, or an admin's).
  if (status === "rejected") notifyRefundStep(uow, access, "rejected", refundId, written);
  return { id: refundId, doc: written };
}

/** A rejection by an approver, with its reason. The requester cancels instead. */
export function rejectRefund(uow: UnitOfWork, access: Access, refundId: string, reason: string) {
  return close(uow, access, refundId, reject, { rejection: { by: access.email, at: uow.timestamp, reason } }, reason);
}

/** Cancellation before approval, by the requester or an admin. */
export function cancelRefund(uow: UnitOfWork, access: Access, refundId: string) {
  return close(uow, access, refundId, cancel, { cancellation: { by: access.email, at: uow.timestamp } });
}
