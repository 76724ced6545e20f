import { z } from "zod";
import { compactIdentifier, schemas, siretProblem } from "../../domain";
import { vatNumberSchema } from "../../domain/validation/identifier-schemas";
import { BOUNDED } from "./bounded-scalars";
import { checkedIdentifier } from "./checked-identifier";

/** A SIRET as typed, checked (14 digits, Luhn key, La Poste's exception) and stored as 14 digits. */
export const siretSchema = checkedIdentifier("doit être un SIRET", 30, siretProblem, compactIdentifier);

/** Defined with the other identifiers in the domain (the customer record's schema uses it too). */
export { vatNumberSchema };

/** A postal address in the parts an e-invoice carries; a French postcode has 5 digits. */
export const postalAddressSchema = z
  .strictObject({
    line1: schemas.text({ error: "doit être une adresse", required: "l'adresse est obligatoire", max: 150 }),
    line2: schemas.text({ error: "doit être un complément d'adresse", max: 150 }).optional(),
    postcode: schemas.text({ error: "doit être un code postal", required: "le code postal est obligatoire", max: 10 }),
    city: schemas.text({ error: "doit être une ville", required: "la ville est obligatoire", max: 100 }),
    country: z
      .string({ error: "doit être un code pays ISO à deux lettres, par exemple FR" })
      .regex(/^[A-Z]{2}$/, { message: "doit être un code pays ISO à deux lettres, par exemple FR" })
      .default("FR"),
  })
  .superRefine((address, ctx) => {
    if (address.country === "FR" && !/^\d{5}$/.test(address.postcode))
      ctx.addIssue({ code: "custom", path: ["postcode"], message: "un code postal français a 5 chiffres" });
  });

/** The seller's identity fields of the company settings (domain/identity/legal-identity.ts LegalIdentity). */
export const legalIdentityFields = {
  legalForm: schemas.text({ error: "doit être une forme juridique, par exemple SAS", max: 60 }).optional(),
  shareCapital: BOUNDED.positive.optional(),
  address: postalAddressSchema.optional(),
  siret: siretSchema.optional(),
  rcsCity: schemas.text({ error: "doit être une ville de greffe, par exemple Lyon", max: 100 }).optional(),
  vatNumber: vatNumberSchema.optional(),
};

/**
 * The numbers of one party must agree: its SIRET starts with its SIREN and a
 * French VAT number carries it. Adds a French detail on the field that differs.
 */
export function checkSameSiren(
  party: { siren?: string; siret?: string; vatNumber?: string },
  ctx: z.RefinementCtx,
  pathPrefix: string[] = [],
): void {
  if (!party.siren) return;
  if (party.siret && !party.siret.startsWith(party.siren))
    ctx.addIssue({
      code: "custom",
      path: [...pathPrefix, "siret"],
      message: `ne commence pas par le SIREN ${party.siren}`,
    });
  if (party.vatNumber?.startsWith("FR") && party.vatNumber.slice(4) !== party.siren)
    ctx.addIssue({
      code: "custom",
      path: [...pathPrefix, "vatNumber"],
      message: `ne correspond pas au SIREN ${party.siren}`,
    });
}
