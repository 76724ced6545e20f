import { z } from "zod";

/**
 * A whole number of days from 0 to `max`, refused in French otherwise: the
 * insurers' delays and the payment terms. `tooMany` is the message past
 * `max` where a rule gives the bound its reason (the L441-10 cap).
 */
export function wholeDays(max: number, tooMany = `doit valoir au plus ${max} jours`) {
  return z
    .number({ error: "doit être un nombre entier de jours" })
    .int({ message: "doit être un nombre entier de jours" })
    .min(0, { message: "ne peut pas être négatif" })
    .max(max, { message: tooMany });
}
