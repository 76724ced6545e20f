import type { IssuedDocument } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { keyedPost } from "./keyed-post";

/** « Renvoyer au client »: a new mail with the same file, once per key. */
export function resendDocument(documentId: string, idempotencyKey: string): CallResult<IssuedDocument> {
  return keyedPost<IssuedDocument>(`/documents/${encodeURIComponent(documentId)}/resend`, {}, idempotencyKey);
}
