/** Helpers to look at what the engine throws when it refuses an input. */
import { EngineRuleError, EngineValidationError, FieldError } from "../../functions/src/domain";

/** The error a call throws; fails the test when it does not throw or throws something else. */
export function refusal<E extends EngineValidationError | EngineRuleError>(
  call: () => unknown,
  kind: new (...args: never[]) => E,
): E {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(kind);
    return error as E;
  }
  throw new Error("expected the engine to refuse this input");
}

/** The French details of a refusal (validation by default). */
export function detailsOf(
  call: () => unknown,
  kind: typeof EngineValidationError | typeof EngineRuleError = EngineValidationError,
): FieldError[] {
  return refusal(call, kind as new (...args: never[]) => EngineValidationError | EngineRuleError).details;
}

/** The code of a business-rule refusal. */
export function codeOf(call: () => unknown): string {
  return refusal(call, EngineRuleError).code;
}
