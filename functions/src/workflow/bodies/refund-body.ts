import { z } from "zod";
import { schemas } from "../../domain";

/** Body of POST …/refunds/quote and POST …/refunds (the add-on's RefundProposal). */
export const refundBodySchema = z.strictObject({
  depositId: z.string({ error: "doit être un identifiant d'acompte" }).min(1, { message: "l'acompte est obligatoire" }).max(128, { message: "identifiant trop long" }),
  scope: schemas.refundScopeSchema,
  reason: schemas.refundReason,
  schedule: schemas.schedulePlanSchema,
  terminationDate: schemas.calendarDate.optional(),
  settlement: schemas.settlementChoiceSchema.optional(),
  comment: z.string({ error: "doit être un texte" }).max(1000, { message: "1000 caractères au plus" }).optional(),
});
export type RefundBody = z.output<typeof refundBodySchema>;

export const rejectBodySchema = z.strictObject({
  reason: z.string({ error: "doit être un texte" }).trim().min(1, { message: "le motif du refus est obligatoire" }).max(1000, { message: "1000 caractères au plus" }),
});

export const emptyBodySchema = z.strictObject({});

export const instalmentPaidBodySchema = z.strictObject({
  paidOn: schemas.calendarDate.optional(),
});
