import type { DocumentDownload } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { downloadBinaryApi } from "./api-client";

/** « Aperçu du décompte » on the approvers' card: the statement the final approval would issue, nothing issued. */
export function previewRefundStatement(refundId: string): CallResult<DocumentDownload> {
  return downloadBinaryApi({ method: "get", path: `/refunds/${encodeURIComponent(refundId)}/statement-preview` });
}
