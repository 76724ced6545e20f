/**
 * The factors a company assigns invoices to (settings `factors`): under a
 * factoring contract with subrogation (C. civ. 1346-1), the invoices of an
 * assigned customer are the factor's to collect. Each document must then
 * tell the customer to pay the factor, with its bank details, for the
 * payment to discharge the debt; and the receivable moves from the customer
 * account to the factor's account, which the company chooses.
 */
import { z } from "zod";
import { accountNumberSchema } from "../validation/ledger-schema";
import { bicSchema, ibanSchema } from "../validation/identifier-schemas";
import { namedChoiceProblem, namedListSchema, namedParty } from "../validation/named-list";
import { text } from "../validation/text";

/**
 * The PCG has no dedicated factor account; French practice books the
 * receivable assigned to the factor on a third-party account of class 46,
 * « Autres comptes débiteurs ou créditeurs » (e.g. 4671 « Factor »).
 */
export const DEFAULT_FACTOR_ACCOUNT = "4671";

/** One factor the company has a contract with. */
export const factorSchema = z.strictObject({
  name: text({ error: "doit être un nom de factor", required: "le nom du factor est obligatoire", max: 200 }),
  /** Where the customer pays an assigned invoice: printed on it and sent as its payment means (BG-16/BT-84). */
  iban: ibanSchema,
  bic: bicSchema.optional(),
  /** The factor's account in the company's ledger; absent: DEFAULT_FACTOR_ACCOUNT. */
  account: accountNumberSchema.optional(),
  /** The subrogation mention as the contract words it; absent: subrogationMention's default wording. */
  mention: text({ error: "doit être une mention", max: 1000, multiline: true }).optional(),
});
/** One configured factor. */
export type Factor = z.output<typeof factorSchema>;

const FACTOR_WORDS = { one: "le factor", many: "factors", list: "une liste de factors" };

/** The company's factors: at most 10, each name once (a customer's factoring names its factor by it, any case). */
export const factorsSchema = namedListSchema(factorSchema, 10, FACTOR_WORDS);

/**
 * The configured factor a customer's factoring names (case ignored), or
 * undefined.
 *
 * @example
 * configuredFactor([{ name: "BNP Paribas Factor", iban: "FR7630004000031234567890143" }], "bnp paribas factor"); // → that entry
 */
export function configuredFactor(factors: readonly Factor[] | undefined, name: string): Factor | undefined {
  return namedParty(factors, name);
}

/**
 * Why a customer's factoring may not name `name`, in French, or null. As
 * with credit insurers: a company that configured no factor records any
 * name (its invoices cannot be issued assigned until it does, since the
 * factor's bank details are missing); once it configured some, an assigned
 * customer must name one of them.
 *
 * @example
 * factorChoiceProblem([{ name: "Factor SA", iban: "FR7630004000031234567890143" }], "Autre Factor");
 * // → "le factor Autre Factor n'est pas configuré pour la société (factors configurés : Factor SA)"
 */
export function factorChoiceProblem(factors: readonly Factor[] | undefined, name: string): string | null {
  return namedChoiceProblem(factors, name, FACTOR_WORDS);
}

/**
 * What an invoice assigned to a factor carries, sealed with its content: the
 * factor and where to pay it (printed and in the Factur-X payment means),
 * the subrogation mention, and the account its receivable was booked to.
 */
export interface FactoringAssignment {
  factor: string;
  iban: string;
  bic?: string;
  mention: string;
  account: string;
}

/**
 * The assignment an invoice of a customer assigned to `factor` carries.
 *
 * @example
 * factoringAssignment({ name: "Factor SA", iban: "FR7630004000031234567890143" });
 * // → { factor: "Factor SA", iban: "FR76…", mention: "Pour être libératoire, le règlement de cette facture doit être fait à Factor SA, …", account: "4671" }
 */
export function factoringAssignment(factor: Factor): FactoringAssignment {
  return {
    factor: factor.name,
    iban: factor.iban,
    ...(factor.bic ? { bic: factor.bic } : {}),
    mention: factor.mention ?? subrogationMention(factor.name),
    account: factor.account ?? DEFAULT_FACTOR_ACCOUNT,
  };
}

/** The usual wording of the subrogation mention when the contract gives none. */
export function subrogationMention(factorName: string): string {
  return (
    `Pour être libératoire, le règlement de cette facture doit être fait à ${factorName}, ` +
    `qui le reçoit par subrogation dans le cadre d'un contrat d'affacturage. ` +
    `Toute réclamation relative à cette facture doit aussi lui être notifiée.`
  );
}
