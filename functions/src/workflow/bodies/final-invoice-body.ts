import { z } from "zod";
import { schemas } from "../../domain";
import { orderLines } from "./bounded-scalars";
import { customerSchema } from "./customer";
import { orderRefSchema } from "./order-ref";

/** POST …/invoices/final: the order's full price; its deposits are found by orderRef. */
export const finalInvoiceBodySchema = z.strictObject({
  orderRef: orderRefSchema,
  /** Required when the order has no deposit (otherwise the deposits' customer is used). */
  customer: customerSchema.optional(),
  supplyKind: schemas.supplyKind,
  lines: orderLines("au moins une ligne de facture", "le total TTC de la facture"),
  /** Overrides the company's terms for this invoice (still capped by law). */
  paymentTermsDays: z
    .number({ error: "doit être un nombre de jours" })
    .int({ message: "nombre entier" })
    .min(0, { message: "au moins 0" })
    .max(60, { message: "60 jours au plus (Code de commerce L441-10)" })
    .optional(),
  /**
   * The contract's late-payment penalty rate (annual %, e.g. "12"), when the
   * terms set one; the engine still applies at least 3 × the legal rate (L441-10).
   */
  penaltyRate: schemas.percent.optional(),
});
export type FinalInvoiceBody = z.output<typeof finalInvoiceBodySchema>;
