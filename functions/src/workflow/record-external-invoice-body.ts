import { z } from "zod";
import { schemas } from "../domain";
import { customerSchema } from "./bodies/customer";

/**
 * POST …/invoices/external: an invoice another tool already issued, as
 * printed there — its own number and date, the customer, and either its
 * amounts per VAT rate or only its totals.
 */
export const externalInvoiceBodySchema = z
  .strictObject({
    number: schemas.documentNumber,
    date: schemas.calendarDate,
    customer: customerSchema,
    orderRef: z
      .string({ error: "doit être une référence de commande" })
      .trim()
      .max(64, { message: "64 caractères au plus" })
      .optional(),
    /** Net and VAT per rate as printed (gross optional, checked = net + VAT). */
    lines: z
      .array(schemas.rateAmounts, { error: "doit être une liste de montants par taux" })
      .min(1, { message: "au moins une ligne par taux" })
      .max(10, { message: "10 taux au plus" })
      .optional(),
    /** When the rates are unknown: the invoice's totals. */
    total: z
      .strictObject({ net: schemas.moneyAmount, vat: schemas.moneyAmount, gross: schemas.moneyAmount.optional() })
      .optional(),
    /** Gross of the deposits the invoice deducted (invoiced in the other tool). */
    depositsDeducted: schemas.moneyAmount.optional(),
    /** What the invoice asks to pay; when given it must be gross − deposits deducted. */
    amountDue: schemas.moneyAmount.optional(),
    /** Absent: the company's payment terms from the invoice date. */
    dueDate: schemas.calendarDate.optional(),
  })
  .refine((b) => (b.lines === undefined) !== (b.total === undefined), {
    path: ["lines"],
    message: "indiquez soit les montants par taux de TVA (lines), soit les totaux de la facture (total)",
  })
  .refine((b) => b.dueDate === undefined || b.dueDate >= b.date, {
    path: ["dueDate"],
    message: "l'échéance ne peut pas précéder la date de la facture",
  });
export type ExternalInvoiceBody = z.output<typeof externalInvoiceBodySchema>;
