import { wholeDays } from "../validation/whole-days";

/** Code de commerce L441-10 I: at most 60 days after the invoice date between professionals. */
export const MAX_PAYMENT_TERMS_DAYS = 60;

/** An agreed payment term in days, for a customer's record and for the deposit policy of a risk class. */
export const paymentTermsDaysSchema = wholeDays(
  MAX_PAYMENT_TERMS_DAYS,
  `ne peut dépasser ${MAX_PAYMENT_TERMS_DAYS} jours (Code de commerce L441-10)`,
);
