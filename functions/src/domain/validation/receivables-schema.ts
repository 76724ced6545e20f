import { z } from "zod";
import { calendarDate, customerKind, documentNumber, moneyAmount, percent, positiveAmount } from "./primitives";
import { text } from "./text";

function datesInOrder<T extends Record<string, unknown>>(
  first: keyof T & string,
  second: keyof T & string,
  message: string,
) {
  return (value: T, ctx: z.RefinementCtx) => {
    const a = value[first];
    const b = value[second];
    if (typeof a === "string" && typeof b === "string" && b < a)
      ctx.addIssue({ code: "custom", path: [second], message });
  };
}

export const latePaymentPenaltiesInputSchema = z
  .strictObject({
    invoiceNumber: documentNumber.optional(),
    /** Gross amount paid late (or still unpaid). */
    amount: positiveAmount,
    dueDate: calendarDate,
    /** Penalties run up to this day (payment date, or today for an unpaid invoice). */
    asOf: calendarDate,
    /** Annual rate set by the contract, in %; at least 3 × the legal rate. */
    contractRate: percent.optional(),
  })
  .superRefine(datesInOrder("dueDate", "asOf", "la date d'arrêté précède la date d'échéance"));
export type LatePaymentPenaltiesInput = z.input<typeof latePaymentPenaltiesInputSchema>;

const LIST_ERROR = { error: "doit être une liste" } as const;

/** penaltyClaim's input: one late invoice, what settled it and when, and the earlier claims on it. */
export const penaltyClaimInputSchema = z
  .strictObject({
    customerKind,
    invoice: z.strictObject({
      number: documentNumber,
      date: calendarDate,
      dueDate: calendarDate,
      /** Gross the customer owed at issue (after deposits); zero when the deposits paid it all. */
      amountDue: moneyAmount,
    }),
    /** Each sum that settled the invoice (payment, offset) with its day. */
    settlements: z.array(z.strictObject({ date: calendarDate, amount: positiveAmount }), LIST_ERROR),
    /** The day of the claim: unpaid sums earn penalties up to it. */
    claimDate: calendarDate,
    contractRate: percent.optional(),
    /** Penalty invoices already issued for this invoice. */
    earlierClaims: z.array(
      z.strictObject({ number: documentNumber, date: calendarDate, penalties: moneyAmount, indemnity: moneyAmount }),
      LIST_ERROR,
    ),
    /** Whether the company claims the €40 indemnity (when not claimed yet); true when absent. */
    claimIndemnity: z.boolean({ error: "doit être un booléen (true ou false)" }).optional(),
  })
  .superRefine((value, ctx) => {
    value.settlements.forEach((s, i) => {
      if (s.date > value.claimDate)
        ctx.addIssue({
          code: "custom",
          path: ["settlements", i, "date"],
          message: "le règlement est postérieur à la date de la réclamation",
        });
    });
  });
export type PenaltyClaimInput = z.input<typeof penaltyClaimInputSchema>;

export const agedBalanceInputSchema = z.strictObject({
  asOf: calendarDate,
  items: z.array(
    z.strictObject({
      customer: text({
        error: "doit être un nom ou code client",
        required: "le client est obligatoire",
        max: 200,
        tooLong: "trop long (200 caractères au plus)",
        trim: false,
      }),
      reference: documentNumber,
      kind: z.enum(["invoice", "credit"], {
        error: "doit valoir invoice (facture) ou credit (avoir ou paiement non lettré)",
      }),
      dueDate: calendarDate,
      /** Amount still open, positive for invoices and credits alike. */
      amount: moneyAmount,
    }),
    { error: "doit être une liste de pièces" },
  ),
});
export type AgedBalanceInput = z.input<typeof agedBalanceInputSchema>;

export const dsoRatioInputSchema = z
  .strictObject({ receivables: moneyAmount, sales: positiveAmount, from: calendarDate, to: calendarDate })
  .superRefine(datesInOrder("from", "to", "la fin de période précède son début"));
export type DsoRatioInput = z.input<typeof dsoRatioInputSchema>;

const month = z
  .string({ error: "doit être un mois AAAA-MM" })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "mois invalide (format attendu AAAA-MM)" });

export const dsoCountBackInputSchema = z
  .strictObject({
    receivables: moneyAmount,
    /** Gross sales per month, oldest first, the last month being the closing month. */
    months: z
      .array(z.strictObject({ month, sales: moneyAmount }), { error: "doit être une liste de mois" })
      .min(1, { message: "au moins un mois" }),
  })
  .superRefine((value, ctx) => {
    value.months.forEach((m, i) => {
      if (i > 0 && m.month <= value.months[i - 1].month) {
        ctx.addIssue({
          code: "custom",
          path: ["months", i, "month"],
          message: "les mois doivent être dans l'ordre chronologique, sans doublon",
        });
      }
    });
  });
export type DsoCountBackInput = z.input<typeof dsoCountBackInputSchema>;
