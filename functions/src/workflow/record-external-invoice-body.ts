import { z } from "zod";
import { formatMoney, money, schemas } from "../domain";
import { BOUNDED, checkTotal } from "./bodies/bounded-scalars";
import { customerSchema } from "./bodies/customer";
import { optionalOrderRefSchema } from "./bodies/order-ref";

/** Net + VAT of amounts already checked as decimals. */
function grossOf(lines: { net: string; vat: string }[]): string {
  return formatMoney(lines.reduce((sum, l) => sum.plus(money(l.net)).plus(money(l.vat)), money(0)));
}

/**
 * POST …/invoices/external: an invoice another tool already issued, as
 * printed there — its own number and date, the customer, and either its
 * amounts per VAT rate or only its totals.
 */
export const externalInvoiceBodySchema = z
  .strictObject({
    number: schemas.documentNumber,
    date: BOUNDED.date,
    customer: customerSchema,
    orderRef: optionalOrderRefSchema.optional(),
    /** Net and VAT per rate as printed (gross optional, checked = net + VAT). */
    lines: z
      .array(schemas.rateAmountsOf(BOUNDED), { error: "doit être une liste de montants par taux" })
      .min(1, { message: "au moins une ligne par taux" })
      .max(10, { message: "10 taux au plus" })
      .superRefine((lines, ctx) => checkTotal(ctx, grossOf(lines), "le total TTC de la facture"))
      .optional(),
    /** When the rates are unknown: the invoice's totals. */
    total: z
      .strictObject({ net: BOUNDED.money, vat: BOUNDED.money, gross: BOUNDED.money.optional() })
      .superRefine((total, ctx) => checkTotal(ctx, grossOf([total]), "le total TTC de la facture"))
      .optional(),
    /** Gross of the deposits the invoice deducted (invoiced in the other tool). */
    depositsDeducted: BOUNDED.money.optional(),
    /** What the invoice asks to pay; when given it must be gross − deposits deducted. */
    amountDue: BOUNDED.money.optional(),
    /** Absent: the company's payment terms from the invoice date. */
    dueDate: BOUNDED.date.optional(),
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
