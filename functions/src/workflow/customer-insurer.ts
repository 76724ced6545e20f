import { configuredInsurer, insurerChoiceProblem, type Insurer } from "../domain";
import { fieldProblem } from "../domain/validation/field-errors";
import { badRequest } from "../errors/api-error";
import type { CustomerDoc } from "../model/customer";

/**
 * The cover as stored: when the company configured its insurers, it must
 * name one of them, and is stored under that insurer's exact name (the
 * reminders job finds the insured customers by it); otherwise as typed.
 */
export function checkedInsurance<T extends CustomerDoc["insurance"] | null | undefined>(
  insurers: readonly Insurer[] | undefined,
  insurance: T,
): T {
  if (!insurance) return insurance;
  const problem = insurerChoiceProblem(insurers, insurance.insurer);
  if (problem) throw badRequest(`Assurance-crédit : ${problem}.`, [fieldProblem("insurance.insurer", problem)]);
  const configured = configuredInsurer(insurers, insurance.insurer);
  return (configured ? { ...insurance, insurer: configured.name } : insurance) as T;
}
