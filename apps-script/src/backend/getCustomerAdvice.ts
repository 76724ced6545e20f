import type { CustomerAdvice } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";

/** « Conseil client »: the advice for the customer and order typed in the selected `Acomptes` row (its query). */
export function getCustomerAdvice(query: string): CallResult<CustomerAdvice> {
  return callApi<CustomerAdvice>({ method: "get", path: `/customers/advice?${query}` });
}
