import { PAYMENT_MEANS_LABELS, admittedLabels } from "../../domain/vocabulary/labels";
import { z } from "zod";
import { schemas } from "../../domain";
import { BOUNDED, orderLines } from "./bounded-scalars";
import { customerSchema } from "./customer";
import { orderRefSchema } from "./order-ref";

/** POST …/deposits. The invoice date is the day of the call (chronological numbering). */
export const depositBodySchema = z.strictObject({
  customer: customerSchema,
  orderRef: orderRefSchema,
  kind: schemas.depositKind.optional(),
  supplyKind: schemas.supplyKind,
  order: z.strictObject({
    lines: orderLines("au moins une ligne de commande", "le total TTC de la commande"),
  }),
  deposit: z.strictObject({ percent: schemas.percent.optional(), amount: BOUNDED.positive.optional() }),
  cashedDate: BOUNDED.date,
  paymentMeans: z.enum(["virement", "carte", "cheque", "especes", "prelevement"], {
    error: `moyen de paiement inconnu (${admittedLabels(PAYMENT_MEANS_LABELS)})`,
  }),
});
export type DepositBody = z.output<typeof depositBodySchema>;
