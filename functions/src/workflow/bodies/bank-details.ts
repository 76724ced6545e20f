/** Defined with the other identifiers in the domain (the customer record's schema uses them too). */
export { bicSchema, ibanSchema } from "../../domain/validation/identifier-schemas";
