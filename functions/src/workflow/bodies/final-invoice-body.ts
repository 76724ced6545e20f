import { z } from "zod";
import { schemas } from "../../domain";
import { customerSchema } from "./customer";

/** POST …/invoices/final: the order's full price; its deposits are found by orderRef. */
export const finalInvoiceBodySchema = z.strictObject({
  orderRef: z
    .string({ error: "doit être une référence de commande" })
    .trim()
    .min(1, { message: "la référence de commande est obligatoire" })
    .max(64, { message: "64 caractères au plus" }),
  /** Required when the order has no deposit (otherwise the deposits' customer is used). */
  customer: customerSchema.optional(),
  supplyKind: schemas.supplyKind,
  lines: z
    .array(schemas.orderLineSchema, { error: "doit être une liste de lignes" })
    .min(1, { message: "au moins une ligne de facture" })
    .max(200, { message: "200 lignes au plus" }),
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
