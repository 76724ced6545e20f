import type { FieldError } from "../errors/engine-error";
import type { DocumentCustomer } from "../refunds/credit-note-content";
import { isSociete, type LegalIdentity } from "./legal-identity";

const TO_SET = "à renseigner dans les paramètres de la société avant d'émettre une facture ou un avoir";
const FOR_PROFESSIONAL = "obligatoire sur les factures et avoirs d'un client professionnel";

/** Settings stored before a field existed, or cleared to null by hand in the console, count as missing. */
function blank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === "";
}

/**
 * What is missing before a document (invoice, credit note) can be issued to
 * this customer, each a French detail naming the field; empty when nothing
 * is. Call it before any number is consumed: a gap in a chronological
 * series cannot be filled afterwards (CGI art. 242 nonies A).
 * - the seller: name, SIREN, address, VAT number; for a société also its
 *   legal form, share capital and RCS city (Code de commerce R123-237);
 * - a professional customer: address and SIREN (the SIREN is mandatory on
 *   invoices between businesses since the e-invoicing reform, CGI art. 242
 *   nonies A 1° bis); a consumer needs only a name.
 *
 * @example
 * documentReadiness({ name: "Menuiserie Durand SAS", siren: "552100554" }, { name: "Garage Dupuis", kind: "b2b" });
 * // → [{ path: "settings.address", message: "Adresse de la société : à renseigner …" }, …,
 * //    { path: "customer.address", message: "Adresse du client : obligatoire …" }, { path: "customer.siren", … }]
 */
export function documentReadiness(company: LegalIdentity, customer: DocumentCustomer): FieldError[] {
  const missing: FieldError[] = [];
  const seller = (path: string, what: string) =>
    missing.push({ path: `settings.${path}`, message: `${what} : ${TO_SET}.` });
  if (blank(company.name)) seller("name", "Raison sociale de la société");
  if (blank(company.siren)) seller("siren", "SIREN de la société");
  if (!company.address) seller("address", "Adresse de la société");
  if (blank(company.vatNumber)) seller("vatNumber", "Numéro de TVA intracommunautaire de la société");
  if (blank(company.legalForm)) seller("legalForm", "Forme juridique de la société");
  else if (isSociete(company.legalForm)) {
    if (blank(company.shareCapital)) seller("shareCapital", "Capital social de la société");
    if (blank(company.rcsCity)) seller("rcsCity", "Ville d'immatriculation au RCS de la société");
  }
  if (blank(customer.name)) missing.push({ path: "customer.name", message: "Nom du client : obligatoire." });
  if (customer.kind === "b2b") {
    if (blank(customer.address))
      missing.push({ path: "customer.address", message: `Adresse du client : ${FOR_PROFESSIONAL}.` });
    if (blank(customer.siren))
      missing.push({ path: "customer.siren", message: `SIREN du client : ${FOR_PROFESSIONAL}.` });
  }
  return missing;
}
