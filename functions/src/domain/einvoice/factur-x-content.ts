/**
 * The EN 16931 content of the documents Acompte issues, taken from their
 * sealed content as it is (every amount, per rate, exactly as the domain
 * computed and sealed it: nothing is recomputed here) and from the seller's
 * legal identity:
 * - deposit invoice (386), issued when the deposit is cashed: prepaid = its
 *   gross, nothing left due;
 * - credit note on a deposit (503, « avoir sur facture d'acompte »), citing
 *   the deposit invoice it rectifies by number and date (BG-3);
 * - final invoice (380): the whole supply per rate, each deducted deposit
 *   invoice referenced (BG-24), the deposits as prepaid amount (BT-113) so
 *   that the amount due (BT-115) is the sealed one — no negative lines that
 *   would break the VAT breakdown.
 */
import { formatMoney, money, sumMoney } from "../money/money";
import { frenchDate } from "../dates/calendar-date";
import { euros } from "../reminders/french-amount";
import { vatRateLabel } from "../vocabulary/labels";
import type { DocumentCustomer } from "../refunds/credit-note-content";
import type { CreditNoteContent } from "../refunds/credit-note-content";
import type { LegalIdentity } from "../identity/legal-identity";
import type { FactoringAssignment } from "../customers/factors";
import type { PenaltyTranche } from "../receivables/penalty-claim";
import type { CiiInvoice, CiiLine, CiiParty, CiiVatBreakdown, CiiVatCategory } from "./cii-invoice";
import { VAT_ON_DEBITS_NOTE, latePaymentNotes, sellerLegalMentions } from "./french-mentions";

/** The seller as its documents name it: the legal identity of its settings, its bank account and its VAT regime. */
export interface DocumentSeller extends LegalIdentity {
  iban?: string;
  bic?: string;
  /** The company opted for VAT on debits: its invoices say so. */
  vatOnDebits: boolean;
}

/** A sealed amount line: net, VAT and gross at one rate. */
interface SealedRateLine {
  vatRate: string;
  net: string;
  vat: string;
  gross: string;
}

/** The sealed content of an invoice as the e-invoice reads it (model/invoice.ts InvoiceContent). */
export interface SealedInvoice {
  type: "deposit" | "final" | "penalty";
  number: string;
  date: string;
  customer: DocumentCustomer;
  orderRef: string;
  lines: SealedRateLine[];
  total: { net: string; vat: string; gross: string };
  paymentDate?: string;
  depositKind?: "acompte" | "arrhes";
  deductedDeposits?: { number: string; date: string; total: { net: string; vat: string; gross: string } }[];
  advanceInterest?: { label: string; legalBasis: string; deducted: string };
  amountDue?: string;
  dueDate?: string;
  penaltyRate?: string;
  /** Penalty invoice: what it claims and on which late invoice (model/invoice.ts PenaltyClaimContent). */
  penaltyClaim?: SealedPenaltyClaim;
  /** Final invoice assigned to a factor: whom the customer pays, where, and the subrogation mention. */
  factoring?: FactoringAssignment;
}

/** What a penalty invoice claims, as sealed: the late invoice by number and date, the sums and their legal basis. */
export interface SealedPenaltyClaim {
  number: string;
  date: string;
  dueDate: string;
  amountDue: string;
  tranches: PenaltyTranche[];
  accruedPenalties: string;
  alreadyInvoiced: string;
  earlierClaims: { number: string; date: string }[];
  penalties: string;
  indemnity: string;
  contractRate?: string;
  legalBasis: string;
  vatTreatment: string;
}

export const NOT_SUBJECT = { exemptionReason: "Non soumis à la TVA", exemptionCode: "VATEX-EU-O" };
const EXEMPT = { exemptionReason: "Exonération de TVA" };

/**
 * The rates that carry an amount, with their VAT category: S for a rate
 * above 0; at 0, O (not subject: arrhes outside the scope of VAT) when the
 * whole document is at 0, E (exempt) beside taxed lines, since EN 16931
 * keeps a document not subject to VAT apart from any other (BR-O-11).
 */
function categorised(lines: readonly SealedRateLine[]): (SealedRateLine & { category: CiiVatCategory })[] {
  const charged = lines.filter((l) => !money(l.net).isZero() || !money(l.vat).isZero());
  const allZero = charged.every((l) => money(l.vatRate).isZero());
  return charged.map((l) => ({
    ...l,
    category: !money(l.vatRate).isZero() ? "S" : allZero ? "O" : "E",
  }));
}

function breakdown(lines: ReturnType<typeof categorised>): CiiVatBreakdown[] {
  return lines.map((l) => ({
    vatRate: l.vatRate,
    category: l.category,
    basis: l.net,
    vat: l.vat,
    ...(l.category === "O" ? NOT_SUBJECT : l.category === "E" ? EXEMPT : {}),
  }));
}

