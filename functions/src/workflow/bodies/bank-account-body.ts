import { z } from "zod";
import { bicSchema, ibanSchema } from "./bank-details";

/** Body of POST …/refunds/{id}/bank-account: the beneficiary's new account (validated, stored electronic). */
export const bankAccountBodySchema = z.strictObject({
  iban: ibanSchema,
  bic: bicSchema.optional(),
});

export type BankAccountBody = z.output<typeof bankAccountBodySchema>;
