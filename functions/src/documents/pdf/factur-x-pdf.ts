/**
 * The Factur-X PDF of a deposit invoice (386), a credit note on a deposit
 * (503), a final invoice (380) or a penalty invoice (380, outside VAT): the EN 16931 XML built from the sealed
 * content by domain/einvoice, embedded as factur-x.xml, and the same
 * document laid out in French for a person. The readable page is drawn from
 * the very CiiInvoice the XML is written from, so the two cannot disagree.
 */
import { createHash } from "node:crypto";
import { frenchDate } from "../../domain/dates/calendar-date";
import type { CiiInvoice, CiiVatBreakdown } from "../../domain/einvoice/cii-invoice";
import { ciiXml } from "../../domain/einvoice/cii-xml";
import {
  creditNoteCii,
  depositInvoiceCii,
  finalInvoiceCii,
  type DocumentSeller,
  type SealedInvoice,
} from "../../domain/einvoice/factur-x-content";
import { PENALTY_INVOICE_TITLE, lateInvoiceCited, penaltyInvoiceCii } from "../../domain/einvoice/penalty-invoice-cii";
import { spacedIban } from "../../domain/bank/iban";
import { payToFactorLine } from "../../domain/einvoice/french-mentions";
import { formatMoney, money } from "../../domain/money/money";
import { euros } from "../../domain/reminders/french-amount";
import type { CreditNoteContent, DocumentCustomer } from "../../domain/refunds/credit-note-content";
import { vatRateLabel } from "../../domain/vocabulary/labels";
import { pdfAssets, type PdfAssets } from "./assets";
import { CONTENT_WIDTH, PageFlow, type Column, type Row } from "./layout";
import { documentHead, footerText } from "./parties";
import { pdfaFrame, savePdfa } from "./pdfa";

/** A rendered document: its bytes and their SHA-256 (hex), what the hash chain records. */
export interface RenderedPdf {
  pdf: Uint8Array;
  sha256: string;
  /** The file name the customer receives, from the document's number. */
  fileName: string;
}

export interface RenderedFacturX extends RenderedPdf {
  /** The embedded factur-x.xml, as embedded. */
  xml: string;
  cii: CiiInvoice;
}

/** The sealed content of one of the three documents: an invoice (deposit or final) or a credit note on a deposit. */
export type FacturXContent = SealedInvoice | CreditNoteContent;

const TITLES: Record<string, string> = {
  "386": "Facture d'acompte",
  "503": "Avoir sur facture d'acompte",
  "380": "Facture",
};

export const sha256Hex = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

const isCreditNote = (content: FacturXContent): content is CreditNoteContent => "cites" in content;

/** The EN 16931 content of a sealed document, by its kind. */
export function ciiOf(content: FacturXContent, seller: DocumentSeller): CiiInvoice {
  if (isCreditNote(content)) return creditNoteCii(content, seller);
  if (content.type === "deposit") return depositInvoiceCii(content, seller);
  if (content.type === "final") return finalInvoiceCii(content, seller);
  return penaltyInvoiceCii(content, seller);
}

const isPenalty = (content: FacturXContent): content is SealedInvoice & { type: "penalty" } =>
  !isCreditNote(content) && content.type === "penalty";

/**
 * A released layout of the page. Each stored document names the renderer,
 * hence the edition, that made it, and a lost upload is rendered again by it
 * and must hash to its seal: a released edition's bytes never change, a
 * layout improvement is a new edition (docs/einvoice.md « Renderer editions »).
 */
export type FacturXEdition = 1 | 2;

export const LATEST_FACTUR_X_EDITION: FacturXEdition = 2;

export interface FacturXOptions {
  edition: FacturXEdition;
}

/** What an edition lays out differently; everything else is the same code for every edition. */
interface EditionRules {
  /**
   * The customer's block prints its VAT number only when the XML names it:
   * a document outside VAT (penalty invoice, arrhes outside VAT) names no VAT
   * identifier (BR-O-02). Edition 1 printed the number on every document.
   */
  customerVatNumberAsXml: boolean;
  /**
   * A VAT breakdown row whose exemption reason already says what its rate
   * label says (category O: « Non soumis à la TVA ») prints the reason alone,
   * once. Edition 1 printed « Non soumis (Non soumis à la TVA) ».
   */
  reasonOnceInBreakdown: boolean;
}

const EDITIONS: Record<FacturXEdition, EditionRules> = {
  1: { customerVatNumberAsXml: false, reasonOnceInBreakdown: false },
  2: { customerVatNumberAsXml: true, reasonOnceInBreakdown: true },
};

/** The customer as the head prints it: in edition 2, with the VAT number the XML's buyer carries, if any. */
const printedCustomer = (content: FacturXContent, cii: CiiInvoice, rules: EditionRules): DocumentCustomer =>
  rules.customerVatNumberAsXml ? { ...content.customer, vatNumber: cii.buyer.vatNumber } : content.customer;

/** « 20 % », or what a rate at 0 means on this document. */
function rateLabel(v: Pick<CiiVatBreakdown, "vatRate" | "category">): string {
  if (v.category === "O") return "Non soumis";
  if (v.category === "E") return "Exonéré";
  return vatRateLabel(v.vatRate);
}

