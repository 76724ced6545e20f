import { DEPOSITS } from "../model/collections";
import type { DepositDoc } from "../model/deposit";
import type { RefundDoc } from "../model/refund";
import { forbidden } from "../errors/api-error";
import type { UnitOfWork } from "../storage/unit-of-work";
import { Access, hasRole } from "./access";
import { depositBalance } from "./deposit-balance";
import { loadRefund, requireAwaitingApproval } from "./load-refund";

/** Ends a request before approval; its amount returns to the deposit's refundable balance. */
async function close(uow: UnitOfWork, refundId: string, status: "rejected" | "cancelled", extra: Partial<RefundDoc>, action: string, check: (doc: RefundDoc) => void, reason?: string) {
  const { ref, doc } = await loadRefund(uow, refundId);
  check(doc);
  requireAwaitingApproval(doc, action);
  let balance: string | null = null;
  const depositRef = doc.depositId ? uow.collection(DEPOSITS).doc(doc.depositId) : null;
  if (depositRef && doc.depositId) {
    const deposit = await uow.get<DepositDoc>(depositRef);
    if (deposit) balance = await depositBalance(uow, doc.depositId, deposit, refundId);
  }
  const next: Partial<RefundDoc> = { status, awaiting: [], pendingApprovers: [], waitingStep: null, waitingSinceDay: null, updatedAt: uow.timestamp, ...extra };
  uow.update(ref, next);
  if (depositRef && balance !== null) uow.update(depositRef, { refundableBalance: balance });
  uow.event(`refund.${status}`, { kind: "refund", id: refundId }, { status: doc.status }, { status }, reason);
  return { id: refundId, doc: { ...doc, ...next } as RefundDoc };
}

/** A rejection by an approver, with its reason. The requester cancels instead. */
export function rejectRefund(uow: UnitOfWork, access: Access, refundId: string, reason: string) {
  return close(uow, refundId, "rejected", { rejection: { by: access.email, at: uow.timestamp, reason } }, "refuser la demande", (doc) => {
    if (doc.requestedBy === access.email) throw forbidden("Vous ne pouvez pas refuser votre propre demande : annulez-la.");
  }, reason);
}

/** Cancellation before approval, by the requester or an admin. */
export function cancelRefund(uow: UnitOfWork, access: Access, refundId: string) {
  return close(uow, refundId, "cancelled", { cancellation: { by: access.email, at: uow.timestamp } }, "annuler la demande", (doc) => {
    if (doc.requestedBy !== access.email && !hasRole(access, "admin")) throw forbidden("Seul le demandeur (ou un administrateur) peut annuler cette demande.");
  });
}
