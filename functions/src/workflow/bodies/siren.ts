/** Defined with the other identifiers in the domain (the customer record's schema uses it too). */
export { sirenSchema } from "../../domain/validation/identifier-schemas";
