/**
 * The parties a customer record names that the company configures: its
 * credit insurer and its factor. Once the company listed some, the name must
 * be one of them, and it is stored under that party's exact name (the
 * reminders job finds the insured customers by it, the final invoice the
 * factor's bank details); otherwise as typed.
 */
import { factorChoiceProblem, insurerChoiceProblem, type Factor, type Insurer } from "../domain";
import { namedParty } from "../domain/validation/named-list";
import { fieldProblem } from "../domain/validation/field-errors";
import { ApiError, badRequest } from "../errors/api-error";
import type { CustomerDoc } from "../model/customer";

/** `typed` as stored: the configured party's own name, or `typed` while the company lists none. */
function storedName(
  list: readonly { name: string }[] | undefined,
  typed: string,
  problem: string | null,
  refusal: (problem: string) => ApiError,
): string {
  if (problem) throw refusal(problem);
  return namedParty(list, typed)?.name ?? typed;
}

/** The cover as stored, its insurer checked against the company's insurers. */
export function checkedInsurance<T extends CustomerDoc["insurance"] | null | undefined>(
  insurers: readonly Insurer[] | undefined,
  insurance: T,
): T {
  if (!insurance) return insurance;
  const insurer = storedName(insurers, insurance.insurer, insurerChoiceProblem(insurers, insurance.insurer), (p) =>
    badRequest(`Assurance-crédit : ${p}.`, [fieldProblem("insurance.insurer", p)]),
  );
  return { ...insurance, insurer } as T;
}

/** The factoring as stored: an assigned customer's factor checked against the company's factors. */
export function checkedFactoring<T extends CustomerDoc["factoring"] | null | undefined>(
  factors: readonly Factor[] | undefined,
  factoring: T,
): T {
  if (!factoring || factoring.status !== "assigned" || factoring.factor === undefined) return factoring;
  const factor = storedName(factors, factoring.factor, factorChoiceProblem(factors, factoring.factor), (p) => {
    const detail = fieldProblem("factoring.factor", p);
    return badRequest(detail.message, [detail]);
  });
  return { ...factoring, factor } as T;
}
