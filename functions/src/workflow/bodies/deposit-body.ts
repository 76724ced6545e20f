import { z } from "zod";
import { schemas } from "../../domain";
import { customerSchema } from "./customer";

/** POST …/deposits. The invoice date is the day of the call (chronological numbering). */
export const depositBodySchema = z.strictObject({
  customer: customerSchema,
  orderRef: z
    .string({ error: "doit être une référence de commande" })
    .trim()
    .min(1, { message: "la référence de commande est obligatoire" })
    .max(64, { message: "64 caractères au plus" }),
  kind: schemas.depositKind.optional(),
  supplyKind: schemas.supplyKind,
  order: z.strictObject({
    lines: z
      .array(schemas.orderLineSchema, { error: "doit être une liste de lignes" })
      .min(1, { message: "au moins une ligne de commande" })
      .max(200, { message: "200 lignes au plus" }),
  }),
  deposit: z.strictObject({ percent: schemas.percent.optional(), amount: schemas.positiveAmount.optional() }),
  cashedDate: schemas.calendarDate,
  paymentMeans: z.enum(["virement", "carte", "cheque", "especes", "prelevement"], {
    error: "moyen de paiement inconnu (virement, carte, cheque, especes, prelevement)",
  }),
});
export type DepositBody = z.output<typeof depositBodySchema>;
