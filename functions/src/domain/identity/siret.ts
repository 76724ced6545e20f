import { luhnValid } from "./luhn";
import { compactIdentifier, sirenProblem } from "./siren";

/** La Poste's SIREN: its establishments' SIRETs do not follow the Luhn key (see siretProblem). */
export const LA_POSTE_SIREN = "356000000";

/**
 * The French problem with a SIRET (an establishment: SIREN + 5-digit NIC),
 * or null. The Luhn key covers the 14 digits, except for La Poste: INSEE
 * numbered its thousands of offices under SIREN 356000000 with a key where
 * the digits' plain sum is a multiple of 5 (its head office 35600000000048
 * passes both).
 *
 * @example
 * siretProblem("542 107 651 13030"); // → null (ENGIE)
 * siretProblem("35600000049837"); // → null (a La Poste office: digit sum 45)
 */
export function siretProblem(raw: string): string | null {
  const siret = compactIdentifier(raw);
  if (siret === "") return "obligatoire";
  if (!/^\d{14}$/.test(siret)) return "le SIRET a 14 chiffres (SIREN et NIC)";
  const siren = siret.slice(0, 9);
  if (siren === LA_POSTE_SIREN) {
    const sum = [...siret].reduce((total, d) => total + Number(d), 0);
    return luhnValid(siret) || sum % 5 === 0 ? null : "clé de contrôle incorrecte : vérifiez les chiffres saisis";
  }
  if (sirenProblem(siren)) return "les 9 premiers chiffres ne forment pas un SIREN valide";
  return luhnValid(siret) ? null : "clé de contrôle incorrecte : vérifiez les chiffres saisis";
}
