import { luhnValid } from "./luhn";

/** A SIREN as stored: 9 digits, no spaces (`552100554`). */
export type Siren = string;

/** Spaces (including the narrow no-break space people paste from registries) and dots removed. */
export function compactIdentifier(raw: string): string {
  return raw.replace(/[\s.\u00a0\u202f]/g, "");
}

/**
 * The French problem with a SIREN (the company's number at INSEE's
 * répertoire SIRENE, Code de commerce R123-220), or null: 9 digits whose
 * Luhn key is right.
 *
 * @example
 * sirenProblem("552 100 554"); // → null
 * sirenProblem("552100555"); // → "clé de contrôle incorrecte : vérifiez les chiffres saisis"
 */
export function sirenProblem(raw: string): string | null {
  const siren = compactIdentifier(raw);
  if (siren === "") return "obligatoire";
  if (!/^\d{9}$/.test(siren)) return "le SIREN a 9 chiffres";
  return luhnValid(siren) ? null : "clé de contrôle incorrecte : vérifiez les chiffres saisis";
}
