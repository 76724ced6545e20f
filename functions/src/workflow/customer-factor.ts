import { configuredFactor, factorChoiceProblem, type Factor } from "../domain";
import { fieldProblem } from "../domain/validation/field-errors";
import { badRequest } from "../errors/api-error";
import type { CustomerDoc } from "../model/customer";

/**
 * The factoring as stored: an assigned customer must name one of the
 * company's factors once it configured some, stored under that factor's
 * exact name (the final invoice finds the factor's bank details by it);
 * otherwise as typed. Not assigned, nothing to check.
 */
export function checkedFactoring<T extends CustomerDoc["factoring"] | null | undefined>(
  factors: readonly Factor[] | undefined,
  factoring: T,
): T {
  if (!factoring || factoring.status !== "assigned" || factoring.factor === undefined) return factoring;
  const problem = factorChoiceProblem(factors, factoring.factor);
  if (problem) {
    const detail = fieldProblem("factoring.factor", problem);
    throw badRequest(detail.message, [detail]);
  }
  const configured = configuredFactor(factors, factoring.factor);
  return (configured ? { ...factoring, factor: configured.name } : factoring) as T;
}
