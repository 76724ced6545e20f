import { z } from "zod";

/** A SIREN as typed: 9 digits (the check digit is not verified: some public bodies' SIRENs fail the Luhn key). */
export const sirenSchema = z
  .string({ error: "doit être un SIREN" })
  .regex(/^\d{9}$/, { message: "le SIREN a 9 chiffres" });
