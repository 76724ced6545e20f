import { z } from "zod";

/**
 * Body of POST …/bank/statements: the camt.053 file as text. The api's
 * body limit (1 Mio, http/body-limit.ts) bounds it before it is parsed;
 * the reader streams it with saxes, never as a DOM.
 */
export const statementBodySchema = z.strictObject({
  file: z.string().min(1, "vide : joignez le relevé camt 053"),
});

export type StatementBody = z.output<typeof statementBodySchema>;
