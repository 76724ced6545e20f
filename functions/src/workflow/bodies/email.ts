/** Moved to the domain (the customer record's schema uses it too); kept here for the bodies that import it. */
export { emailSchema } from "../../domain/validation/email";
