/**
 * Seeded fault injection: a share of API calls answer 429 or 500. Half of
 * the 500s happen after the change was applied (the answer is lost on the
 * way back), which is what makes retries dangerous for non-idempotent writes.
 */
import { ApiError } from "./api-error";

export type Fault = { error: ApiError; afterApply: boolean } | null;

/** mulberry32: small, fast, and the same sequence for the same seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private random: () => number;

  constructor(
    public rate: number,
    seed: number,
  ) {
    this.random = prng(seed);
  }

  next(): Fault {
    if (this.rate <= 0 || this.random() >= this.rate) return null;
    if (this.random() < 0.5) {
      return {
        error: new ApiError(
          429,
          "RESOURCE_EXHAUSTED",
          "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'sheets.googleapis.com'.",
        ),
        afterApply: false,
      };
    }
    return { error: new ApiError(500, "INTERNAL", "Internal error encountered."), afterApply: this.random() < 0.5 };
  }
}
