import { z } from "zod";

/**
 * An identifier as people type it (spaces, lower case), checked by a domain
 * validator whose French problem becomes the detail (the field named by its
 * label), and stored in its normalised form.
 */
export function checkedIdentifier(
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
