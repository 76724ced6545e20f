import { z } from "zod";
import { isFiscalYearEnd, schemas } from "../../domain";
import type { CompanySettings } from "../../model/company";
import { factorsSchema } from "../../domain/customers/factors";
import { insurersSchema } from "../../domain/customers/insurers";
import { reminderSettingsSchema } from "../../domain/reminders/reminder-settings";
import { bicSchema, ibanSchema } from "./bank-details";
import { BOUNDED } from "./bounded-scalars";
import { checkSameSiren, legalIdentityFields } from "./legal-identity";
import { sirenSchema } from "./siren";
import { csvStatementLayoutSchema } from "./csv-layout-body";

/** A whole number of months or days between `min` and `max`, refused in French otherwise. */
function wholeCount(unit: "mois" | "jours", min: number, max: number) {
  return z
    .number({ error: `doit être un nombre de ${unit}` })
    .int({ message: `doit être un nombre entier de ${unit}` })
    .min(min, { message: min === 0 ? "ne peut pas être négatif" : `au moins ${min} ${unit}` })
    .max(max, { message: `${max} ${unit} au plus` });
}

/**
 * An optional setting whose schema fills in its defaults even from nothing
 * (`prefault`): absent stays absent, so a company that never set it reads
 * the defaults of the day, not those frozen when it was configured.
 */
function leftOutWhenAbsent<T extends z.ZodType>(schema: T) {
  return z
    .unknown()
    .transform((value, ctx): z.output<T> => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        ctx.addIssue({ code: "custom", message: "doit être un objet JSON de réglages" });
        return z.NEVER;
      }
      const parsed = schema.safeParse(value, { reportInput: true });
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: "custom", path: issue.path });
      return z.NEVER;
    })
    .optional();
}

/**
 * A company's settings as an operator types them (functions/tools/configure-company.ts);
 * its output is the stored CompanySettings (model/company.ts).
 */
export const companySettingsSchema = z
  .strictObject({
    name: schemas.text({
      error: "doit être une raison sociale",
      required: "la raison sociale est obligatoire",
      max: 200,
    }),
    siren: sirenSchema,
    /**
     * The seller's legal identity printed on every document (legal form,
     * share capital, address, SIRET, RCS city, intra-EU VAT number): optional
     * here, required by documentReadiness before a document is issued.
     */
    ...legalIdentityFields,
    /** VAT regime: true when the company opted for VAT on debits (services). */
    vatOnDebits: z.boolean({ error: "doit valoir true (option pour les débits) ou false" }),
    /** Company choice (unsettled law): is VAT booked when arrhes are received? */
    arrhesVatOnReceipt: z.boolean({ error: "doit valoir true (TVA sur les arrhes à l'encaissement) ou false" }),
    /** Overrides of the engine's default PCG chart (functions/src/domain/ledger/chart-of-accounts.ts). */
    accounts: schemas.chartOverridesSchema.default({}),
    /** Gross amount (decimal string) at or above which a refund needs sales AND accounting approval. */
    approvalThreshold: BOUNDED.positive,
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
    /**
     * How far ahead a customer's payment promise may stop the dunning
     * letters, in months; absent: PAYMENT_PROMISE_MAX_MONTHS (6).
     */
    paymentPromiseMaxMonths: wholeCount("mois", 1, 24).optional(),
    /** Closing day of the fiscal year (`MM-DD`, e.g. "06-30"); absent: 31 December. The FEC's `year` is the year it closes in. */
    fiscalYearEnd: z
      .string({ error: "doit être un jour de clôture MM-JJ, par exemple 06-30" })
      .refine(isFiscalYearEnd, {
        message:
          "doit être un jour de clôture MM-JJ qui existe chaque année, par exemple 06-30 (02-28 pour fin février)",
      })
      .optional(),
    /** Large companies: the `Écritures` sheet shows only the last N months, the current one included. */
    journalSheetMonths: wholeCount("mois", 1, 120).optional(),
    /** The account refunds are transferred from: the debtor of « Préparer les virements » (docs/bank.md). */
    bankIban: ibanSchema.optional(),
    bankBic: bicSchema.optional(),
    /** Days a changed beneficiary IBAN holds its refund's transfers until a second person confirms it (0: no hold). */
    ibanChangeHoldDays: wholeCount("jours", 0, 365).optional(),
    /** Columns of the bank's CSV statement export (docs/bank.md « CSV statements »). */
    statementCsv: csvStatementLayoutSchema.optional(),
    /** Issue documents (files kept and sealed) and refuse one whose mandatory mentions are missing. */
    documentsEnabled: z.boolean({ error: "doit valoir true ou false" }).optional(),
    /** Mail each issued document to the customer (default true). */
    sendDocuments: z.boolean({ error: "doit valoir true ou false" }).optional(),
    /** Credit insurers and their policy's declaration delay (docs/customers-risk.md « Credit insurance »). */
    insurers: insurersSchema.optional(),
    /** Factors, their bank details and ledger account (docs/customers-risk.md « Factoring »). */
    factors: factorsSchema.optional(),
    /** Customer risk classes: any subset of the thresholds, each growing from B to D (docs/customers-risk.md). */
    riskThresholds: leftOutWhenAbsent(schemas.riskThresholdsSchema),
    /** Deposit and payment terms per risk class: any subset of the classes, a worse class never better treated. */
    depositPolicy: leftOutWhenAbsent(schemas.depositPolicySchema),
  })
  .superRefine((settings, ctx) => checkSameSiren(settings, ctx));

/** Compiles only while the schema's output is exactly the stored CompanySettings (both ways). */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type SettingsMatchStoredShape = Holds<Exactly<z.output<typeof companySettingsSchema>, CompanySettings>>;

export const companyConfigurationSchema = z.strictObject({
  settings: companySettingsSchema,
  reminderSettings: reminderSettingsSchema.optional(),
});

export type CompanyConfiguration = z.output<typeof companyConfigurationSchema>;
