import { REFUNDS } from "../model/collections";
import { AWAITING_APPROVAL, RefundDoc, RefundStatus } from "../model/refund";
import { conflict, notFound } from "../errors/api-error";
import type { DocReader } from "../storage/doc-reader";

export const STATUS_LABELS: Record<RefundStatus, string> = {
  submitted: "soumise",
  sales_approved: "approuvée par le commercial",
  accounting_approved: "approuvée par la comptabilité",
  approved: "approuvée",
  rejected: "refusée",
  cancelled: "annulée",
  refunded: "remboursée",
};

export async function loadRefund(
  reader: DocReader,
  refundId: string,
): Promise<{ ref: FirebaseFirestore.DocumentReference; doc: RefundDoc }> {
  const ref = reader.collection(REFUNDS).doc(refundId);
  const doc = await reader.get<RefundDoc>(ref);
  if (!doc) throw notFound(`Demande de remboursement introuvable : ${refundId}.`);
  return { ref, doc };
}

/** 409 unless the request still waits for an approval. */
export function requireAwaitingApproval(doc: RefundDoc, action: string): void {
  if (!AWAITING_APPROVAL.includes(doc.status)) {
    throw conflict("INVALID_STATE", `Impossible de ${action} : la demande est déjà ${STATUS_LABELS[doc.status]}.`);
  }
}
