import { z } from "zod";
import { schemas } from "../../domain";
import { emailSchema } from "./email";
import { checkSameSiren, vatNumberSchema } from "./legal-identity";
import { sirenSchema } from "./siren";

/** A customer as typed in a request: SIREN (9 digits, Luhn key) required for a company, VAT number checked against it. */
export const customerSchema = z
  .strictObject({
    name: schemas.text({ error: "doit être un nom", required: "le nom est obligatoire", max: 200 }),
    kind: schemas.customerKind,
    siren: sirenSchema.optional(),
    email: emailSchema.optional(),
    address: schemas.text({ error: "doit être une adresse", max: 500, multiline: true, trim: false }).optional(),
    vatNumber: vatNumberSchema.optional(),
  })
  .refine((c) => c.kind !== "b2b" || c.siren !== undefined, {
    path: ["siren"],
    message: "le SIREN est obligatoire pour un client professionnel",
  })
  .superRefine((c, ctx) => checkSameSiren(c, ctx));
