import { PAYMENT_MEANS_LABELS, admittedLabels } from "../../domain/vocabulary/labels";
import { z } from "zod";
import { BOUNDED } from "./bounded-scalars";
import { customerSchema } from "./customer";
import { documentId } from "./document-id";

/** POST …/payments: a customer payment and the invoices it pays, in the order to match them. */
export const paymentBodySchema = z.strictObject({
  customer: customerSchema,
  date: BOUNDED.date,
  amount: BOUNDED.positive,
  means: z.enum(["virement", "carte", "cheque", "especes", "prelevement"], {
    error: `moyen de paiement inconnu (${admittedLabels(PAYMENT_MEANS_LABELS)})`,
  }),
  invoiceIds: z
    .array(documentId("de facture"), {
      error: "doit être une liste de factures",
    })
    .max(50, { message: "50 factures au plus" }),
});
export type PaymentBody = z.output<typeof paymentBodySchema>;
