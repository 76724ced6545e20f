/**
 * The order of a credit-insurance claim's steps, alone in a module without
 * imports: the engine checks a step against it (insurance-claim.ts) and the
 * add-on's sidebar offers only the steps it allows, from the same table.
 */

/** The steps of a claim, in order. */
export const INSURANCE_CLAIM_STATUSES = ["declared", "indemnified", "refused", "closed"] as const;
/** One of INSURANCE_CLAIM_STATUSES. */
export type InsuranceClaimStatus = (typeof INSURANCE_CLAIM_STATUSES)[number];

/** What may follow each status (a claim starts declared; nothing follows closed). */
const NEXT: Record<InsuranceClaimStatus | "none", readonly InsuranceClaimStatus[]> = {
  none: ["declared"],
  declared: ["indemnified", "refused"],
  indemnified: ["closed"],
  refused: ["closed"],
  closed: [],
};

/**
 * The steps that may be recorded after `status` (null: no claim yet).
 *
 * @example
 * insuranceClaimNextSteps(null); // → ["declared"]
 * insuranceClaimNextSteps("declared"); // → ["indemnified", "refused"]
 * insuranceClaimNextSteps("closed"); // → []
 */
export function insuranceClaimNextSteps(
  status: InsuranceClaimStatus | null | undefined,
): readonly InsuranceClaimStatus[] {
  return NEXT[status ?? "none"];
}
