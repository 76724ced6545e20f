import { createHash } from "node:crypto";
import { supportingFileKind } from "../domain/validation/supporting-file";
import { fieldProblem } from "../domain/validation/field-errors";
import { SUPPORTING_DOCUMENTS } from "../model/collections";
import { supportingObjectName, type SupportingDocumentDoc } from "../model/document";
import { badRequest, unprocessable } from "../errors/api-error";
import type { DocumentBucket } from "../storage/document-bucket";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { SupportingDocumentBody } from "./bodies/supporting-document-body";
import { loadRefund } from "./load-refund";

/**
 * Adds a supporting document to a refund request: type checked by content,
 * size-limited, stored under a name derived from its SHA-256 with
 * `ifGenerationMatch: 0` (a retry, or the same file added twice, finds it
 * there), then recorded with an event. The object is created before the
 * record commits: a transaction that fails leaves at most an object no
 * record names, never a record without its object.
 */
export async function addSupportingDocument(
  uow: UnitOfWork,
  bucket: DocumentBucket | null,
  refundId: string,
  body: SupportingDocumentBody,
): Promise<{ refundId: string; id: string; doc: SupportingDocumentDoc }> {
  const { ref } = await loadRefund(uow, refundId);
  const bytes = Buffer.from(body.contentBase64, "base64");
  const kind = supportingFileKind(bytes);
  if ("problem" in kind)
    throw badRequest(`Pièce justificative refusée : ${kind.problem}.`, [fieldProblem("contentBase64", kind.problem)]);
  if (!bucket)
    throw unprocessable(
      "INVALID_STATE",
      "Aucun stockage de documents n'est configuré : pièce justificative impossible.",
    );
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const docRef = ref.collection(SUPPORTING_DOCUMENTS).doc(sha256.slice(0, 40));
  const existing = await uow.get<SupportingDocumentDoc>(docRef);
  if (existing) return { refundId, id: docRef.id, doc: existing };
  const doc: SupportingDocumentDoc = {
    fileName: body.fileName,
    contentType: kind.contentType,
    sha256,
    size: bytes.length,
    objectName: supportingObjectName(uow.companyId, refundId, sha256),
    addedBy: uow.actor,
    addedAt: uow.timestamp,
  };
  await bucket.createOnce(doc.objectName, bytes, doc.contentType);
  uow.create(docRef, doc);
  uow.event("refund.supporting_document_added", { kind: "refund", id: refundId }, null, {
    fileName: doc.fileName,
    contentType: doc.contentType,
    sha256,
    size: doc.size,
  });
  return { refundId, id: docRef.id, doc };
}
