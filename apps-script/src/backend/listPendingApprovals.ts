import type { PendingApproval } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";

/** The requests waiting for the caller's approval. */
export function listPendingApprovals(): CallResult<PendingApproval[]> {
  const answer = callApi<PendingApproval[] | { items: PendingApproval[] }>({
    method: "get",
    path: "/approvals/pending",
  });
  if (!answer.ok) return answer;
  return { ok: true, data: Array.isArray(answer.data) ? answer.data : answer.data.items };
}
