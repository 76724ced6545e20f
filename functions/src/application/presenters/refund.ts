/**
 * The one shape of a refund request (contract `Refund`), whoever answers
 * it: the commands on a request present it from what they wrote, inside
 * their transaction (`refundAsWritten`); `GET …/refunds/{id}` from what is
 * stored, with the history (`refundAsStored`). Both go through
 * `presentRefund`, so they cannot differ.
 */
import { maskIban } from "../../domain/bank/iban";
import type { Refund, RefundDetail, RefundEventType, RefundReason } from "../../contract";
import { DEPOSITS, EVENTS, INSTALMENTS, REFUNDS } from "../../model/collections";
import type { DepositDoc } from "../../model/deposit";
import type { AuditEventDoc } from "../../model/event";
import { refundTotalOwed, type InstalmentDoc, type RefundDoc } from "../../model/refund";
import type { DocReader } from "../../storage/doc-reader";
import type { UnitOfWork } from "../../storage/unit-of-work";
import { isoInstant } from "./iso-instant";

interface RefundParts {
  id: string;
  doc: RefundDoc;
  instalments: InstalmentDoc[];
  deposit: DepositDoc | null;
}

export function presentRefund({ id, doc, instalments, deposit }: RefundParts): Refund {
  return {
    id,
    number: doc.number,
    depositId: doc.depositId,
    status: doc.status,
    // Validated against REFUND_REASONS when requested; stored as a string.
    reason: doc.proposal.reason as RefundReason,
    comment: doc.proposal.comment ?? null,
    requestedBy: doc.requestedBy,
    createdAt: isoInstant(doc.createdAt),
    quote: doc.quote,
    awaiting: doc.awaiting,
    pendingApprovers: doc.pendingApprovers,
    approvals: doc.approvals.map((a) => ({ role: a.role, by: a.by, at: isoInstant(a.at) })),
    rejection: doc.rejection
      ? { by: doc.rejection.by, at: isoInstant(doc.rejection.at), reason: doc.rejection.reason }
      : null,
    creditNote: doc.creditNoteId ? { id: doc.creditNoteId, number: doc.creditNoteNumber, date: doc.approvedOn } : null,
    schedule: instalments
      .map((i) => ({
        n: i.number,
        dueDate: i.dueDate,
        amount: i.amount,
        status: i.status,
        paidAt: i.paidOn,
        ...(i.supplementFor !== undefined ? { supplementFor: i.supplementFor } : {}),
        ...(i.transferFileId !== undefined ? { transferFileId: i.transferFileId } : {}),
      }))
      .sort((a, b) => a.n - b.n),
    // The journal entry's id stays inside: the statement shows what is owed and why.
    supplements: (doc.supplements ?? []).map((s) => ({
      kind: s.kind,
      label: s.label,
      legalBasis: s.legalBasis,
      recomputed: s.recomputed,
      alreadyGranted: s.alreadyGranted,
      amount: s.amount,
      paidInstalment: s.paidInstalment,
      paidOn: s.paidOn,
      instalment: s.instalment,
      recordedOn: s.recordedOn,
    })),
    totalOwed: refundTotalOwed(doc),
    deposit: deposit
      ? { number: deposit.invoiceNumber, date: deposit.invoiceDate, customerName: deposit.customer.name }
      : null,
    // Masked: the answer is shown and logged; the full IBAN only leaves in the transfer file.
    ...(doc.bankAccount
      ? { bankAccount: { iban: maskIban(doc.bankAccount.iban), bic: doc.bankAccount.bic ?? null } }
      : {}),
    ...(doc.bankAccountChange && !doc.bankAccountChange.confirmedBy
      ? {
          bankAccountChangePending: {
            previousIban: doc.bankAccountChange.previousIban ? maskIban(doc.bankAccountChange.previousIban) : null,
            iban: maskIban(doc.bankAccountChange.iban),
            changedBy: doc.bankAccountChange.changedBy,
            changedOn: doc.bankAccountChange.changedOn,
          },
        }
      : {}),
  };
}

/**
 * A request as the command that just changed it leaves it: its written
 * document, its instalments as written (`instalmentsStored`: the command
 * changed instalments that existed before it, which are read first) and
 * its deposit (already read by the command: served from the transaction's
 * cache; the fields shown never change).
 */
export async function refundAsWritten(
  uow: UnitOfWork,
  { id, doc }: { id: string; doc: RefundDoc },
  { instalmentsStored }: { instalmentsStored: boolean },
): Promise<Refund> {
  const instalmentsRef = uow.collection(REFUNDS).doc(id).collection(INSTALMENTS);
  const stored = instalmentsStored ? await uow.query<InstalmentDoc>(instalmentsRef) : [];
  const deposit = doc.depositId ? await uow.get<DepositDoc>(uow.collection(DEPOSITS).doc(doc.depositId)) : null;
  const instalments = uow.asWritten(instalmentsRef, stored).map((i) => i.data);
  return presentRefund({ id, doc, instalments, deposit });
}

/** A stored request with its history (audit events, oldest first): `GET …/refunds/{id}`. */
export async function refundAsStored(reader: DocReader, id: string, doc: RefundDoc): Promise<RefundDetail> {
  const ref = reader.collection(REFUNDS).doc(id);
  const [instalments, events, deposit] = await Promise.all([
    reader.query<InstalmentDoc>(ref.collection(INSTALMENTS)),
    reader.query<AuditEventDoc>(reader.collection(EVENTS).where("subject.id", "==", id)),
    doc.depositId ? reader.get<DepositDoc>(reader.collection(DEPOSITS).doc(doc.depositId)) : Promise.resolve(null),
  ]);
  const history = events
    .map((e) => e.data)
    .sort((a, b) => a.at.toMillis() - b.at.toMillis())
    .map((e) => ({
      at: isoInstant(e.at),
      by: e.by,
      // The refund's events are the lifecycle's (domain/vocabulary/labels.ts); stored as strings.
      type: e.type as RefundEventType,
      ...(e.reason ? { reason: e.reason } : {}),
      before: (e.before?.status as string | undefined) ?? null,
      after: (e.after?.status as string | undefined) ?? null,
      details: e.after,
    }));
  return { ...presentRefund({ id, doc, instalments: instalments.map((i) => i.data), deposit }), history };
}
