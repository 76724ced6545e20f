import { z } from "zod";
import { schemas } from "../../domain";

/** POST …/legal-rates: one half-year's legal interest rates (both creditors) and ECB rate, with their source. */
export const legalRatesBodySchema = z.strictObject({
  halfYear: z
    .string({ error: "doit être le premier jour d'un semestre (AAAA-01-01 ou AAAA-07-01)" })
    .regex(/^(20[0-9]{2})-(01|07)-01$/, {
      message: "doit être le premier jour d'un semestre, le 1er janvier ou le 1er juillet (AAAA-01-01 ou AAAA-07-01)",
    }),
  consumer: schemas.annualRate,
  professional: schemas.annualRate,
  ecb: schemas.annualRate,
  source: schemas.text({
    error: "doit être un texte",
    required: "indiquez la source : l'arrêté et sa date au Journal officiel, la décision de la BCE",
    max: 300,
  }),
});
export type LegalRatesBody = z.output<typeof legalRatesBodySchema>;
