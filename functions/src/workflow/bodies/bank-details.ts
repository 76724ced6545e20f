import { bicProblem, ibanProblem, normaliseIban } from "../../domain/bank/iban";
import { checkedIdentifier } from "./checked-identifier";

/**
 * An IBAN as typed (spaces, lower case), checked by the bank core
 * (checksum, country format, French RIB key, SEPA zone) and stored in its
 * electronic form: the message names the field by its label.
 */
export const ibanSchema = checkedIdentifier(
  "doit être un IBAN, par exemple FR76 3000 6000 0112 3456 7890 189",
  50,
  ibanProblem,
  normaliseIban,
);

/** A BIC (8 or 11 characters), stored upper case without spaces. */
export const bicSchema = checkedIdentifier("doit être un BIC, par exemple BNPAFRPPXXX", 20, bicProblem, (raw) =>
  raw.replace(/\s/g, "").toUpperCase(),
);
