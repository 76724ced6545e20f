import { z } from "zod";
import { schemas } from "../../domain";
import { addMonths, frenchDate } from "../../domain/dates/calendar-date";
import { bicSchema, ibanSchema } from "./bank-details";
import { BOUNDED, currentDateWindow } from "./bounded-scalars";
import { documentId } from "./document-id";

/**
 * Body of POST …/refunds/quote and POST …/refunds (the add-on's
 * RefundProposal): what is refunded is a deposit (`depositId`) or a
 * customer's unapplied credit (`customerCreditId`), exactly one of them.
 * `iban` (and `bic`): the beneficiary's account, when the refund is to be
 * paid by SEPA transfer (« Préparer les virements », docs/bank.md).
 */
export const refundBodySchema = z
  .strictObject({
    depositId: documentId("d'acompte").optional(),
    customerCreditId: documentId("d'avoir client").optional(),
    scope: schemas.refundScopeSchemaOf(BOUNDED),
    reason: schemas.refundReason,
    schedule: schemas.schedulePlanSchemaOf(BOUNDED),
    terminationDate: BOUNDED.date.optional(),
    settlement: schemas.settlementChoiceSchemaOf(BOUNDED).optional(),
    comment: schemas.text({ error: "doit être un texte", max: 1000, multiline: true, trim: false }).optional(),
    iban: ibanSchema.optional(),
    bic: bicSchema.optional(),
  })
  .refine((b) => b.bic === undefined || b.iban !== undefined, {
    path: ["bic"],
    message: "un BIC ne va pas sans l'IBAN du bénéficiaire",
  })
  .refine((b) => (b.depositId === undefined) !== (b.customerCreditId === undefined), {
    path: ["depositId"],
    message: "indiquez soit l'acompte (depositId), soit le crédit client (customerCreditId) à rembourser",
  })
  .superRefine(({ schedule }, ctx) => {
    // Equal instalments: the last one's date, computed, stays in the window its first date is checked against.
    if (schedule.kind !== "equal") return;
    const last = addMonths(schedule.firstDate, (schedule.count - 1) * schedule.intervalMonths);
    const problem = schemas.dateWindowProblem(last, currentDateWindow());
    if (problem)
      ctx.addIssue({
        code: "custom",
        path: ["schedule", "count"],
        message: `la dernière échéance tomberait le ${frenchDate(last)} : ${problem}`,
      });
  });
export type RefundBody = z.output<typeof refundBodySchema>;

export const rejectBodySchema = z.strictObject({
  reason: schemas.text({
    error: "doit être un texte",
    required: "le motif du refus est obligatoire",
    max: 1000,
    multiline: true,
  }),
});

export const emptyBodySchema = z.strictObject({});

export const instalmentPaidBodySchema = z.strictObject({
  paidOn: BOUNDED.date.optional(),
});
