import { z } from "zod";
import { schemas } from "../../domain";
import { documentId } from "./document-id";

/**
 * Body of POST …/refunds/quote and POST …/refunds (the add-on's
 * RefundProposal): what is refunded is a deposit (`depositId`) or a
 * customer's unapplied credit (`customerCreditId`), exactly one of them.
 */
export const refundBodySchema = z
  .strictObject({
    depositId: documentId("d'acompte").optional(),
    customerCreditId: documentId("d'avoir client").optional(),
    scope: schemas.refundScopeSchema,
    reason: schemas.refundReason,
    schedule: schemas.schedulePlanSchema,
    terminationDate: schemas.calendarDate.optional(),
    settlement: schemas.settlementChoiceSchema.optional(),
    comment: z.string({ error: "doit être un texte" }).max(1000, { message: "1000 caractères au plus" }).optional(),
  })
  .refine((b) => (b.depositId === undefined) !== (b.customerCreditId === undefined), {
    path: ["depositId"],
    message: "indiquez soit l'acompte (depositId), soit le crédit client (customerCreditId) à rembourser",
  });
export type RefundBody = z.output<typeof refundBodySchema>;

export const rejectBodySchema = z.strictObject({
  reason: z
    .string({ error: "doit être un texte" })
    .trim()
    .min(1, { message: "le motif du refus est obligatoire" })
    .max(1000, { message: "1000 caractères au plus" }),
});

export const emptyBodySchema = z.strictObject({});

export const instalmentPaidBodySchema = z.strictObject({
  paidOn: schemas.calendarDate.optional(),
});
