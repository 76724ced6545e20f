import { z } from "zod";

/**
 * POST …/invoices/{id}/penalties: whether the company claims the €40
 * indemnity with the penalties (yes when absent; it is claimed once per
 * invoice whatever is sent). An empty body claims both.
 */
export const penaltyClaimBodySchema = z.strictObject({
  claimIndemnity: z.boolean({ error: "doit être un booléen (true ou false)" }).optional(),
});
export type PenaltyClaimBody = z.output<typeof penaltyClaimBodySchema>;
