import { z } from "zod";
import { schemas } from "../../domain";
import { reminderSettingsSchema } from "../../domain/reminders/reminder-settings";
import { sirenSchema } from "./siren";

/**
 * A company's settings as an operator types them (functions/tools/configure-company.ts);
 * its output is the stored CompanySettings (model/company.ts).
 */
export const companySettingsSchema = z.strictObject({
  name: z
    .string({ error: "doit être une raison sociale" })
    .trim()
    .min(1, { message: "la raison sociale est obligatoire" })
    .max(200, { message: "200 caractères au plus" }),
  siren: sirenSchema,
  /** VAT regime: true when the company opted for VAT on debits (services). */
  vatOnDebits: z.boolean({ error: "doit valoir true (option pour les débits) ou false" }),
  /** Company choice (unsettled law): is VAT booked when arrhes are received? */
  arrhesVatOnReceipt: z.boolean({ error: "doit valoir true (TVA sur les arrhes à l'encaissement) ou false" }),
  /** Overrides of the engine's default PCG chart (functions/src/domain/ledger/chart-of-accounts.ts). */
  accounts: schemas.chartOverridesSchema.default({}),
  /** Gross amount (decimal string) at or above which a refund needs sales AND accounting approval. */
  approvalThreshold: schemas.positiveAmount,
  /**
   * Payment terms of final invoices, capped by the legal limits (L441-10):
   * day-based terms stop at 60 days from the invoice date.
   */
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
