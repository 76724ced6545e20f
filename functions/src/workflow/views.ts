import type { Timestamp } from "@google-cloud/firestore";
import { DEPOSITS, EVENTS, INSTALMENTS, REFUNDS } from "../model/collections";
import type { DepositDoc } from "../model/deposit";
import type { AuditEventDoc } from "../model/event";
import type { InstalmentDoc, RefundDoc } from "../model/refund";
import type { DocReader } from "../storage/doc-reader";

const iso = (t: Timestamp | null | undefined) =>
  t && typeof t.toDate === "function" ? t.toDate().toISOString() : null;

export function refundSummary(id: string, doc: RefundDoc) {
  return {
    id,
    status: doc.status,
    total: doc.quote.total,
    createdAt: iso(doc.createdAt),
    requestedBy: doc.requestedBy,
  };
}

export function depositView(id: string, doc: DepositDoc, refunds: { id: string; data: RefundDoc }[]) {
  return {
    id,
    number: doc.invoiceNumber,
    date: doc.invoiceDate,
    cashedDate: doc.cashedDate,
    orderRef: doc.orderRef,
    customer: doc.customer,
    kind: doc.kind,
    supplyKind: doc.supplyKind,
    lines: doc.lines,
    total: doc.total,
    vatDue: doc.vatDue,
    status: doc.status,
    refundableBalance: doc.refundableBalance,
    creditNotes: doc.creditNotes.map(({ id: cid, number, date }) => ({ id: cid, number, date })),
    appliedBy: doc.appliedBy ?? null,
    refunds: refunds.map((r) => refundSummary(r.id, r.data)),
  };
}

export async function loadDepositView(reader: DocReader, id: string, doc: DepositDoc) {
  const refunds = await reader.query<RefundDoc>(reader.collection(REFUNDS).where("depositId", "==", id));
  return depositView(id, doc, refunds);
}

/** A request with its schedule and, on demand, its full history (audit events, oldest first). */
export async function refundView(reader: DocReader, id: string, doc: RefundDoc, withHistory: boolean) {
  const ref = reader.collection(REFUNDS).doc(id);
  const [instalments, events, deposit] = await Promise.all([
    reader.query<InstalmentDoc>(ref.collection(INSTALMENTS)),
    withHistory
      ? reader.query<AuditEventDoc>(reader.collection(EVENTS).where("subject.id", "==", id))
      : Promise.resolve([]),
    doc.depositId ? reader.get<DepositDoc>(reader.collection(DEPOSITS).doc(doc.depositId)) : Promise.resolve(null),
  ]);
  return {
    id,
    depositId: doc.depositId,
    status: doc.status,
    reason: doc.proposal.reason,
    comment: doc.proposal.comment ?? null,
    requestedBy: doc.requestedBy,
    createdAt: iso(doc.createdAt),
    quote: doc.quote,
    awaiting: doc.awaiting,
    approvals: doc.approvals.map((a) => ({ role: a.role, by: a.by, at: iso(a.at) })),
    rejection: doc.rejection ? { by: doc.rejection.by, at: iso(doc.rejection.at), reason: doc.rejection.reason } : null,
    creditNote: doc.creditNoteId ? { id: doc.creditNoteId, number: doc.creditNoteNumber, date: doc.approvedOn } : null,
    schedule: instalments
      .map((i) => ({
        n: i.data.number,
        dueDate: i.data.dueDate,
        amount: i.data.amount,
        status: i.data.status,
        paidAt: i.data.paidOn,
      }))
      .sort((a, b) => a.n - b.n),
    deposit: deposit
      ? { number: deposit.invoiceNumber, date: deposit.invoiceDate, customerName: deposit.customer.name }
      : null,
    ...(withHistory
      ? {
          history: events
            .map((e) => e.data)
            .sort((a, b) => a.at.toMillis() - b.at.toMillis())
            .map((e) => ({
              at: iso(e.at),
              by: e.by,
              type: e.type,
              ...(e.reason ? { reason: e.reason } : {}),
              before: (e.before?.status as string | undefined) ?? null,
              after: (e.after?.status as string | undefined) ?? null,
              details: e.after,
            })),
        }
      : {}),
  };
}
