import { z } from "zod";
import {
  ENGINE_SCALARS,
  Scalars,
  calendarDate,
  customerKind,
  depositKind,
  documentNumber,
  moneyAmount,
  positiveAmount,
  rateAmounts,
  refundReason,
  supplyKind,
  vatRate,
} from "./primitives";
import { schedulePlanSchema } from "./schedule-schema";

const rateAmountsList = z.array(rateAmounts, { error: "doit être une liste de montants par taux" });

/** A credit note (issued or requested) as the net and VAT it reverses per rate. */
export const reversalSchema = z.strictObject({ lines: rateAmountsList });

export const refundableBalanceInputSchema = z.strictObject({
  deposit: z.strictObject({ lines: rateAmountsList.min(1, { message: "au moins une ligne par taux" }) }),
  issuedRefunds: z.array(reversalSchema, { error: "doit être une liste d'avoirs" }).default([]),
  refundsInFlight: z.array(reversalSchema, { error: "doit être une liste de demandes" }).default([]),
});
export type RefundableBalanceInput = z.input<typeof refundableBalanceInputSchema>;

/** What is refunded: everything left, a gross amount, or a net amount per VAT rate. */
export const refundScopeSchemaOf = (s: Scalars) =>
  z.discriminatedUnion(
    "kind",
    [
      z.strictObject({ kind: z.literal("full") }),
      z.strictObject({ kind: z.literal("amount"), amount: s.positive }),
      z.strictObject({
        kind: z.literal("lines"),
        lines: z
          .array(z.strictObject({ vatRate, net: s.positive }), { error: "doit être une liste de lignes" })
          .min(1, { message: "au moins une ligne" })
          .max(20, { message: "au plus 20 lignes" }),
      }),
    ],
    { error: "étendue inconnue (totalité, montant TTC ou montants HT par taux de TVA)" },
  );
export const refundScopeSchema = refundScopeSchemaOf(ENGINE_SCALARS);

export const openInvoiceSchema = z.strictObject({
  number: documentNumber,
  dueDate: calendarDate,
  outstanding: positiveAmount,
});

export const settlementChoiceSchemaOf = (s: Scalars) =>
  z.strictObject({
    offsets: z
      .array(z.strictObject({ invoiceNumber: documentNumber, amount: s.positive }), {
        error: "doit être une liste de compensations",
      })
      .max(50, { message: "au plus 50 compensations" })
      .optional(),
    keepAsCredit: s.money.optional(),
  });
export const settlementChoiceSchema = settlementChoiceSchemaOf(ENGINE_SCALARS);

export const settlementInputSchema = z.strictObject({
  total: moneyAmount,
  openInvoices: z.array(openInvoiceSchema, { error: "doit être une liste de factures" }).default([]),
  choice: settlementChoiceSchema.optional(),
});
export type SettlementInput = z.input<typeof settlementInputSchema>;

export const refundQuoteInputSchema = z
  .strictObject({
    deposit: z.strictObject({
      number: documentNumber,
      date: calendarDate,
      paidDate: calendarDate,
      kind: depositKind,
      customerKind,
      supplyKind,
      lines: rateAmountsList.min(1, { message: "au moins une ligne par taux" }),
    }),
    issuedRefunds: z.array(reversalSchema, { error: "doit être une liste d'avoirs" }).default([]),
    refundsInFlight: z.array(reversalSchema, { error: "doit être une liste de demandes" }).default([]),
    reason: refundReason,
    scope: refundScopeSchema,
    approvalDate: calendarDate,
    /** B2C: the day the consumer terminated the contract or withdrew; the refund is due 14 days later. */
    terminationDate: calendarDate.optional(),
    /** When the refund is (or will be) paid; by default the schedule's last due date. */
    refundDate: calendarDate.optional(),
    openInvoices: z.array(openInvoiceSchema, { error: "doit être une liste de factures" }).default([]),
    settlement: settlementChoiceSchema.optional(),
    schedule: schedulePlanSchema,
  })
  .superRefine((input, ctx) => {
    const { deposit } = input;
    if (deposit.paidDate > input.approvalDate) {
      ctx.addIssue({
        code: "custom",
        path: ["approvalDate"],
        message: "la date d'approbation précède l'encaissement de l'acompte",
      });
    }
    if (input.terminationDate && input.terminationDate < deposit.paidDate) {
      ctx.addIssue({
        code: "custom",
        path: ["terminationDate"],
        message: "la date de résolution précède le paiement de l'acompte",
      });
    }
    if (input.refundDate && input.refundDate < input.approvalDate) {
      ctx.addIssue({
        code: "custom",
        path: ["refundDate"],
        message: "la date de remboursement précède la date d'approbation",
      });
    }
  });
export type RefundQuoteInput = z.input<typeof refundQuoteInputSchema>;
export type ParsedRefundQuoteInput = z.output<typeof refundQuoteInputSchema>;

export const entitlementInputSchema = z.strictObject({ depositKind, customerKind, supplyKind, reason: refundReason });
