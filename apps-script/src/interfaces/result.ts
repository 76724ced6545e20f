/**
 * What every sidebar call returns. Errors come back as values rather than
 * thrown exceptions so that the sidebar receives the code, the status and the
 * per-field details, not only a string.
 */
export interface UserError {
  /** French, ready to show. */
  message: string;
  /** The functions' error code, or a local one (CONFIG_MISSING, NETWORK, …). */
  code: string;
  status?: number;
  details?: { path: string; message: string }[];
  /** True when the same call may be retried as is (same idempotency key). */
  retryable: boolean;
}

export type CallResult<T> = { ok: true; data: T } | { ok: false; error: UserError };
