/**
 * What a customer's risk profile is computed from: its invoices with what
 * settled them and their dunning state, the orders in progress, the deposits
 * held and its limits — plain JSON, as slice 3 reads it from Firestore.
 */
import { z } from "zod";
import type { CalendarDate } from "../dates/calendar-date";
import type { MoneyString } from "../money/money";
import { Dec } from "../money/money";
import { calendarDate, documentNumber, moneyAmount, positiveAmount } from "../validation/primitives";
import { text } from "../validation/text";

/** One invoice of the customer (deposit invoices are issued paid: leave them out). */
export interface CustomerInvoiceHistory {
  invoiceId: string;
  number: string;
  issuedOn: CalendarDate;
  dueDate: CalendarDate;
  gross: MoneyString;
  openAmount: MoneyString;
  /** What settled it (payments, offsets), oldest first. */
  payments: { on: CalendarDate; amount: MoneyString }[];
  /** The invoice's current InvoiceDunning. */
  disputed: boolean;
  promiseUntil: CalendarDate | null;
  /** Highest letter sent (lastDunningLetter.level), 0 before the first. */
  dunningLevel: 0 | 1 | 2 | 3;
  /** Assigned to a factor (with recourse: still the company's risk). */
  factored?: boolean;
}

/** riskProfile's input: one customer's invoices, orders, deposits and limits as of a day. */
export interface RiskInputs {
  asOf: CalendarDate;
  invoices: CustomerInvoiceHistory[];
  /** Order amounts not yet invoiced (gross). */
  ordersInProgress: MoneyString;
  /** Deposits received and not yet deducted or refunded (gross). */
  depositsHeld: MoneyString;
  creditLimit: MoneyString | null;
  insuredLimit: MoneyString | null;
}

const invoiceId = text({
  error: "doit être un identifiant de facture",
  required: "l'identifiant de facture est obligatoire",
  max: 128,
  tooLong: "identifiant trop long (128 caractères au plus)",
});

const invoiceHistorySchema = z
  .strictObject({
    invoiceId,
    number: documentNumber,
    issuedOn: calendarDate,
    dueDate: calendarDate,
    gross: moneyAmount,
    openAmount: moneyAmount,
    payments: z.array(z.strictObject({ on: calendarDate, amount: positiveAmount }), {
      error: "doit être une liste de règlements",
    }),
    disputed: z.boolean({ error: "doit être un booléen (true ou false)" }),
    promiseUntil: calendarDate.nullable(),
    dunningLevel: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], {
      error: "doit être un niveau de relance (0, 1, 2 ou 3)",
    }),
    factored: z.boolean({ error: "doit être un booléen (true ou false)" }).optional(),
  })
  .superRefine((inv, ctx) => {
    if (new Dec(inv.openAmount).greaterThan(inv.gross))
      ctx.addIssue({ code: "custom", path: ["openAmount"], message: "le reste dû dépasse le montant TTC" });
    if (inv.dueDate < inv.issuedOn)
      ctx.addIssue({ code: "custom", path: ["dueDate"], message: "la date d'échéance précède la date de facture" });
  });

/** riskProfile's input, validated (French messages naming each field). */
export const riskInputsSchema = z
  .strictObject({
    asOf: calendarDate,
    invoices: z.array(invoiceHistorySchema, { error: "doit être une liste de factures" }),
    ordersInProgress: moneyAmount,
    depositsHeld: moneyAmount,
    creditLimit: moneyAmount.nullable(),
    insuredLimit: moneyAmount.nullable(),
  })
  .superRefine((input, ctx) => {
    input.invoices.forEach((inv, i) =>
      inv.payments.forEach((p, j) => {
        if (p.on > input.asOf)
          ctx.addIssue({
            code: "custom",
            path: ["invoices", i, "payments", j, "on"],
            message: "le règlement est postérieur à la date d'arrêté",
          });
      }),
    );
  });
