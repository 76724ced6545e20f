import { z } from "zod";
import { schemas } from "../../domain";
import { emailSchema } from "./email";
import { sirenSchema } from "./siren";

/** A customer as typed in a request: SIREN (9 digits) required for a company. */
export const customerSchema = z
  .strictObject({
    name: schemas.text({ error: "doit être un nom", required: "le nom est obligatoire", max: 200 }),
    kind: schemas.customerKind,
    siren: sirenSchema.optional(),
    email: emailSchema.optional(),
    address: schemas.text({ error: "doit être une adresse", max: 500, multiline: true, trim: false }).optional(),
  })
  .refine((c) => c.kind !== "b2b" || c.siren !== undefined, {
    path: ["siren"],
    message: "le SIREN est obligatoire pour un client professionnel (b2b)",
  });

/** Stable key of a customer for matching invoices and payments: SIREN for companies, e-mail or name for consumers. */
export function customerKey(c: { kind: string; siren?: string; email?: string; name: string }): string {
  if (c.siren) return `siren:${c.siren}`;
  return c.email ? `email:${c.email.toLowerCase()}` : `name:${c.name.trim().toLowerCase()}`;
}
