import { z } from "zod";

/** A list's `?limit=`: a whole number from 1 to `max`, `size` when absent, refused in French otherwise. */
export function pageLimit(size: number, max: number) {
  const message = `doit être un nombre entier de 1 à ${max}`;
  return z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(1, { error: message })
    .max(max, { error: message })
    .default(size);
}
