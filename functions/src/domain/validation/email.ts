import { z } from "zod";

/** An e-mail address (ASCII by zod's pattern), at most the 254 characters SMTP carries. */
export const emailSchema = z
  .email({ error: "adresse e-mail invalide" })
  .max(254, { message: "adresse e-mail trop longue (254 caractères au plus)" });
