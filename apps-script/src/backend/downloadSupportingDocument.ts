import type { DocumentDownload } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { downloadBinaryApi } from "./api-client";

/** « Télécharger » a pièce justificative, as it was added. */
export function downloadSupportingDocument(refundId: string, supportingId: string): CallResult<DocumentDownload> {
  return downloadBinaryApi({
    method: "get",
    path: `/refunds/${encodeURIComponent(refundId)}/supporting-documents/${encodeURIComponent(supportingId)}`,
  });
}
