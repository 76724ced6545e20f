import { compactIdentifier, sirenProblem } from "./siren";

/**
 * The key of a French intra-EU VAT number for a SIREN: (12 + 3 × (SIREN mod 97)) mod 97,
 * written on two digits (CGI art. 286 ter; the number is FR + key + SIREN).
 *
 * @example
 * frenchVatKey("542107651"); // → "13" (ENGIE: FR13542107651)
 */
export function frenchVatKey(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return String(key).padStart(2, "0");
}

/** The French intra-EU VAT number of a SIREN: FR + key + SIREN. */
export function frenchVatNumber(siren: string): string {
  return `FR${frenchVatKey(siren)}${siren}`;
}

/** Upper case without spaces, dots or dashes: how the number is stored and written in the invoice XML. */
export function normaliseVatNumber(raw: string): string {
  return compactIdentifier(raw).replace(/-/g, "").toUpperCase();
}

/** EU member states' VAT prefixes (Greece uses EL), and XI for Northern Ireland's traders. */
const EU_VAT_PREFIXES = new Set(
  "AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK XI".split(" "),
);

/**
 * The French problem with an intra-EU VAT number, or null. A French number
 * (FR + 2-digit key + SIREN) has its key checked against the SIREN; other
 * member states' numbers are checked for their prefix and length only (their
 * keys are theirs: VIES is the authority).
 *
 * @example
 * vatNumberProblem("FR 13 542107651"); // → null
 * vatNumberProblem("FR12542107651"); // → "clé incorrecte pour ce SIREN : FR13542107651 attendu"
 */
export function vatNumberProblem(raw: string): string | null {
  const vat = normaliseVatNumber(raw);
  if (vat === "") return "obligatoire";
  const prefix = vat.slice(0, 2);
  if (prefix === "FR") {
    // The key may be letters for some non-resident companies; French companies with a SIREN have digits.
    if (!/^FR[0-9A-Z]{2}\d{9}$/.test(vat))
      return "un numéro de TVA français s'écrit FR, 2 caractères de clé et le SIREN (9 chiffres)";
    const siren = vat.slice(4);
    if (sirenProblem(siren)) return "les 9 derniers chiffres ne forment pas un SIREN valide";
    const expected = frenchVatNumber(siren);
    return vat === expected ? null : `clé incorrecte pour ce SIREN : ${expected} attendu`;
  }
  if (!EU_VAT_PREFIXES.has(prefix)) return "doit commencer par le code d'un pays de l'Union européenne (FR, DE, BE…)";
  return /^[A-Z]{2}[0-9A-Z+*]{2,12}$/.test(vat) ? null : "numéro de TVA intracommunautaire mal formé";
}

/** The SIREN a French VAT number carries, or null for another country's number. */
export function sirenOfVatNumber(vat: string): string | null {
  const compact = normaliseVatNumber(vat);
  return compact.startsWith("FR") && compact.length === 13 ? compact.slice(4) : null;
}
