import type { UserError } from "../interfaces/result";

/** Keys come from the sidebar (one per submission, reused on retry); a missing one is a bug, not a user error. */
export function checkIdempotencyKey(key: unknown): UserError | null {
  if (typeof key === "string" && /^[A-Za-z0-9_-]{16,128}$/.test(key)) return null;
  return {
    code: "IDEMPOTENCY_KEY_MISSING",
    message: "La soumission n'a pas pu être identifiée. Rechargez le panneau Acompte puis réessayez.",
    retryable: false,
  };
}
