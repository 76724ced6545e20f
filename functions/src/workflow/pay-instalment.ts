import { payInstalment as payStep, refundPaidEntry, type DepositRefundProgress } from "../domain";
import { DEPOSITS, INSTALMENTS } from "../model/collections";
import type { DepositDoc } from "../model/deposit";
import type { InstalmentDoc, RefundDoc } from "../model/refund";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import { chartOption, settingsOf } from "./company-settings";
import { recordLatePaymentSupplement } from "./late-payment-supplement";
import { loadRefund } from "./load-refund";
import { notifyRefundStep } from "./notify-refund";
import { postEntry } from "./post-entry";

/**
 * Records instalment n paid: entry D411 / C512; the lifecycle says when the
 * request is `refunded` (all paid). A consumer's refund paid later than its
 * quote assumed owes a supplement (late-payment-supplement.ts): recorded,
 * posted and added as a new instalment in this transaction, the approvers told.
 */
export async function payInstalment(uow: UnitOfWork, access: Access, refundId: string, n: number, paidOn: string) {
  const { ref, doc } = await loadRefund(uow, refundId);
  // Only an approved request has instalments: the status is checked before reading them.
  const instalments = doc.status === "approved" ? await uow.query<InstalmentDoc>(ref.collection(INSTALMENTS)) : [];
  const step = payStep(
    doc,
    instalments.map((i) => ({ number: i.data.number, paid: i.data.status === "paid", paidOn: i.data.paidOn })),
    n,
    { paidOn, today: uow.today, approvedOn: doc.approvedOn },
  );
  // payStep refused an unknown instalment: it is there.
  const target = instalments.find((i) => i.data.number === n) as (typeof instalments)[number];

  const entry = refundPaidEntry({
    date: uow.today,
    pieceRef: doc.creditNoteNumber ?? refundId,
    amount: target.data.amount,
    label:
      target.data.supplementFor === undefined
        ? `Remboursement ${doc.creditNoteNumber} échéance ${n}/${target.data.count}`
        : `Versement du complément ${doc.creditNoteNumber} (échéance ${n}, retard de l'échéance ${target.data.supplementFor})`,
    ...chartOption(settingsOf(access)),
  });
  const posted = await postEntry(uow, entry, { kind: "instalment", id: `${refundId}/${n}` });
  uow.update(ref.collection(INSTALMENTS).doc(target.id), { status: "paid", paidOn, journalEntryId: posted.id });
  const depositRef = doc.depositId ? uow.collection(DEPOSITS).doc(doc.depositId) : null;
  const deposit = depositRef ? await uow.get<DepositDoc>(depositRef) : null;
  const added = await recordLatePaymentSupplement(
    uow,
    access,
    refundId,
    doc,
    deposit,
    instalments.map((i) => i.data),
    target.data,
    paidOn,
  );
  if (depositRef && deposit?.refundProgress) countOnDeposit(uow, depositRef, deposit.refundProgress, added ? 1 : 0);
  // A supplement is a new instalment still due: the request is not refunded until it is paid.
  const status = added ? "approved" : step.status;
  const next: Partial<RefundDoc> = {
    ...(status === "refunded" ? { status, paidOn } : {}),
    ...(added ? { supplements: [...(doc.supplements ?? []), ...added.supplements] } : {}),
    updatedAt: uow.timestamp,
  };
  uow.update(ref, next);
  uow.event(
    step.event,
    { kind: "refund", id: refundId },
    { status: doc.status, instalment: n },
    {
      status: next.status ?? doc.status,
      instalment: n,
      amount: target.data.amount,
      paidOn,
      ...(added ? { supplement: added.instalment.amount, supplementInstalment: added.instalment.number } : {}),
    },
  );
  const written = { ...doc, ...next } as RefundDoc;
  if (added) notifyRefundStep(uow, access, "late_supplement", refundId, written, added);
  return { id: refundId, doc: written };
}

/** One more instalment paid on the deposit's refunds (and a supplement's added): « Remboursé » comes when all are paid. */
function countOnDeposit(
  uow: UnitOfWork,
  depositRef: FirebaseFirestore.DocumentReference,
  progress: DepositRefundProgress,
  addedInstalments: number,
): void {
  uow.update(depositRef, {
    refundProgress: { instalments: progress.instalments + addedInstalments, paid: progress.paid + 1 },
  });
}
