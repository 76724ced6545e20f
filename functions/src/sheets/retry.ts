/**
 * Exponential backoff with full jitter on 429, 5xx and network failures,
 * as Google asks of Sheets clients. Other 4xx are final: repeating a bad
 * request cannot make it good.
 */
export interface RetryOptions {
  attempts?: number;
  baseMs?: number;
  maxMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function httpStatus(error: unknown): number | undefined {
  const e = error as { status?: unknown; code?: unknown; response?: { status?: unknown } };
  for (const s of [e?.response?.status, e?.status, e?.code]) if (typeof s === "number") return s;
  return undefined;
}

export function isRetryable(error: unknown): boolean {
  const status = httpStatus(error);
  if (status === undefined) return true; // no answer at all: connection reset, timeout
  return status === 429 || status >= 500;
}

export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 6;
  const base = options.baseMs ?? 500;
  const max = options.maxMs ?? 32_000;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? wait;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await sleep(random() * Math.min(max, base * 2 ** (attempt - 1)));
    }
  }
}
