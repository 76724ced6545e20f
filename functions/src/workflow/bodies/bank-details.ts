import { z } from "zod";
import { bicProblem, ibanProblem, normaliseIban } from "../../domain/bank/iban";

/** A bank identifier as typed, checked by the bank core and stored in its normalised form. */
function bankIdentifier(
  error: string,
  max: number,
  problemOf: (raw: string) => string | null,
  normalise: (raw: string) => string,
) {
  return z
    .string({ error })
    .max(max, { message: `${max} caractères au plus` })
    .transform((raw, ctx) => {
      const problem = problemOf(raw);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
      return normalise(raw);
    });
}

/**
 * An IBAN as typed (spaces, lower case), checked by the bank core
 * (checksum, country format, French RIB key, SEPA zone) and stored in its
 * electronic form: the message names the field by its label.
 */
export const ibanSchema = bankIdentifier(
  "doit être un IBAN, par exemple FR76 3000 6000 0112 3456 7890 189",
  50,
  ibanProblem,
  normaliseIban,
);

/** A BIC (8 or 11 characters), stored upper case without spaces. */
export const bicSchema = bankIdentifier("doit être un BIC, par exemple BNPAFRPPXXX", 20, bicProblem, (raw) =>
  raw.replace(/\s/g, "").toUpperCase(),
);
