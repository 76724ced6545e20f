import { z } from "zod";

/**
 * Body of POST …/bank/statements: the statement file as text, camt.053 or
 * the bank's CSV export (`format`; absent: an XML file is camt.053, anything
 * else CSV). The api's body limit (1 Mio, http/body-limit.ts) bounds it
 * before it is parsed; the readers stream it, never as a DOM.
 */
export const statementBodySchema = z.strictObject({
  file: z.string().min(1, "vide : joignez le relevé camt 053"),
  format: z.enum(["camt053", "csv"], { error: "doit valoir camt053 ou csv" }).optional(),
});

export type StatementBody = z.output<typeof statementBodySchema>;
