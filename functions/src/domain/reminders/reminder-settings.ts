import { z } from "zod";

/** Per-company reminder settings (company document field `reminders`); every delay in calendar days. */
export const reminderSettingsSchema = z.object({
  companyName: z.string().min(1),
  approval: z
    .object({ afterDays: z.number().int().min(1).default(2), repeatEveryDays: z.number().int().min(0).default(2) })
    .prefault({}),
  instalment: z
    .object({
      daysBefore: z.number().int().min(0).default(3),
      overdueRepeatEveryDays: z.number().int().min(0).default(7),
    })
    .prefault({}),
  consumerRefund: z.object({ warnDaysBefore: z.number().int().min(0).default(3) }).prefault({}),
  dunning: z
    .object({
      /** Days after the due date for levels 1 (courtesy), 2 (firm), 3 (formal notice). */
      levelDays: z
        .tuple([z.number().int().min(1), z.number().int().min(1), z.number().int().min(1)])
        .refine(([a, b, c]) => a < b && b < c, "Les délais des niveaux de relance doivent croître.")
        .default([7, 21, 45]),
    })
    .prefault({}),
  recipients: z.object({
    treasury: z.array(z.email()).min(1),
    accounting: z.array(z.email()).min(1),
    /** Who receives the daily anchor of the chains (statutory auditor, chartered accountant); none: not mailed. */
    auditors: z.array(z.email()).default([]),
  }),
});

export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;