/** The VAT breakdown row's name: the rate, and the exemption reason (BT-120) when it adds to it. */
function breakdownLabel(v: CiiVatBreakdown, rules: EditionRules): string {
  const label = rateLabel(v);
  if (!v.exemptionReason) return label;
  return rules.reasonOnceInBreakdown && v.exemptionReason.startsWith(label)
    ? v.exemptionReason
    : `${label} (${v.exemptionReason})`;
}

const money2 = (a: string) => euros(a);
const R = "right" as const;

function references(cii: CiiInvoice, content: FacturXContent): string[] {
  return [
    `N° ${cii.number}`,
    `Date : ${frenchDate(cii.issueDate)}`,
    ...(cii.precedingInvoice && isCreditNote(content)
      ? [`Facture d'acompte rectifiée : ${cii.precedingInvoice.number} du ${frenchDate(cii.precedingInvoice.date)}`]
      : []),
    ...(cii.precedingInvoice && isPenalty(content)
      ? [`Facture payée en retard : ${cii.precedingInvoice.number} du ${frenchDate(cii.precedingInvoice.date)}`]
      : []),
    ...(cii.orderRef ? [`Commande : ${cii.orderRef}`] : []),
    ...(cii.dueDate ? [`Échéance : ${frenchDate(cii.dueDate)}`] : []),
  ];
}

function supplyTable(flow: PageFlow, cii: CiiInvoice): void {
  flow.heading("Désignation");
  const columns: Column[] = [{ width: CONTENT_WIDTH - 200 }, { width: 80, align: R }, { width: 120, align: R }];
  flow.table(
    columns,
    ["Nature de la prestation ou des biens", "TVA", "Montant HT"],
    cii.lines.map((l) => ({ cells: [l.name, rateLabel(l), money2(l.net)] })),
  );
}

function vatTable(flow: PageFlow, cii: CiiInvoice, rules: EditionRules): void {
  flow.heading("Récapitulatif de la TVA");
  const columns: Column[] = [
    { width: CONTENT_WIDTH - 360 },
    { width: 120, align: R },
    { width: 120, align: R },
    { width: 120, align: R },
  ];
  const rows: Row[] = cii.vat.map((v) => ({
    cells: [
      breakdownLabel(v, rules),
      money2(v.basis),
      money2(v.vat),
      money2(formatMoney(money(v.basis).plus(money(v.vat)))),
    ],
  }));
  rows.push({ cells: ["Total", money2(cii.totals.net), money2(cii.totals.vat), money2(cii.totals.gross)], bold: true });
  flow.table(columns, ["Taux", "Base HT", "TVA", "Total TTC"], rows);
}

/** What the totals lead to: prepaid, deducted deposits, amount due or refunded. */
function settlementRows(cii: CiiInvoice, content: FacturXContent): Row[] {
  if (isCreditNote(content))
    return [{ cells: ["Montant de l'avoir, dû au client", money2(cii.duePayable)], bold: true, shaded: true }];
  if (isPenalty(content))
    return [
      { cells: ["Total, non soumis à la TVA", money2(cii.totals.gross)] },
      { cells: ["Net à payer", money2(cii.duePayable)], bold: true, shaded: true },
    ];
  if (content.type === "deposit") {
    const cashed = content.paymentDate ?? content.date;
    return [
      { cells: [`Total TTC`, money2(cii.totals.gross)] },
      { cells: [`Déjà réglé (encaissé le ${frenchDate(cashed)})`, money2(`-${cii.prepaid}`)] },
      { cells: ["Net à payer", money2(cii.duePayable)], bold: true, shaded: true },
    ];
  }
  return [
    { cells: ["Total TTC de la commande", money2(cii.totals.gross)] },
    ...(content.deductedDeposits ?? []).map((d) => ({
      cells: [
        `Facture d'acompte ${d.number} du ${frenchDate(d.date)} (HT ${money2(d.total.net)}, TVA ${money2(d.total.vat)})`,
        money2(`-${d.total.gross}`),
      ],
    })),
    ...(content.advanceInterest
      ? [
          {
            cells: [
              `${content.advanceInterest.label} (${content.advanceInterest.legalBasis})`,
              money2(`-${content.advanceInterest.deducted}`),
            ],
          },
        ]
      : []),
    { cells: ["Net à payer", money2(cii.duePayable)], bold: true, shaded: true },
  ];
}

/** The assignment a final invoice to a factored customer carries, or undefined. */
const factoringOf = (content: FacturXContent) => (isCreditNote(content) ? undefined : content.factoring);

