/**
 * The identifiers people type (spaces, lower case), each checked by its
 * domain validator and stored normalised: the request bodies and the
 * customer record's schema share them.
 */
import { bicProblem, ibanProblem, normaliseIban } from "../bank/iban";
import { compactIdentifier, sirenProblem } from "../identity/siren";
import { normaliseVatNumber, vatNumberProblem } from "../identity/vat-number";
import { checkedIdentifier } from "./checked-identifier";

/** A SIREN as typed (spaces allowed), checked (9 digits, Luhn key) and stored as 9 digits. */
export const sirenSchema = checkedIdentifier("doit être un SIREN", 20, sirenProblem, compactIdentifier);

/** An intra-EU VAT number as typed, checked (the French key against the SIREN) and stored upper case, compact. */
export const vatNumberSchema = checkedIdentifier(
  "doit être un numéro de TVA intracommunautaire, par exemple FR13542107651",
  30,
  vatNumberProblem,
  normaliseVatNumber,
);

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
