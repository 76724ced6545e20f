/**
 * The penalty invoice (380) as an EN 16931 document: the late-payment
 * penalties (Code de commerce L441-10) and the €40 recovery indemnity
 * (D441-5) claimed on one late invoice of a professional customer. Both
 * compensate the harm of the delay and pay for no supply: outside the scope
 * of VAT (CGI art. 256), so every line is category O « not subject to VAT »
 * — which forbids the seller's and buyer's VAT identifiers (BR-O-02), the
 * seller's going into its legal mentions — and the VAT total is 0. The late
 * invoice is cited by number and date as the preceding invoice (BG-3) and in
 * a note; the legal basis and the VAT treatment are notes too.
 */
import { frenchDate } from "../dates/calendar-date";
import { money } from "../money/money";
import { euros } from "../reminders/french-amount";
import type { CiiInvoice, CiiLine } from "./cii-invoice";
import { NOT_SUBJECT, parties, type DocumentSeller, type SealedInvoice } from "./factur-x-content";
import { latePaymentNotes } from "./french-mentions";

/** The title the page and the mail give a penalty invoice. */
export const PENALTY_INVOICE_TITLE = "Facture de pénalités de retard";

/** « la facture FA-2026-000001 du 15/01/2026 ». */
export function lateInvoiceCited(claim: { number: string; date: string }): string {
  return `la facture ${claim.number} du ${frenchDate(claim.date)}`;
}

/** The penalty invoice's EN 16931 content from its sealed content: category O lines, the late invoice as BG-3. */
export function penaltyInvoiceCii(content: SealedInvoice, seller: DocumentSeller): CiiInvoice {
  const claim = content.penaltyClaim;
  if (content.type !== "penalty" || !claim)
    throw new Error(`penaltyInvoiceCii: ${content.number} is a ${content.type} invoice`);
  const cited = lateInvoiceCited(claim);
  const line = (id: string, name: string, net: string): CiiLine => ({ id, name, vatRate: "0", category: "O", net });
  const lines = [
    ...(money(claim.penalties).isZero()
      ? []
      : [line("1", `Pénalités de retard sur ${cited} (Code de commerce, art. L441-10)`, claim.penalties)]),
    ...(money(claim.indemnity).isZero()
      ? []
      : [
          line(
            "2",
            `Indemnité forfaitaire pour frais de recouvrement sur ${cited} (Code de commerce, art. L441-10 et D441-5)`,
            claim.indemnity,
          ),
        ]),
  ];
  const earlier = claim.earlierClaims.map((c) => `${c.number} du ${frenchDate(c.date)}`);
  const due = content.amountDue ?? content.total.gross;
  return {
    typeCode: "380",
    number: content.number,
    issueDate: content.date,
    notes: [
      {
        subject: "AAI",
        text: `Pénalités de retard et indemnité forfaitaire réclamées sur ${cited} (échéance le ${frenchDate(claim.dueDate)}, ${euros(claim.amountDue)} TTC).${earlier.length > 0 ? ` Déjà facturé : ${euros(claim.alreadyInvoiced)} de pénalités (${earlier.join(", ")}).` : ""}`,
      },
      { subject: "REG", text: `Fondement : ${claim.legalBasis}.` },
      { subject: "REG", text: `TVA : ${claim.vatTreatment}` },
      ...latePaymentNotes(claim.contractRate),
    ],
    ...parties(seller, content.customer, true),
    ...(content.orderRef ? { orderRef: content.orderRef } : {}),
    supportingDocuments: [],
    lines,
    vat: [{ vatRate: "0", category: "O", basis: content.total.net, vat: "0.00", ...NOT_SUBJECT }],
    totals: content.total,
    prepaid: "0.00",
    duePayable: due,
    ...(content.dueDate ? { dueDate: content.dueDate } : {}),
    paymentTerms: content.dueDate
      ? `Paiement par virement au plus tard le ${frenchDate(content.dueDate)}.`
      : "Paiement à réception.",
    ...(seller.iban && !money(due).isZero()
      ? { creditTransfer: { iban: seller.iban, ...(seller.bic ? { bic: seller.bic } : {}) } }
      : {}),
    precedingInvoice: { number: claim.number, date: claim.date },
  };
}