function payment(flow: PageFlow, cii: CiiInvoice, content: FacturXContent): void {
  flow.heading(isCreditNote(content) ? "Remboursement" : "Règlement");
  flow.table([{ width: CONTENT_WIDTH - 140 }, { width: 140, align: R }], ["", "Montant"], settlementRows(cii, content));
  flow.gap(6);
  const factoring = factoringOf(content);
  // Right under the amount due: paid to anyone but the factor, the invoice is not settled (C. civ. 1346-1, 1346-5).
  if (factoring) {
    flow.framed([
      { text: payToFactorLine(factoring), style: { bold: true, size: 10 } },
      { text: factoring.mention, style: { bold: true } },
    ]);
    flow.gap(6);
  }
  if (cii.paymentTerms) flow.text(`Conditions de paiement : ${cii.paymentTerms}`);
  if (cii.dueDate) flow.text(`Date d'échéance : ${frenchDate(cii.dueDate)}`, { bold: true });
  if (cii.creditTransfer && !factoring)
    flow.text(
      `Virement SEPA : IBAN ${spacedIban(cii.creditTransfer.iban)}${cii.creditTransfer.bic ? ` – BIC ${cii.creditTransfer.bic}` : ""}`,
    );
}

/**
 * How a penalty invoice's penalties were computed: each sum paid late (or
 * still unpaid), its days late, the rate of each half-year, what it earned.
 */
function penaltyDetail(flow: PageFlow, content: SealedInvoice & { type: "penalty" }): void {
  const claim = content.penaltyClaim;
  if (!claim || claim.tranches.length === 0) return;
  flow.heading(`Calcul des pénalités de retard sur ${lateInvoiceCited(claim)}`);
  const columns: Column[] = [
    { width: CONTENT_WIDTH - 300 },
    { width: 80, align: R },
    { width: 100, align: R },
    { width: 120, align: R },
  ];
  const rows: Row[] = claim.tranches.map((t) => ({
    cells: [
      `${money2(t.amount)} ${t.paid ? `réglés le ${frenchDate(t.until)}` : `impayés au ${frenchDate(t.until)}`} (échéance ${frenchDate(claim.dueDate)})`,
      String(t.daysLate),
      t.segments.map((s) => `${s.rate.replace(".", ",")} %`).join(" puis "),
      money2(t.penalties),
    ],
  }));
  if (!money(claim.alreadyInvoiced).isZero())
    rows.push({ cells: ["Déjà facturé", "", "", money2(`-${claim.alreadyInvoiced}`)] });
  rows.push({ cells: ["Pénalités facturées", "", "", money2(claim.penalties)], bold: true });
  flow.table(columns, ["Somme", "Jours", "Taux annuel", "Pénalités"], rows);
}

function mentions(flow: PageFlow, cii: CiiInvoice): void {
  // The subrogation mention (ACC) is framed under the amount due already.
  const legal = cii.notes.filter((n) => n.subject !== "AAI" && n.subject !== "ACC");
  if (legal.length === 0) return;
  flow.heading("Mentions");
  for (const note of legal) flow.text(note.text, { size: 8 });
}

/**
 * The Factur-X PDF/A-3B of a sealed deposit invoice, final invoice or credit
 * note on a deposit, with `seller` its legal identity, laid out as `edition`
 * (the latest unless said: a stored document's renderer says its edition).
 * Same input and edition, same bytes.
 */
export async function renderFacturX(
  content: FacturXContent,
  seller: DocumentSeller,
  assets: PdfAssets = pdfAssets(),
  { edition }: FacturXOptions = { edition: LATEST_FACTUR_X_EDITION },
): Promise<RenderedFacturX> {
  const rules = EDITIONS[edition];
  // Never a silent fallback to another layout: its bytes would not match the document's seal.
  if (!rules) throw new Error(`unknown Factur-X PDF edition ${String(edition)}`);
  const cii = ciiOf(content, seller);
  const xml = ciiXml(cii);
  const title = isPenalty(content) ? PENALTY_INVOICE_TITLE : TITLES[cii.typeCode];
  // The XML and the sealed content together: everything the page shows.
  const hash = sha256Hex(`${xml}\n${JSON.stringify(content)}`);
  const frame = await pdfaFrame(assets, hash);
  const flow = new PageFlow(
    frame,
    footerText(seller, "Données structurées Factur-X (EN 16931) jointes : factur-x.xml."),
  );
  documentHead(flow, seller, title, references(cii, content), printedCustomer(content, cii, rules));
  // A final invoice's notes list the deducted deposits and the L214-2 interest: its settlement table shows them.
  const about = !isCreditNote(content) && content.type === "final" ? [] : cii.notes.filter((n) => n.subject === "AAI");
  for (const note of about) {
    flow.gap(4);
    flow.text(note.text);
  }
  supplyTable(flow, cii);
  if (isPenalty(content)) penaltyDetail(flow, content);
  vatTable(flow, cii, rules);
  payment(flow, cii, content);
  mentions(flow, cii);
  flow.finish();
  const pdf = await savePdfa(
    frame,
    assets,
    {
      date: cii.issueDate,
      title: `${title} ${cii.number}`,
      subject: `${title} ${cii.number} du ${frenchDate(cii.issueDate)} – ${content.customer.name}`,
      author: seller.name,
      contentHash: hash,
    },
    xml,
  );
  return { pdf, sha256: sha256Hex(pdf), fileName: `${cii.number}.pdf`, xml, cii };
}
