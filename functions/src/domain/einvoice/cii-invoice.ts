/**
 * The EN 16931 semantic content of one document, in the terms the CII
 * syntax writes (business terms BT-… and groups BG-… of EN 16931-1). Built
 * from a sealed invoice or credit note by factur-x-content.ts, written as
 * XML by cii-xml.ts; nothing here computes an amount.
 */
import type { PostalAddress } from "../identity/legal-identity";

/**
 * UNTDID 1001 codes Acompte issues: 380 commercial invoice (final), 386
 * prepayment invoice (deposit), 503 credit note of a prepayment invoice
 * (the French e-invoicing rules' « avoir sur facture d'acompte », BR-FR-04),
 * 381 credit note.
 */
export type CiiTypeCode = "380" | "386" | "381" | "503";

/**
 * UNCL 5189-like VAT categories (UNTDID 5305): S standard or reduced rate,
 * E exempt, O not subject to VAT (arrhes kept outside the scope of VAT).
 */
export type CiiVatCategory = "S" | "E" | "O";

/**
 * UNTDID 4451 subjects of the notes the French rules ask for (BT-21), and
 * ACC « factor assignment clause » for the subrogation mention of an invoice
 * assigned to a factor.
 */
export type CiiNoteSubject = "PMT" | "PMD" | "AAB" | "TXD" | "AAI" | "REG" | "ACC";

/** The seller (BG-4) or the buyer (BG-7): name, legal and VAT identifiers, address, electronic address. */
export interface CiiParty {
  /** BT-27 / BT-44. */
  name: string;
  /** BT-30 / BT-47: the SIREN, scheme 0002 (INSEE's SIRENE). */
  siren?: string;
  /** BT-31 / BT-48: intra-EU VAT number. */
  vatNumber?: string;
  /** BT-33: the seller's legal mentions (form, capital, RCS). */
  legalMentions?: string;
  /** BG-5 / BG-8 in parts; `country` alone when the party has no address on file. */
  address: Partial<PostalAddress> & { country: string; line3?: string };
  /** BT-34 / BT-49: electronic address, scheme 0225 (SIREN for the French e-invoicing directory). */
  electronicAddress?: string;
}

/** One invoice line (BG-25): Acompte writes one per VAT rate, quantity 1, price = net. */
export interface CiiLine {
  id: string;
  /** BT-153. */
  name: string;
  vatRate: string;
  category: CiiVatCategory;
  /** BT-131 and BT-146: the sealed net at that rate. */
  net: string;
}

/** One VAT breakdown (BG-23): the sealed net and VAT at one rate. */
export interface CiiVatBreakdown {
  vatRate: string;
  category: CiiVatCategory;
  basis: string;
  vat: string;
  /** BT-120, required for E and O. */
  exemptionReason?: string;
  /** BT-121. */
  exemptionCode?: string;
}

export interface CiiReference {
  number: string;
  date: string;
}

/** One document's EN 16931 content: header, parties, lines per rate, VAT breakdown, totals and references. */
export interface CiiInvoice {
  typeCode: CiiTypeCode;
  /** BT-1. */
  number: string;
  /** BT-2, YYYY-MM-DD. */
  issueDate: string;
  /** BG-1: French notes, each with its subject code. */
  notes: { subject: CiiNoteSubject; text: string }[];
  seller: CiiParty;
  buyer: CiiParty;
  /** BT-13. */
  orderRef?: string;
  /**
   * BG-24: supporting documents, by id only (the deposit invoices a final
   * invoice deducts; their dates and amounts are in a note, since the CII
   * binding admits one description among them, CII-SR-475).
   */
  supportingDocuments: { id: string }[];
  lines: CiiLine[];
  vat: CiiVatBreakdown[];
  /** BG-22, as sealed: net = BT-106/BT-109, vat = BT-110, gross = BT-112. */
  totals: { net: string; vat: string; gross: string };
  /** BT-113: paid before (the deposit itself when it was cashed, the deposits a final invoice deducts). */
  prepaid: string;
  /** BT-115. */
  duePayable: string;
  /** BT-9. */
  dueDate?: string;
  /** BT-20. */
  paymentTerms?: string;
  /**
   * BG-10: the payee when it is not the seller — the factor an invoice was
   * assigned to, by its name (BT-59).
   */
  payee?: { name: string };
  /** BG-16 / BG-17: SEPA credit transfer (code 58) to the seller's account, or to the payee's when there is one. */
  creditTransfer?: { iban: string; bic?: string };
  /** BG-3: the preceding invoice (the deposit invoice a credit note rectifies). */
  precedingInvoice?: CiiReference;
}
