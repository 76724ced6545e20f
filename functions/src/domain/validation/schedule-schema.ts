import { z } from "zod";
import { ENGINE_SCALARS, Scalars, calendarDate, moneyAmount, percent } from "./primitives";

const count = z
  .number({ error: "doit être un nombre entier" })
  .int({ message: "doit être un nombre entier" })
  .min(1, { message: "au moins 1" })
  .max(120, { message: "au plus 120" });

/** How a refund is spread: one payment, equal instalments, percentages, or explicit dates and amounts. */
export const schedulePlanSchemaOf = (s: Scalars) =>
  z.discriminatedUnion(
    "kind",
    [
      z.strictObject({ kind: z.literal("single"), date: s.date }),
      z.strictObject({
        kind: z.literal("equal"),
        count,
        firstDate: s.date,
        intervalMonths: z
          .number({ error: "doit être un nombre entier" })
          .int({ message: "doit être un nombre entier" })
          .min(1, { message: "au moins 1" })
          .max(12, { message: "au plus 12" })
          .default(1),
      }),
      z.strictObject({
        kind: z.literal("percentages"),
        instalments: z
          .array(z.strictObject({ dueDate: s.date, percent }), { error: "doit être une liste d'échéances" })
          .min(1, { message: "au moins une échéance" })
          .max(120, { message: "au plus 120 échéances" }),
      }),
      z.strictObject({
        kind: z.literal("dates"),
        instalments: z
          .array(z.strictObject({ dueDate: s.date, amount: s.positive }), {
            error: "doit être une liste d'échéances",
          })
          .min(1, { message: "au moins une échéance" })
          .max(120, { message: "au plus 120 échéances" }),
      }),
    ],
    { error: "type d'échéancier inconnu (paiement unique, échéances égales, pourcentages ou dates)" },
  );
export const schedulePlanSchema = schedulePlanSchemaOf(ENGINE_SCALARS);
export type SchedulePlan = z.input<typeof schedulePlanSchema>;

export const scheduleInputSchema = z.strictObject({
  total: moneyAmount,
  approvalDate: calendarDate,
  plan: schedulePlanSchema,
});
export type ScheduleInput = z.input<typeof scheduleInputSchema>;
