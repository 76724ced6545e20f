import { z } from "zod";
import { formatMoney, money, schemas } from "../../domain";
import { INSURANCE_CLAIM_STATUSES } from "../../domain/customers/insurance-claim";
import { BOUNDED } from "./bounded-scalars";

/**
 * POST …/invoices/{id}/insurance-claim: one step of the claim on the credit
 * insurance — declared, then indemnified or refused, then closed — its day,
 * the insurer's reference, and the amount (declared; for « indemnified »,
 * the indemnity received, required). Order and dates are checked against
 * the claim stored, in the command.
 */
export const insuranceClaimBodySchema = z
  .strictObject({
    status: z.enum(INSURANCE_CLAIM_STATUSES, {
      error: "doit valoir declared (déclarée), indemnified (indemnisée), refused (refusée) ou closed (clôturée)",
    }),
    on: BOUNDED.date,
    reference: schemas
      .text({ error: "doit être une référence", required: "la référence ne peut pas être vide", max: 100 })
      .optional(),
    amount: BOUNDED.positive.transform((v) => formatMoney(money(v))).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.status === "indemnified" && body.amount === undefined)
      ctx.addIssue({ code: "custom", path: ["amount"], message: "indiquez le montant de l'indemnité reçue" });
  });
export type InsuranceClaimBody = z.output<typeof insuranceClaimBodySchema>;
