import { z } from "zod";
import { bicProblem, ibanProblem, normaliseIban } from "../../domain/bank/iban";

/**
 * An IBAN as typed (spaces, lower case), checked by the bank core
 * (checksum, country format, French RIB key, SEPA zone) and stored in its
 * electronic form: the message names the field by its label.
 */
export const ibanSchema = z
  .string({ error: "doit être un IBAN, par exemple FR76 3000 6000 0112 3456 7890 189" })
  .max(50, { message: "50 caractères au plus" })
  .transform((raw, ctx) => {
    const problem = ibanProblem(raw);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    return normaliseIban(raw);
  });

/** A BIC (8 or 11 characters), stored upper case without spaces. */
export const bicSchema = z
  .string({ error: "doit être un BIC, par exemple BNPAFRPPXXX" })
  .max(20, { message: "20 caractères au plus" })
  .transform((raw, ctx) => {
    const problem = bicProblem(raw);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    return raw.replace(/\s/g, "").toUpperCase();
  });
