import type { Actor, RefundState } from "../domain";
import { REFUNDS } from "../model/collections";
import type { RefundDoc } from "../model/refund";
import { notFound } from "../errors/api-error";
import type { DocReader } from "../storage/doc-reader";
import type { Access } from "./access";

export async function loadRefund(
  reader: DocReader,
  refundId: string,
): Promise<{ ref: FirebaseFirestore.DocumentReference; doc: RefundDoc }> {
  const ref = reader.collection(REFUNDS).doc(refundId);
  const doc = await reader.get<RefundDoc>(ref);
  if (!doc) throw notFound(`Demande de remboursement introuvable : ${refundId}.`);
  return { ref, doc };
}

/** What the lifecycle rules read of a stored request. */
export function lifecycleState(doc: Pick<RefundDoc, "status" | "requestedBy" | "awaiting" | "approvals">): RefundState {
  return { status: doc.status, requestedBy: doc.requestedBy, awaiting: doc.awaiting, approvals: doc.approvals };
}

/** The caller as the lifecycle rules see them. */
export function actorOf(access: Pick<Access, "email" | "roles">): Actor {
  return { email: access.email, roles: access.roles };
}
