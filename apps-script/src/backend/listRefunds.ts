import type { RefundList, RefundListQuery } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";

/** One page of the refunds list (the *Suivi* tab): a filter, an optional search, the page after `after`. */
export function listRefunds(query: RefundListQuery): CallResult<RefundList> {
  const params: Record<string, string> = { filter: query.filter };
  if (query.q) params.q = query.q;
  if (query.after) params.after = query.after;
  return callApi<RefundList>({ method: "get", path: "/refunds", query: params });
}