function itemLines(lines: ReturnType<typeof categorised>, name: (rate: string) => string): CiiLine[] {
  return lines.map((l, i) => ({
    id: String(i + 1),
    name: name(l.category === "O" ? "hors champ de la TVA" : `TVA ${vatRateLabel(l.vatRate)}`),
    vatRate: l.vatRate,
    category: l.category,
    net: l.net,
  }));
}

/** The parts of a free-text address: the line « 69003 Lyon » gives postcode and city, the others the street lines. */
export function addressParts(text: string | undefined): CiiParty["address"] {
  const lines = (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !/^france$/i.test(l));
  const cityAt = lines.map((l) => /^\d{5}\s+\S/.test(l)).lastIndexOf(true);
  const city = cityAt >= 0 ? /^(\d{5})\s+(.+)$/.exec(lines[cityAt]) : null;
  const street = lines.filter((_, i) => i !== cityAt);
  return {
    ...(street[0] ? { line1: street[0] } : {}),
    ...(street[1] ? { line2: street[1] } : {}),
    ...(street.length > 2 ? { line3: street.slice(2).join(", ") } : {}),
    ...(city ? { postcode: city[1], city: city[2] } : {}),
    country: "FR",
  };
}

/** BR-O-02: a document not subject to VAT names no VAT identifier (the seller's goes into its legal mentions). */
export function parties(
  seller: DocumentSeller,
  customer: DocumentCustomer,
  notSubject: boolean,
): Pick<CiiInvoice, "seller" | "buyer"> {
  const professional = customer.kind === "b2b";
  return {
    seller: {
      name: seller.name,
      siren: seller.siren,
      ...(seller.vatNumber && !notSubject ? { vatNumber: seller.vatNumber } : {}),
      legalMentions: sellerLegalMentions(seller, notSubject),
      address: seller.address ? { ...seller.address } : { country: "FR" },
      electronicAddress: seller.siren,
    },
    buyer: {
      name: customer.name,
      ...(professional && customer.siren ? { siren: customer.siren, electronicAddress: customer.siren } : {}),
      ...(customer.vatNumber && !notSubject ? { vatNumber: customer.vatNumber } : {}),
      address: addressParts(customer.address),
    },
  };
}

function sellerNotes(seller: DocumentSeller, customer: DocumentCustomer, contractRate?: string): CiiInvoice["notes"] {
  return [
    ...(customer.kind === "b2b" ? latePaymentNotes(contractRate) : []),
    ...(seller.vatOnDebits ? [VAT_ON_DEBITS_NOTE] : []),
  ];
}

/**
 * The deposit invoice (386): one line per rate « Acompte sur la commande … »,
 * issued once the deposit is cashed, so all of it is prepaid and nothing is due.
 */
export function depositInvoiceCii(content: SealedInvoice, seller: DocumentSeller): CiiInvoice {
  if (content.type !== "deposit") throw new Error(`depositInvoiceCii: ${content.number} is a ${content.type} invoice`);
  const lines = categorised(content.lines);
  const notSubject = lines.every((l) => l.category === "O");
  const what = content.depositKind === "arrhes" ? "Arrhes" : "Acompte";
  const order = content.orderRef ? ` sur la commande ${content.orderRef}` : "";
  const cashed = content.paymentDate ?? content.date;
  return {
    typeCode: "386",
    number: content.number,
    issueDate: content.date,
    notes: [
      { subject: "AAI", text: `${what}${order}, encaissé le ${frenchDate(cashed)} : ${euros(content.total.gross)}.` },
      ...sellerNotes(seller, content.customer, content.penaltyRate),
    ],
    ...parties(seller, content.customer, notSubject),
    ...(content.orderRef ? { orderRef: content.orderRef } : {}),
    supportingDocuments: [],
    lines: itemLines(lines, (tax) => `${what}${order} (${tax})`),
    vat: breakdown(lines),
    totals: content.total,
    prepaid: content.total.gross,
    duePayable: "0.00",
    paymentTerms: `Payé le ${frenchDate(cashed)}.`,
  };
}

/**
 * The final invoice (380): the whole supply per rate as sealed, the deposit
 * invoices it deducts referenced (BG-24; BG-3 too when there is one: the
 * CII D16B syntax has room for a single preceding invoice) and their gross,
 * with the L214-2 interest deducted for a consumer, as prepaid amount, so
 * that the amount due is the sealed one. Assigned to a factor, it names the
 * factor as payee (BG-10), the factor's account as where to pay (BG-16/17)
 * and carries the subrogation mention (C. civ. 1346-1, 1346-5: once it
 * knows of the subrogation, the customer is discharged only by paying the
 * factor) as a note of subject ACC, UNTDID 4451 « factor assignment
 * clause ».
 */
