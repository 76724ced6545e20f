import type { Quote, RefundProposal } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";

/** The live preview: the engine's answer for a proposed refund; stores nothing. */
export function quoteRefund(proposal: RefundProposal): CallResult<Quote> {
  return callApi<Quote>({ method: "post", path: "/refunds/quote", body: proposal });
}
