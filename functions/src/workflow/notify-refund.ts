import { refundNotice, type RefundNoticeStep } from "../domain/reminders/refund-notice";
import { OUTBOX } from "../model/collections";
import { newOutboxEntry } from "../model/outbox-entry";
import { refundTotalOwed, type RefundDoc, type RefundSupplement } from "../model/refund";
import { formatMoney, money } from "../domain";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import type { AddedSupplement } from "./late-payment-supplement";
import { settingsOf } from "./company-settings";

/**
 * Puts the notice of a request's step in the outbox, in the command's own
 * transaction: it exists exactly when the step was recorded (a replay of the
 * command answers from its idempotency record and writes nothing again; the
 * entry's id, from the request and the step, cannot be created twice). The
 * reminders job delivers it with the reminders (docs/jobs.md).
 * `doc` is the request as the step leaves it.
 */
export function notifyRefundStep(
  uow: UnitOfWork,
  access: Access,
  step: RefundNoticeStep,
  refundId: string,
  doc: RefundDoc,
  added?: AddedSupplement,
): void {
  const quote = doc.quote;
  const fromDeposit = doc.proposal.source.kind === "deposit";
  const last = doc.approvals[doc.approvals.length - 1];
  const supplements = doc.supplements ?? [];
  const notice = refundNotice({
    companyId: uow.companyId,
    companyName: settingsOf(access).name,
    step,
    requestRef: doc.number,
    requestId: refundId,
    day: uow.today,
    customerName: doc.customerName,
    reasonLabel: quote.reasonLabel,
    depositNumber: fromDeposit ? quote.creditNote.cites.number : null,
    creditNoteGross: fromDeposit ? quote.creditNote.total.gross : null,
    creditNoteNumber: doc.creditNoteNumber,
    totalOwed: refundTotalOwed(doc),
    compensation: quote.compensation
      .filter((c) => c.direction === "payable")
      .map((c) => ({ label: c.label, amount: c.amount })),
    schedule: [
      ...quote.schedule.map((i) => ({ n: i.n, dueDate: i.dueDate, amount: i.amount })),
      ...supplementInstalments(supplements),
    ],
    comment: doc.proposal.comment ?? null,
    requestedBy: doc.requestedBy,
    decidedBy: step === "rejected" ? (doc.rejection?.by ?? access.email) : step === "submitted" ? null : last?.by,
    awaiting: doc.awaiting,
    // After the approval nobody is pending: a late payment is told to those who approved it.
    approvers: added ? [...new Set(doc.approvals.map((a) => a.by))] : doc.pendingApprovers,
    approvalCount: doc.approvals.length,
    rejectionReason: doc.rejection?.reason ?? null,
    ...(added
      ? {
          supplement: {
            paidInstalment: added.supplements[0].paidInstalment,
            paidOn: added.supplements[0].paidOn,
            instalment: added.instalment.number,
            lines: added.supplements.map((s) => ({ label: s.label, legalBasis: s.legalBasis, amount: s.amount })),
            total: added.instalment.amount,
          },
        }
      : {}),
  });
  if (!notice) return;
  const { id, entry } = newOutboxEntry(notice, uow.timestamp);
  uow.create(uow.db.collection(OUTBOX).doc(id), entry);
}

/** The instalments that pay the supplements (one per late payment, its kinds summed). */
function supplementInstalments(supplements: readonly RefundSupplement[]) {
  const byNumber = new Map<number, { n: number; dueDate: string; amount: string }>();
  for (const x of supplements) {
    const seen = byNumber.get(x.instalment);
    byNumber.set(x.instalment, {
      n: x.instalment,
      dueDate: x.recordedOn,
      amount: formatMoney(money(seen?.amount ?? "0").plus(money(x.amount))),
    });
  }
  return [...byNumber.values()];
}
