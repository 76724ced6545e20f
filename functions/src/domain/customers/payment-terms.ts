import { z } from "zod";

/** Code de commerce L441-10 I: at most 60 days after the invoice date between professionals. */
export const MAX_PAYMENT_TERMS_DAYS = 60;

/** An agreed payment term in days, for a customer's record and for the deposit policy of a risk class. */
export const paymentTermsDaysSchema = z
  .number({ error: "doit être un nombre entier de jours" })
  .int({ message: "doit être un nombre entier de jours" })
  .min(0, { message: "ne peut pas être négatif" })
  .max(MAX_PAYMENT_TERMS_DAYS, {
    message: `ne peut dépasser ${MAX_PAYMENT_TERMS_DAYS} jours (Code de commerce L441-10)`,
  });
