import { EngineRuleError, EngineValidationError } from "../domain/errors/engine-error";
import { ApiError } from "./api-error";

/** Maps the engine's deliberate errors to API errors: malformed → 400, refused by a rule → 422. */
export function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof EngineValidationError) return new ApiError(400, error.code, error.message, error.details);
  if (error instanceof EngineRuleError) return new ApiError(422, error.code, error.message, error.details);
  return null;
}
