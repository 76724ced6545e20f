import type { Deposit, RefundSummary } from "../../contract";
import { depositStatusLabel } from "../../domain";
import { REFUNDS } from "../../model/collections";
import type { DepositDoc } from "../../model/deposit";
import type { RefundDoc } from "../../model/refund";
import type { DocReader } from "../../storage/doc-reader";
import { isoInstant } from "./iso-instant";
import { depositBalanceByRate } from "../../workflow/deposit-balance";

export function presentRefundSummary(id: string, doc: RefundDoc): RefundSummary {
  return {
    id,
    number: doc.number,
    status: doc.status,
    total: doc.quote.total,
    createdAt: isoInstant(doc.createdAt),
    requestedBy: doc.requestedBy,
  };
}

/** The one shape of a deposit (contract `Deposit`), with the refund requests given. */
export function presentDeposit(id: string, doc: DepositDoc, refunds: { id: string; data: RefundDoc }[]): Deposit {
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
    statusLabel: depositStatusLabel(doc.status, doc.creditNotes.length, doc.refundProgress),
    refundableBalance: doc.refundableBalance,
    refundableLines: depositBalanceByRate(
      doc,
      refunds.map((r) => r.data),
    ).lines,
    creditNotes: doc.creditNotes.map(({ id: cid, number, date }) => ({ id: cid, number, date })),
    appliedBy: doc.appliedBy ?? null,
    refunds: refunds.map((r) => presentRefundSummary(r.id, r.data)),
  };
}

/** A stored deposit with its refund requests. */
export async function depositAsStored(reader: DocReader, id: string, doc: DepositDoc): Promise<Deposit> {
  const refunds = await reader.query<RefundDoc>(reader.collection(REFUNDS).where("depositId", "==", id));
  return presentDeposit(id, doc, refunds);
}
