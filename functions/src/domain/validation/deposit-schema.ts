import { z } from "zod";
import {
  ENGINE_SCALARS,
  Scalars,
  calendarDate,
  customerKind,
  depositKind,
  labelText,
  percent,
  positiveAmount,
  rateAmounts,
  supplyKind,
  vatRate,
} from "./primitives";
import { text } from "./text";

export const orderLineSchemaOf = (s: Scalars) =>
  z.strictObject({
    id: text({
      error: "doit être un identifiant de ligne",
      max: 64,
      tooLong: "identifiant trop long (64 caractères au plus)",
      trim: false,
    }).optional(),
    label: labelText.optional(),
    vatRate,
    net: s.money,
  });
export const orderLineSchema = orderLineSchemaOf(ENGINE_SCALARS);

export const depositInvoiceInputSchema = z.strictObject({
  kind: depositKind.optional(),
  customerKind,
  supplyKind,
  order: z.strictObject({
    lines: z
      .array(orderLineSchema, { error: "doit être une liste de lignes" })
      .min(1, { message: "au moins une ligne de commande" }),
  }),
  deposit: z
    .strictObject({ percent: percent.optional(), amount: positiveAmount.optional() })
    .refine((d) => (d.percent === undefined) !== (d.amount === undefined), {
      message: "indiquez soit un pourcentage, soit un montant TTC, pas les deux",
    }),
  invoiceDate: calendarDate,
  cashedDate: calendarDate.optional(),
  vatOnDebits: z.boolean({ error: "doit être true ou false" }).optional(),
  arrhesVatOnReceipt: z.boolean({ error: "doit être true ou false" }).optional(),
});
export type DepositInvoiceInput = z.input<typeof depositInvoiceInputSchema>;

export const vatDueInputSchema = z.strictObject({
  supplyKind,
  invoiceDate: calendarDate,
  cashedDate: calendarDate.optional(),
  vatOnDebits: z.boolean({ error: "doit être true ou false" }).optional(),
  vatApplies: z.boolean({ error: "doit être true ou false" }).optional(),
});

/** A deposit invoice already issued, as a final invoice or a credit note cites it. */
export const issuedDepositSchema = z.strictObject({
  number: text({
    error: "doit être un numéro de facture",
    required: "le numéro est obligatoire",
    max: 64,
    trim: false,
  }),
  date: calendarDate,
  lines: z
    .array(rateAmounts, { error: "doit être une liste de montants par taux" })
    .min(1, { message: "au moins une ligne par taux" }),
});

export const finalInvoiceInputSchema = z.strictObject({
  supplyKind,
  lines: z
    .array(orderLineSchema, { error: "doit être une liste de lignes" })
    .min(1, { message: "au moins une ligne de facture" }),
  deposits: z
    .array(issuedDepositSchema.extend({ paidDate: calendarDate.optional() }), {
      error: "doit être une liste de factures d'acompte",
    })
    .default([]),
  /** With `date` (the delivery) and each deposit's `paidDate`: a consumer's advances on goods earn L214-2 interest. */
  customerKind: customerKind.optional(),
  date: calendarDate.optional(),
});
export type FinalInvoiceInput = z.input<typeof finalInvoiceInputSchema>;
