/**
 * Who issues and who receives a document, as French invoices must name them
 * (CGI annex II art. 242 nonies A; Code de commerce R123-237 and L441-9).
 */

/** A postal address in the parts an e-invoice carries (EN 16931 BG-5 / BG-8). */
export interface PostalAddress {
  line1: string;
  line2?: string;
  postcode: string;
  city: string;
  /** ISO 3166-1 alpha-2, "FR" by default. */
  country: string;
}

/**
 * The seller's legal identity, kept in the company settings: what every
 * invoice and credit note prints (the company's « mentions légales »).
 * Optional at rest because companies created before it existed have none:
 * documentReadiness says which parts are missing before a document is issued.
 */
export interface LegalIdentity {
  /** Raison sociale. */
  name: string;
  /** SAS, SARL, SA, EURL, EI…: a société's form precedes its capital on the document. */
  legalForm?: string;
  /** Capital social, decimal string ("10000.00"). */
  shareCapital?: string;
  address?: PostalAddress;
  siren: string;
  siret?: string;
  /** The city of the commercial court's registry: printed « RCS Lyon 552 100 554 ». */
  rcsCity?: string;
  /** Intra-EU VAT number, FR + key + SIREN. */
  vatNumber?: string;
}

/** Legal forms of a sole trader: no share capital and no RCS registration to print. */
const SOLE_TRADER = /^(ei|eirl|entrepreneur individuel|entreprise individuelle|micro-?entrep|auto-?entrep)/i;

/** True when the legal form is a société (capital and RCS printed), false for a sole trader. */
export function isSociete(legalForm: string | undefined): boolean {
  return legalForm === undefined || !SOLE_TRADER.test(legalForm.trim());
}
