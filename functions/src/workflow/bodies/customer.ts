import { z } from "zod";
import { schemas } from "../../domain";
import { sirenSchema } from "./siren";

/** A customer as typed in a request: SIREN (9 digits) required for a company. */
export const customerSchema = z
  .strictObject({
    name: z
      .string({ error: "doit être un nom" })
      .trim()
      .min(1, { message: "le nom est obligatoire" })
      .max(200, { message: "200 caractères au plus" }),
    kind: schemas.customerKind,
    siren: sirenSchema.optional(),
    email: z.email({ error: "adresse e-mail invalide" }).optional(),
    address: z.string({ error: "doit être une adresse" }).max(500, { message: "500 caractères au plus" }).optional(),
  })
  .refine((c) => c.kind !== "b2b" || c.siren !== undefined, {
    path: ["siren"],
    message: "le SIREN est obligatoire pour un client professionnel (b2b)",
  });
