import type { SupportingDocuments } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";

/** The pièces justificatives of a request, for *Suivi* and the approvers' card. */
export function listSupportingDocuments(refundId: string): CallResult<SupportingDocuments> {
  return callApi<SupportingDocuments>({
    method: "get",
    path: `/refunds/${encodeURIComponent(refundId)}/supporting-documents`,
  });
}
