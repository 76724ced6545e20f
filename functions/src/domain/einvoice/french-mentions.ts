/**
 * The French mentions an invoice carries besides its amounts, as the notes
 * (BT-21/BT-22) and party texts of its e-invoice: the late-payment terms
 * between businesses (Code de commerce L441-9, L441-10, D441-5), the VAT on
 * debits option (CGI annex II art. 242 nonies A) and the seller's legal
 * identity (Code de commerce R123-237).
 */
import { euros, frenchPercent } from "../reminders/french-amount";
import { RECOVERY_INDEMNITY } from "../receivables/late-payment-penalties";
import { isSociete, type LegalIdentity } from "../identity/legal-identity";
import { spacedIban } from "../bank/iban";
import type { CiiInvoice } from "./cii-invoice";

/** "552100554" → "552 100 554", as registries print it. */
export function spacedSiren(siren: string): string {
  return siren.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3");
}

/**
 * « Règlement à l'ordre de BNP Paribas Factor – IBAN FR76 3000 … – BIC
 * BNPAFRPP »: where the customer of an invoice assigned to a factor pays.
 * The IBAN and BIC are bound to their label by no-break spaces, so that a
 * line never cuts an account number someone copies.
 */
export function payToFactorLine(factoring: { factor: string; iban: string; bic?: string }): string {
  const unbroken = (s: string) => s.replace(/ /g, "\u00a0");
  const bic = factoring.bic ? ` – ${unbroken(`BIC ${factoring.bic}`)}` : "";
  return `Règlement à l'ordre de ${factoring.factor} – ${unbroken(`IBAN ${spacedIban(factoring.iban)}`)}${bic}`;
}

/**
 * The B2B payment mentions, with the French e-invoicing subjects: PMD
 * penalty rate, PMT the €40 indemnity, AAB no discount for early payment.
 * `contractRate`: the contract's annual rate; absent, the statutory one.
 */
export function latePaymentNotes(contractRate?: string): CiiInvoice["notes"] {
  const rate = contractRate
    ? `${frenchPercent(contractRate)} l'an`
    : "taux d'intérêt appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points";
  return [
    {
      subject: "PMD",
      text: `Pénalités de retard : ${rate}, exigibles dès le lendemain de la date d'échéance (Code de commerce, art. L441-10).`,
    },
    {
      subject: "PMT",
      text: `Indemnité forfaitaire pour frais de recouvrement due en cas de retard de paiement : ${euros(RECOVERY_INDEMNITY)} (Code de commerce, art. L441-10 et D441-5).`,
    },
    { subject: "AAB", text: "Pas d'escompte pour paiement anticipé." },
  ];
}

/** The mention a company that opted for VAT on debits prints (CGI annex II art. 242 nonies A). */
export const VAT_ON_DEBITS_NOTE = {
  subject: "TXD",
  text: "Option pour le paiement de la taxe d'après les débits.",
} as const;

/**
 * The seller's legal mentions in one line (BT-33): « SAS au capital de
 * 50 000,00 € – RCS Lyon 542 107 651 – SIRET … », and its VAT number when
 * the document may not carry it as BT-31 (a document outside the scope of VAT).
 */
export function sellerLegalMentions(seller: LegalIdentity, withVatNumber: boolean): string | undefined {
  const parts: string[] = [];
  if (seller.legalForm)
    parts.push(
      seller.shareCapital && isSociete(seller.legalForm)
        ? `${seller.legalForm} au capital de ${euros(seller.shareCapital)}`
        : seller.legalForm,
    );
  if (seller.rcsCity) parts.push(`RCS ${seller.rcsCity} ${spacedSiren(seller.siren)}`);
  else parts.push(`SIREN ${spacedSiren(seller.siren)}`);
  if (seller.siret) parts.push(`SIRET ${seller.siret}`);
  if (withVatNumber && seller.vatNumber) parts.push(`TVA intracommunautaire ${seller.vatNumber}`);
  return parts.join(" – ");
}
