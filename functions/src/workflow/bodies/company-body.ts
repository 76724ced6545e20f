import { z } from "zod";
import { schemas } from "../../domain";
import { reminderSettingsSchema } from "../../domain/reminders/reminder-settings";
import { sirenSchema } from "./siren";

/**
 * A company's settings as an operator types them (functions/dev/configure-company.ts).
 * Day-based payment terms stop at 60 days, the legal cap of L441-10 for
 * terms counted from the invoice date.
 */
export const companySettingsSchema = z.strictObject({
  name: z
    .string({ error: "doit être une raison sociale" })
    .trim()
    .min(1, { message: "la raison sociale est obligatoire" })
    .max(200, { message: "200 caractères au plus" }),
  siren: sirenSchema,
  vatOnDebits: z.boolean({ error: "doit valoir true (option pour les débits) ou false" }),
  arrhesVatOnReceipt: z.boolean({ error: "doit valoir true (TVA sur les arrhes à l'encaissement) ou false" }),
  accounts: schemas.chartOverridesSchema.default({}),
  approvalThreshold: schemas.positiveAmount,
  paymentTerms: z.discriminatedUnion(
    "kind",
    [
      z.strictObject({
        kind: z.literal("days"),
        days: z
          .number({ error: "doit être un nombre de jours" })
          .int({ message: "doit être un nombre entier de jours" })
          .min(0, { message: "ne peut pas être négatif" })
          .max(60, { message: "60 jours au plus à compter de la date de facture (L441-10)" }),
      }),
      z.strictObject({ kind: z.literal("endOfMonth45") }),
    ],
    { error: 'doit valoir { kind: "days", days: N } ou { kind: "endOfMonth45" }' },
  ),
});

export const companyConfigurationSchema = z.strictObject({
  settings: companySettingsSchema,
  reminderSettings: reminderSettingsSchema.optional(),
});

export type CompanyConfiguration = z.output<typeof companyConfigurationSchema>;
