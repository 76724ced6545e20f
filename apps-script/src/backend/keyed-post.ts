import type { CallResult } from "../interfaces/result";
import { callApi } from "./api-client";
import { checkIdempotencyKey } from "./idempotency-key";

/** A change the sidebar sends: POST under the sidebar's idempotency key, refused locally when the key is missing. */
export function keyedPost<T>(path: string, body: unknown, idempotencyKey: string): CallResult<T> {
  const bad = checkIdempotencyKey(idempotencyKey);
  if (bad) return { ok: false, error: bad };
  return callApi<T>({ method: "post", path, body, idempotencyKey });
}
