import type { SupportingDocument } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { keyedPost } from "./keyed-post";

/**
 * « Ajouter une pièce justificative »: the file read base64 in the browser;
 * the functions check its type from its content and its size.
 */
export function addSupportingDocument(
  refundId: string,
  fileName: string,
  contentBase64: string,
  idempotencyKey: string,
): CallResult<SupportingDocument> {
  return keyedPost<SupportingDocument>(
    `/refunds/${encodeURIComponent(refundId)}/supporting-documents`,
    { fileName, contentBase64 },
    idempotencyKey,
  );
}
