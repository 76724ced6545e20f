import type { ApiErrorCode, ErrorDetail } from "./api-error";

/**
 * How every function answers, the api and the scheduled jobs alike: JSON,
 * never cached, errors as `{ error: { code, message, details } }` with a
 * code from the contract's closed list.
 */

/** The response object the functions framework (Express) hands us, reduced to what we use. */
export interface JsonResponse {
  status(code: number): JsonResponse;
  set(field: string, value: string): JsonResponse;
  send(body: string): unknown;
}

export function sendJson(res: JsonResponse, status: number, body: unknown): void {
  res
    .status(status)
    .set("Content-Type", "application/json; charset=utf-8")
    .set("Cache-Control", "no-store")
    .send(JSON.stringify(body));
}

export function sendError(
  res: JsonResponse,
  status: number,
  code: ApiErrorCode,
  message: string,
  details: ErrorDetail[] = [],
): void {
  sendJson(res, status, { error: { code, message, details } });
}
