import { z } from "zod";

/** `POST …/customers/{id}/merge`: the record that stays. */
export const customerMergeBodySchema = z.strictObject({
  into: z
    .string({ error: "doit être l'identifiant d'une fiche client, par exemple CLI-0123456789abcdef" })
    .regex(/^CLI-[0-9a-f]{16}$/, {
      message: "doit être l'identifiant d'une fiche client, par exemple CLI-0123456789abcdef",
    }),
});