export function finalInvoiceCii(content: SealedInvoice, seller: DocumentSeller): CiiInvoice {
  if (content.type !== "final") throw new Error(`finalInvoiceCii: ${content.number} is a ${content.type} invoice`);
  const deposits = content.deductedDeposits ?? [];
  const interest = content.advanceInterest ? money(content.advanceInterest.deducted) : money(0);
  const prepaid = sumMoney(deposits.map((d) => money(d.total.gross))).plus(interest);
  const due = money(content.amountDue ?? content.total.gross);
  // Sealed by finalInvoice with amountDue = gross − deposits − interest: anything else is a corrupted record.
  if (!money(content.total.gross).minus(prepaid).equals(due))
    throw new Error(`finalInvoiceCii: ${content.number} does not add up (gross − prepaid ≠ amount due)`);
  const lines = categorised(content.lines);
  const notSubject = lines.every((l) => l.category === "O");
  const order = content.orderRef ? ` de la commande ${content.orderRef}` : "";
  const factoring = content.factoring;
  const payTo = factoring
    ? { iban: factoring.iban, ...(factoring.bic ? { bic: factoring.bic } : {}) }
    : seller.iban
      ? { iban: seller.iban, ...(seller.bic ? { bic: seller.bic } : {}) }
      : undefined;
  const transfer = factoring ? `Paiement par virement à ${factoring.factor}` : "Paiement par virement";
  const deducted = deposits.map(
    (d) => `facture d'acompte ${d.number} du ${frenchDate(d.date)} (${euros(d.total.gross)} TTC)`,
  );
  return {
    typeCode: "380",
    number: content.number,
    issueDate: content.date,
    notes: [
      ...(factoring ? [{ subject: "ACC" as const, text: factoring.mention }] : []),
      ...(deducted.length > 0 ? [{ subject: "AAI" as const, text: `Acomptes déduits : ${deducted.join(", ")}.` }] : []),
      ...(content.advanceInterest
        ? [
            {
              subject: "AAI" as const,
              text: `${content.advanceInterest.label} : ${euros(content.advanceInterest.deducted)} (${content.advanceInterest.legalBasis}).`,
            },
          ]
        : []),
      ...sellerNotes(seller, content.customer, content.penaltyRate),
    ],
    ...parties(seller, content.customer, notSubject),
    ...(content.orderRef ? { orderRef: content.orderRef } : {}),
    supportingDocuments: deposits.map((d) => ({ id: d.number })),
    lines: itemLines(lines, (tax) => `Solde${order} (${tax})`),
    vat: breakdown(lines),
    totals: content.total,
    prepaid: formatMoney(prepaid),
    duePayable: formatMoney(due),
    ...(content.dueDate ? { dueDate: content.dueDate } : {}),
    paymentTerms: content.dueDate
      ? `${transfer} au plus tard le ${frenchDate(content.dueDate)}.`
      : factoring
        ? `Paiement à réception, à ${factoring.factor}.`
        : "Paiement à réception.",
    ...(factoring ? { payee: { name: factoring.factor } } : {}),
    ...(payTo && !due.isZero() ? { creditTransfer: payTo } : {}),
    ...(deposits.length === 1 ? { precedingInvoice: { number: deposits[0].number, date: deposits[0].date } } : {}),
  };
}

/**
 * The credit note of a deposit refund (503, the French e-invoicing rules'
 * credit note of a prepayment invoice): the VAT reversed per rate as sealed,
 * the deposit invoice it rectifies as preceding invoice (BG-3), the whole
 * amount owed back to the customer.
 */
export function creditNoteCii(content: CreditNoteContent, seller: DocumentSeller): CiiInvoice {
  const lines = categorised(content.lines);
  const notSubject = lines.every((l) => l.category === "O");
  const cited = `${content.cites.number} du ${frenchDate(content.cites.date)}`;
  return {
    typeCode: "503",
    number: content.number,
    issueDate: content.date,
    notes: [
      {
        subject: "AAI",
        text: `Avoir sur la facture d'acompte ${cited} : remboursement de ${euros(content.total.gross)}.`,
      },
      ...(seller.vatOnDebits ? [VAT_ON_DEBITS_NOTE] : []),
    ],
    ...parties(seller, content.customer, notSubject),
    supportingDocuments: [],
    lines: itemLines(lines, (tax) => `Remboursement de l'acompte facturé par ${content.cites.number} (${tax})`),
    vat: breakdown(lines),
    totals: content.total,
    prepaid: "0.00",
    duePayable: content.total.gross,
    paymentTerms: "Remboursé au client selon le décompte et l'échéancier de remboursement.",
    precedingInvoice: { number: content.cites.number, date: content.cites.date },
  };
}
