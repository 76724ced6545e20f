import { EngineRuleError, EngineValidationError } from "../domain/errors/engine-error";
import { LifecycleRefusal } from "../domain/refunds/refund-lifecycle";
import { ApiError } from "./api-error";

const REFUSAL_STATUS = { forbidden: 403, conflict: 409, notFound: 404 } as const;

/**
 * Maps the engine's deliberate errors to API errors: malformed → 400,
 * refused by a rule → 422; a lifecycle step refused → 403 (the actor may
 * not), 409 (not in this state) or 404 (unknown instalment).
 */
export function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof LifecycleRefusal)
    return new ApiError(REFUSAL_STATUS[error.kind], error.code, error.message, error.details);
  if (error instanceof EngineValidationError) return new ApiError(400, error.code, error.message, error.details);
  if (error instanceof EngineRuleError) return new ApiError(422, error.code, error.message, error.details);
  return null;
}
