import { frenchPercent } from "../reminders/french-amount";
import { CUSTOMER_KIND_LABELS, REFUND_REASON_LABELS, SUPPLY_KIND_LABELS, admittedLabels } from "../vocabulary/labels";
import { z } from "zod";
import { Dec } from "../money/money";
import { REFUND_REASONS } from "../refunds/refund-reason";
import { isValidCalendarDate } from "../dates/calendar-date";
import { VAT_RATES, VatRate, canonicalVatRate } from "../vat/vat-rates";
import { amountMaxProblem } from "./bounds";
import { shown, text } from "./text";

/**
 * Building blocks of every engine schema. Each check carries its French
 * message; `fieldErrors` (field-errors.ts) prefixes it with the field.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;

function decimalProblem(value: string, allowZero: boolean, noun: string, maxDigits = 13): string | null {
  if (!DECIMAL.test(value)) return `« ${shown(value)} » n'est pas un ${noun} décimal`;
  if (value.startsWith("-")) return `le ${noun} ne peut pas être négatif`;
  if ((value.split(".")[1] ?? "").length > 2) return `le ${noun} a plus de deux décimales`;
  if (!allowZero && /^[0.]+$/.test(value)) return `le ${noun} doit être supérieur à zéro`;
  if (value.split(".")[0].length > maxDigits) return `le ${noun} est trop grand`;
  return null;
}

/**
 * A decimal-string amount. Without `max`, the engine's own bound (13 digits
 * before the point); with it, the product's bound the API applies
 * (bounds.ts), named in the message.
 */
export function amountSchema(options: { allowZero: boolean; max?: string }) {
  return z.string({ error: "doit être un montant en chaîne décimale" }).superRefine((value, ctx) => {
    const problem =
      options.max === undefined
        ? decimalProblem(value, options.allowZero, "montant")
        : (decimalProblem(value, options.allowZero, "montant", Infinity) ??
          (new Dec(value).greaterThan(options.max) ? amountMaxProblem() : null));
    // Aborts: the checks of the object or list holding it (totals…) then only ever see decimals.
    if (problem) ctx.addIssue({ code: "custom", message: problem, continue: false });
  });
}

const amount = (allowZero: boolean) => amountSchema({ allowZero });

/** An amount ≥ 0 with at most two decimals, as a string ("3600.00"). */
export const moneyAmount = amount(true);
/** An amount > 0 with at most two decimals. */
export const positiveAmount = amount(false);

export const vatRate = z
  .string({ error: `doit être un taux de TVA en chaîne (${VAT_RATES.join(", ")})` })
  .transform((value, ctx): VatRate => {
    const rate = canonicalVatRate(value);
    if (rate === null) {
      ctx.addIssue({
        code: "custom",
        message: `taux de TVA inconnu « ${shown(value)} » (taux admis : ${VAT_RATES.map(frenchPercent).join(", ")})`,
      });
      return z.NEVER;
    }
    return rate;
  });

export const calendarDate = z.string({ error: "doit être une date AAAA-MM-JJ" }).refine(isValidCalendarDate, {
  message: "date invalide (format attendu AAAA-MM-JJ)",
  abort: true,
});

const percentOf = (allowZero: boolean) =>
  z.string({ error: 'doit être un pourcentage en chaîne décimale (exemple : "30")' }).superRefine((value, ctx) => {
    const problem = decimalProblem(value, allowZero, "pourcentage");
    if (problem) ctx.addIssue({ code: "custom", message: problem, continue: false });
    else if (Number(value) > 100)
      ctx.addIssue({ code: "custom", message: "le pourcentage ne peut pas dépasser 100", continue: false });
  });

/** A percentage in ]0, 100] with at most two decimals. */
export const percent = percentOf(false);
/** An annual rate in [0, 100] with at most two decimals (the ECB rate was 0 % from 2016 to 2022). */
export const annualRate = percentOf(true);

export const documentNumber = text({
  error: "doit être un numéro de document",
  required: "le numéro est obligatoire",
  max: 64,
  tooLong: "le numéro est trop long (64 caractères au plus)",
});

/** A line's or an entry's label, as typed. */
export const labelText = text({
  error: "doit être un libellé",
  max: 200,
  tooLong: "libellé trop long (200 caractères au plus)",
  trim: false,
});

export const customerKind = z.enum(["b2b", "b2c"], {
  error: `doit valoir ${admittedLabels(CUSTOMER_KIND_LABELS).replace(", ", " ou ")}`,
});
export const supplyKind = z.enum(["goods", "services"], {
  error: `doit valoir ${admittedLabels(SUPPLY_KIND_LABELS).replace(", ", " ou ")}`,
});
export const depositKind = z.enum(["acompte", "arrhes"], { error: "doit valoir acompte ou arrhes" });

export const refundReason = z.enum(REFUND_REASONS, {
  error: `motif inconnu (motifs admis : ${admittedLabels(REFUND_REASON_LABELS)})`,
});

/**
 * The scalars composite schemas are built from: the engine's own (wide
 * bounds, ENGINE_SCALARS) or the API's (the product's bounds, see
 * workflow/bodies/bounded-scalars.ts), so one shape serves both.
 */
export interface Scalars {
  /** An amount ≥ 0. */
  money: z.ZodString;
  /** An amount > 0. */
  positive: z.ZodString;
  date: z.ZodString;
}

export const ENGINE_SCALARS: Scalars = { money: moneyAmount, positive: positiveAmount, date: calendarDate };

/** Net, VAT (and optional gross) at one rate, as stored on a deposit or credit note. */
export const rateAmountsOf = (s: Scalars) =>
  z.strictObject({ vatRate, net: s.money, vat: s.money, gross: s.money.optional() }).superRefine((line, ctx) => {
    const parsable = [line.gross, line.net, line.vat].every((v) => v !== undefined && DECIMAL.test(v));
    if (parsable && !new Dec(line.gross as string).equals(new Dec(line.net).plus(line.vat))) {
      ctx.addIssue({ code: "custom", path: ["gross"], message: "le TTC doit être égal au HT plus la TVA" });
    }
  });
export const rateAmounts = rateAmountsOf(ENGINE_SCALARS);
