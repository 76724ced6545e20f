/** French wording of the ISO 20022 return reasons a returned SEPA transfer most often carries (R-transactions). */
const RETURN_REASONS: Record<string, string> = {
  AC01: "IBAN incorrect",
  AC04: "compte clôturé",
  AC06: "compte bloqué",
  AC13: "type de compte incorrect",
  AG01: "opération interdite sur ce compte",
  AG02: "code opération invalide",
  AM05: "virement en double",
  BE04: "adresse du bénéficiaire manquante",
  CUST: "demande du client",
  CURR: "devise incorrecte",
  DUPL: "virement en double",
  FOCR: "retour après demande d'annulation",
  MD07: "titulaire décédé",
  MS02: "motif non communiqué par le bénéficiaire",
  MS03: "motif non communiqué par la banque",
  RC01: "BIC incorrect",
  RR01: "informations réglementaires manquantes",
};

/** « compte clôturé (AC04) », or the bare code when unknown. */
export function returnReasonLabel(code: string | undefined): string {
  if (!code) return "motif non précisé";
  const label = RETURN_REASONS[code.toUpperCase()];
  return label ? `${label} (${code})` : `motif ${code}`;
}
