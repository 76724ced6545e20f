import { maskIban } from "../domain/bank/iban";
import type { EntryMatch } from "../domain/bank/matching";
import { entryKey, type StatementEntry } from "../domain/bank/statement-entry";
import { transferReturn } from "../domain/bank/transfer-return";
import { transferReturnNotice } from "../domain/bank/transfer-return-notice";
import { DEPOSITS, INSTALMENTS, OUTBOX, TRANSFER_FILES, USERS } from "../model/collections";
import type { DepositDoc } from "../model/deposit";
import { newOutboxEntry } from "../model/outbox-entry";
import type { InstalmentDoc, RefundDoc } from "../model/refund";
import type { UserDoc } from "../model/roles";
import type { TransferFileDoc } from "../model/transfer-file";
import type { Allocation } from "../domain/bank/matching";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import { chartOption, settingsOf } from "./company-settings";
import { instalmentParts } from "./bank-settle";
import { loadRefund } from "./load-refund";
import { postEntry } from "./post-entry";

export interface ReturnOutcome {
  status: "returned";
  explanation: string;
  paidInstalments: string[];
  allocations: Allocation[];
}

/**
 * A returned refund transfer (import-statement.ts, `instalment_returned`):
 * each instalment it carries is due again (its payment offset when one was
 * recorded, transfer-return.ts), leaves its file so the next « Préparer les
 * virements » takes it, keeps the return on `transferReturns`, and treasury
 * is told once through the outbox. The import's unit sees its own writes, so
 * a transfer debited and returned in one statement is paid, then reopened.
 */
export async function applyTransferReturn(
  uow: UnitOfWork,
  access: Access,
  entry: StatementEntry,
  match: EntryMatch,
): Promise<ReturnOutcome> {
  const reasonCode = entry.transactions.find((t) => t.returnReason)?.returnReason;
  const explanations: string[] = [];
  // The matcher only returns instalments it was given, by their id `<refund id>-<n>`.
  for (const { itemId } of match.allocations)
    explanations.push(await reopen(uow, access, entry, instalmentParts(itemId)!, reasonCode));
  return {
    status: "returned",
    explanation: explanations.join(" "),
    paidInstalments: [],
    allocations: match.allocations,
  };
}

async function reopen(
  uow: UnitOfWork,
  access: Access,
  entry: StatementEntry,
  line: { refundId: string; n: number },
  reasonCode: string | undefined,
): Promise<string> {
  const settings = settingsOf(access);
  const { ref, doc } = await loadRefund(uow, line.refundId);
  const instalmentRef = ref.collection(INSTALMENTS).doc(String(line.n));
  const instalment = (await uow.get<InstalmentDoc>(instalmentRef))!;
  const file = instalment.transferFileId
    ? await uow.get<TransferFileDoc>(uow.collection(TRANSFER_FILES).doc(instalment.transferFileId))
    : null;
  const decision = transferReturn({
    refundStatus: doc.status,
    instalment,
    reasonCode,
    returnedOn: entry.bookingDate,
    today: uow.today,
    ...chartOption(settings),
  });
  const posted = decision.reversal
    ? await postEntry(uow, decision.reversal, { kind: "instalment", id: `${line.refundId}/${line.n}` })
    : null;
  // Written whole, not with FieldValue.delete(): the import reads its own writes, a sentinel it could not merge.
  const kept = { ...instalment };
  delete kept.transferStatus;
  delete kept.transferFileId;
  const reopened: InstalmentDoc = {
    ...kept,
    status: "due",
    paidOn: null,
    journalEntryId: null,
    transferReturns: [
      ...(instalment.transferReturns ?? []),
      {
        returnedOn: entry.bookingDate,
        reasonCode: reasonCode ?? null,
        reason: decision.reasonLabel,
        transferFileId: instalment.transferFileId ?? null,
        entryRef: entry.entryRef,
        cancelledPaymentOn: decision.cancelledPaymentOn,
        journalEntryId: posted?.id ?? null,
        recordedAt: uow.timestamp,
      },
    ],
  };
  uow.set(instalmentRef, reopened);
  if (decision.refundStatus !== doc.status || decision.reversal)
    uow.update(ref, {
      ...(decision.refundStatus !== doc.status ? { status: decision.refundStatus, paidOn: null } : {}),
      updatedAt: uow.timestamp,
    });
  if (decision.reversal && doc.depositId) {
    const depositRef = uow.collection(DEPOSITS).doc(doc.depositId);
    const deposit = await uow.get<DepositDoc>(depositRef);
    if (deposit?.refundProgress)
      uow.update(depositRef, {
        refundProgress: { ...deposit.refundProgress, paid: Math.max(0, deposit.refundProgress.paid - 1) },
      });
  }
  uow.event(
    "instalment.transfer_returned",
    { kind: "refund", id: line.refundId },
    {
      status: doc.status,
      instalment: line.n,
      instalmentStatus: instalment.status,
      transferFileId: instalment.transferFileId ?? null,
    },
    {
      status: decision.refundStatus,
      instalment: line.n,
      instalmentStatus: "due",
      amount: instalment.amount,
      returnedOn: entry.bookingDate,
      reason: decision.reasonLabel,
      entryRef: entry.entryRef,
      journalEntryId: posted?.id ?? null,
    },
  );
  await alertTreasury(uow, access, entry, line, doc, instalment, file?.number ?? null, decision.explanation);
  return decision.explanation;
}

async function alertTreasury(
  uow: UnitOfWork,
  access: Access,
  entry: StatementEntry,
  line: { refundId: string },
  refund: RefundDoc,
  instalment: InstalmentDoc,
  transferFileNumber: string | null,
  explanation: string,
): Promise<void> {
  const users = await uow.query<UserDoc>(
    uow.collection(USERS).where("roles", "array-contains-any", ["accounting_approver", "admin"]),
  );
  const accounting = users.filter((u) => u.data.roles.includes("accounting_approver")).map((u) => u.data.email);
  const notice = transferReturnNotice({
    companyId: uow.companyId,
    companyName: settingsOf(access).name,
    refundId: line.refundId,
    refundNumber: refund.number,
    creditNoteNumber: instalment.creditNoteNumber,
    customerName: instalment.customerName,
    n: instalment.number,
    count: instalment.count,
    amount: instalment.amount,
    returnedOn: entry.bookingDate,
    transferFileNumber,
    maskedIban: refund.bankAccount ? maskIban(refund.bankAccount.iban) : null,
    explanation,
    entryKey: entryKey(entry),
    // Treasury is the accounting approvers; a company without one still has its admins.
    to: accounting.length > 0 ? accounting : users.map((u) => u.data.email),
  });
  if (!notice) return;
  const { id, entry: queued } = newOutboxEntry(notice, uow.timestamp);
  uow.create(uow.db.collection(OUTBOX).doc(id), queued);
}
