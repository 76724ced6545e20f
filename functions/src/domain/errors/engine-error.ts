import type { EngineErrorCode, EngineRuleCode } from "./engine-error-codes";

/** One problem with an input, in the shape the HTTP API returns. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * Base of every error the engine throws on purpose. `code` is stable for the
 * HTTP layer; `message` and `details` are French, for the user.
 */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Malformed input (HTTP 400): wrong type, negative, too many decimals, unknown field… */
export class EngineValidationError extends EngineError {
  constructor(details: FieldError[]) {
    super(
      "VALIDATION_FAILED",
      details.length === 1 ? details[0].message : "Données invalides : " + details.map((d) => d.message).join(" ; "),
      details,
    );
  }
}

/** Well-formed input that a business rule refuses (HTTP 422), e.g. a refund above the balance. */
export class EngineRuleError extends EngineError {
  declare readonly code: EngineRuleCode;

  constructor(code: EngineRuleCode, message: string, details: FieldError[] = []) {
    super(code, message, details);
  }
}
