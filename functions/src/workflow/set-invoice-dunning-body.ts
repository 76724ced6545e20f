import { z } from "zod";
import { schemas } from "../domain";
import { BOUNDED } from "./bodies/bounded-scalars";

/**
 * POST …/invoices/{id}/dunning: the invoice's collection state. `disputed`
 * is always given; `promiseUntil` omitted keeps the current promise, null
 * ends it. Whether the promise date is past is checked against the
 * service's date, in the command.
 */
export const invoiceDunningBodySchema = z
  .strictObject({
    disputed: z.boolean({ error: "doit être un booléen (true ou false)" }),
    disputeReason: schemas
      .text({
        error: "doit être un texte",
        required: "le motif du litige ne peut pas être vide",
        max: 500,
        multiline: true,
      })
      .optional(),
    promiseUntil: BOUNDED.date.nullable().optional(),
  })
  .superRefine((body, ctx) => {
    if (body.disputed && body.disputeReason === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["disputeReason"],
        message: "un litige doit être motivé : indiquez ce que le client conteste",
      });
  });
export type InvoiceDunningBody = z.output<typeof invoiceDunningBodySchema>;
