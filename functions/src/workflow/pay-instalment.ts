import { payInstalment as payStep, refundPaidEntry } from "../domain";
import { DEPOSITS, INSTALMENTS } from "../model/collections";
import type { DepositDoc } from "../model/deposit";
import type { InstalmentDoc, RefundDoc } from "../model/refund";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import { chartOption, settingsOf } from "./company-settings";
import { loadRefund } from "./load-refund";
import { postEntry } from "./post-entry";

/** Records instalment n paid: entry D411 / C512; the lifecycle says when the request is `refunded` (all paid). */
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
    label: `Remboursement ${doc.creditNoteNumber} échéance ${n}/${target.data.count}`,
    ...chartOption(settingsOf(access)),
  });
  const posted = await postEntry(uow, entry, { kind: "instalment", id: `${refundId}/${n}` });
  uow.update(ref.collection(INSTALMENTS).doc(target.id), { status: "paid", paidOn, journalEntryId: posted.id });
  if (doc.depositId) await countPaidOnDeposit(uow, doc.depositId);
  const next: Partial<RefundDoc> =
    step.status === "refunded"
      ? { status: step.status, paidOn, updatedAt: uow.timestamp }
      : { updatedAt: uow.timestamp };
  uow.update(ref, next);
  uow.event(
    step.event,
    { kind: "refund", id: refundId },
    { status: doc.status, instalment: n },
    { status: next.status ?? doc.status, instalment: n, amount: target.data.amount, paidOn },
  );
  return { id: refundId, doc: { ...doc, ...next } as RefundDoc };
}

/** One more instalment paid on the deposit's refunds: its status moves towards « Remboursé » (depositStatusLabel). */
async function countPaidOnDeposit(uow: UnitOfWork, depositId: string): Promise<void> {
  const depositRef = uow.collection(DEPOSITS).doc(depositId);
  const deposit = await uow.get<DepositDoc>(depositRef);
  const progress = deposit?.refundProgress;
  if (!progress) return;
  uow.update(depositRef, { refundProgress: { ...progress, paid: progress.paid + 1 } });
}
