import { z } from "zod";
import { money, sumMoney } from "../money/money";
import {
  calendarDate,
  documentNumber,
  labelText,
  moneyAmount,
  positiveAmount,
  rateAmounts,
  supplyKind,
} from "./primitives";

/** A PCG account number, classes 1 to 7. */
export const accountNumberSchema = z
  .string({ error: "doit être un numéro de compte" })
  .regex(/^[1-7][0-9A-Z]{2,15}$/, { message: "numéro de compte du plan comptable invalide (classe 1 à 7, ex. 4191)" });

export const chartOverridesSchema = z
  .strictObject({
    bank: accountNumberSchema,
    customers: accountNumberSchema,
    depositsReceived: accountNumberSchema,
    vatCollected: accountNumberSchema,
    vatAwaitingPayment: accountNumberSchema,
    salesGoods: accountNumberSchema,
    salesServices: accountNumberSchema,
    compensationKept: accountNumberSchema,
    compensationPaid: accountNumberSchema,
    interestPaid: accountNumberSchema,
    latePenaltiesReceived: accountNumberSchema,
  })
  .partial();

const head = {
  date: calendarDate,
  pieceRef: documentNumber,
  label: labelText.optional(),
  chart: chartOverridesSchema.optional(),
};

const rateLines = z
  .array(rateAmounts, { error: "doit être une liste de montants par taux" })
  .min(1, { message: "au moins une ligne par taux" });

export const depositCashedEntryInputSchema = z.strictObject({ ...head, lines: rateLines });
export const finalInvoiceEntryInputSchema = z.strictObject({
  ...head,
  supplyKind,
  lines: rateLines,
  deposits: z.array(rateAmounts, { error: "doit être une liste de montants par taux" }).default([]),
  /** L214-2 interest deducted from the balance (a consumer's advances held over three months). */
  advanceInterest: positiveAmount.optional(),
  /** Its VAT waits on the pending account until the customer pays (services without the option for debits). */
  vatOnPayment: z.boolean({ error: "doit valoir true ou false" }).optional(),
});
export const vatOnPaymentEntryInputSchema = z.strictObject({
  ...head,
  invoiceNumber: documentNumber,
  lines: rateLines,
});
export const creditNoteEntryInputSchema = z.strictObject({ ...head, lines: rateLines });
export const refundPaidEntryInputSchema = z.strictObject({ ...head, amount: positiveAmount });
/**
 * A customer payment. `factorShares`: the part that settles invoices assigned to
 * a factor, per factor account (their receivable was moved there when they
 * were issued): credited there instead of the customers account, so it can
 * never exceed the payment.
 */
export const paymentReceivedEntryInputSchema = z
  .strictObject({
    ...head,
    amount: positiveAmount,
    factorShares: z
      .array(z.strictObject({ account: accountNumberSchema, amount: positiveAmount }), {
        error: "doit être une liste de comptes de factor et de montants",
      })
      .max(100, { message: "100 comptes de factor au plus" })
      .optional(),
  })
  .superRefine((input, ctx) => {
    const factored = sumMoney((input.factorShares ?? []).map((f) => money(f.amount)));
    if (factored.greaterThan(money(input.amount)))
      ctx.addIssue({ code: "custom", path: ["factorShares"], message: "dépasse le montant du règlement" });
  });
export const compensationEntryInputSchema = z.strictObject({
  ...head,
  amount: positiveAmount,
  direction: z.enum(["payable", "kept"], { error: "doit valoir payable (due au client) ou kept (conservée)" }),
  kind: z.enum(["arrhes_forfeited", "arrhes_doubled", "late_refund_increase", "advance_interest"], {
    error: "type d'indemnité inconnu (arrhes_forfeited, arrhes_doubled, late_refund_increase, advance_interest)",
  }),
});

/** A penalty invoice: the penalties and the indemnity it claims, either may be zero (penaltyClaim never gives both zero). */
export const penaltyInvoiceEntryInputSchema = z.strictObject({
  ...head,
  penalties: moneyAmount,
  indemnity: moneyAmount,
});

/** An invoice's receivable assigned to a factor: what is left to pay on it moves to the factor's account. */
export const factoringAssignmentEntryInputSchema = z.strictObject({
  ...head,
  amount: positiveAmount,
  factor: labelText,
  factorAccount: accountNumberSchema,
});

export type DepositCashedEntryInput = z.input<typeof depositCashedEntryInputSchema>;
export type FinalInvoiceEntryInput = z.input<typeof finalInvoiceEntryInputSchema>;
export type CreditNoteEntryInput = z.input<typeof creditNoteEntryInputSchema>;
export type RefundPaidEntryInput = z.input<typeof refundPaidEntryInputSchema>;
export type PaymentReceivedEntryInput = z.input<typeof paymentReceivedEntryInputSchema>;
export type CompensationEntryInput = z.input<typeof compensationEntryInputSchema>;
export type PenaltyInvoiceEntryInput = z.input<typeof penaltyInvoiceEntryInputSchema>;
export type FactoringAssignmentEntryInput = z.input<typeof factoringAssignmentEntryInputSchema>;
export type VatOnPaymentEntryInput = z.input<typeof vatOnPaymentEntryInputSchema>;
