/**
 * The refund statement and schedule (« décompte et échéancier de
 * remboursement ») the customer receives with the credit note: what is
 * credited per VAT rate, the legal compensation outside VAT with its legal
 * basis, how the total is settled (paid out, offset against which invoices,
 * kept as credit) and the dated instalments. Not an invoice: a PDF/A-3B
 * without embedded XML.
 */
import { frenchDate } from "../../domain/dates/calendar-date";
import type { DocumentSeller } from "../../domain/einvoice/factur-x-content";
import { money } from "../../domain/money/money";
import { euros } from "../../domain/reminders/french-amount";
import type { RefundQuote } from "../../domain/refunds/refund-quote";
import type { RefundStatement, StatementInstalment } from "../../domain/refunds/refund-statement";
import { vatRateLabel } from "../../domain/vocabulary/labels";
import { pdfAssets, type PdfAssets } from "./assets";
import { sha256Hex, type RenderedPdf } from "./factur-x-pdf";
import { CONTENT_WIDTH, PageFlow, type Column, type Row } from "./layout";
import { documentHead, footerText } from "./parties";
import { pdfaFrame, savePdfa } from "./pdfa";

export type { RefundStatement, StatementInstalment };

export const REFUND_STATEMENT_TITLE = "Décompte et échéancier de remboursement";

const R = "right" as const;

/** Keys sorted at every level: the same statement hashes the same however its object was assembled. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

function creditSection(flow: PageFlow, quote: RefundQuote): void {
  flow.heading("Montants crédités par taux de TVA");
  const { creditNote } = quote;
  const columns: Column[] = [
    { width: CONTENT_WIDTH - 360 },
    { width: 120, align: R },
    { width: 120, align: R },
    { width: 120, align: R },
  ];
  const rows: Row[] = creditNote.lines
    .filter((l) => !money(l.net).isZero() || !money(l.vat).isZero())
    .map((l) => ({
      cells: [
        money(l.vatRate).isZero() ? "Hors TVA" : vatRateLabel(l.vatRate),
        euros(l.net),
        euros(l.vat),
        euros(l.gross),
      ],
    }));
  rows.push({
    cells: ["Total", euros(creditNote.total.net), euros(creditNote.total.vat), euros(creditNote.total.gross)],
    bold: true,
  });
  flow.table(columns, ["Taux", "HT", "TVA", "TTC"], rows);
  if (quote.entitlement.forfeited)
    flow.text("Les arrhes sont conservées par le vendeur : rien n'est remboursé au titre de l'avoir.", { bold: true });
}

/** A customer credit paid back: no VAT, no invoice rectified, only the sum paid in excess. */
function customerCreditSection(flow: PageFlow, statement: RefundStatement, date: string): void {
  flow.heading("Crédit client remboursé");
  const columns: Column[] = [{ width: CONTENT_WIDTH - 140 }, { width: 140, align: R }];
  flow.table(
    columns,
    ["", "Montant"],
    [{ cells: [`Somme versée en trop, créditée le ${frenchDate(date)}`, euros(statement.quote.total)], bold: true }],
  );
  flow.text(
    "Remboursement d'une somme payée en trop : aucune facture n'est rectifiée, aucun avoir n'est émis, le montant ne porte pas de TVA.",
    { size: 8, muted: true },
  );
}

function compensationSection(flow: PageFlow, statement: RefundStatement): void {
  const { compensation } = statement.quote;
  const supplements = statement.supplements ?? [];
  if (compensation.length === 0 && supplements.length === 0) return;
  flow.heading("Indemnités légales (hors champ de la TVA)");
  const columns: Column[] = [{ width: CONTENT_WIDTH - 300 }, { width: 180 }, { width: 120, align: R }];
  flow.table(
    columns,
    ["Nature", "Fondement", "Montant"],
    [
      ...compensation.map((c) => ({
        cells: [
          `${c.label}${c.direction === "kept" ? " – conservé par le vendeur" : " – dû au client"}`,
          c.legalBasis,
          euros(c.amount),
        ],
      })),
      ...supplements.map((s) => ({
        cells: [`${s.label} (échéance n° ${s.instalment})`, s.legalBasis, euros(s.amount)],
      })),
    ],
  );
  flow.text(
    "Ces sommes réparent un préjudice ou un retard : elles ne sont pas la contrepartie d'une livraison et ne portent pas de TVA.",
    { size: 8, muted: true },
  );
}

function settlementSection(flow: PageFlow, statement: RefundStatement): void {
  const { quote } = statement;
  const total = (statement.supplements ?? []).reduce((t, s) => t.plus(money(s.amount)), money(quote.total));
  flow.heading("Règlement");
  const columns: Column[] = [{ width: CONTENT_WIDTH - 140 }, { width: 140, align: R }];
  flow.table(
    columns,
    ["", "Montant"],
    [
      { cells: ["Total dû au client", euros(total)], bold: true },
      { cells: ["Remboursé au client selon l'échéancier ci-dessous", euros(quote.settlement.paidOut)] },
      ...quote.settlement.offset.map((o) => ({
        cells: [`Compensé avec la facture ${o.invoiceNumber}`, euros(o.amount)],
      })),
      ...(money(quote.settlement.keptAsCredit).isZero()
        ? []
        : [{ cells: ["Conservé en avoir sur votre compte client", euros(quote.settlement.keptAsCredit)] }]),
    ],
  );
}

function scheduleSection(flow: PageFlow, statement: RefundStatement): void {
  const instalments: StatementInstalment[] = statement.instalments ?? statement.quote.schedule;
  if (instalments.length === 0) return;
  flow.heading("Échéancier de remboursement");
  const columns: Column[] = [{ width: 70 }, { width: 130 }, { width: 140, align: R }, { width: CONTENT_WIDTH - 340 }];
  flow.table(
    columns,
    ["Échéance", "Date", "Montant", "État"],
    [...instalments]
      .sort((a, b) => a.n - b.n)
      .map((i) => ({
        cells: [
          `n° ${i.n}`,
          frenchDate(i.dueDate),
          euros(i.amount),
          i.paidOn
            ? `Versée le ${frenchDate(i.paidOn)}`
            : i.supplementFor !== undefined
              ? `Complément (retard de l'échéance n° ${i.supplementFor})`
              : "À venir",
        ],
      })),
  );
}

/** The refund statement and schedule as a PDF/A-3B; same statement, same bytes. */
export async function renderRefundStatement(
  statement: RefundStatement,
  seller: DocumentSeller,
  assets: PdfAssets = pdfAssets(),
): Promise<RenderedPdf> {
  const hash = sha256Hex(canonical({ statement, seller }));
  const frame = await pdfaFrame(assets, hash);
  const credit = statement.customerCredit;
  const flow = new PageFlow(
    frame,
    footerText(
      seller,
      credit
        ? "Document d'information ; il n'est pas une facture."
        : "Document d'information joint à l'avoir ; il n'est pas une facture.",
    ),
  );
  const { quote } = statement;
  documentHead(
    flow,
    seller,
    REFUND_STATEMENT_TITLE,
    [
      `Demande n° ${statement.number}`,
      `Date : ${frenchDate(statement.date)}`,
      credit
        ? `Crédit client du ${frenchDate(credit.date)}`
        : `Facture d'acompte : ${quote.creditNote.cites.reference}`,
      ...(statement.creditNote
        ? [`Avoir : ${statement.creditNote.number} du ${frenchDate(statement.creditNote.date)}`]
        : []),
    ],
    statement.customer,
  );
  flow.gap(4);
  flow.text(`Motif : ${quote.reasonLabel}.`, { bold: true });
  if (quote.entitlement.explanation) flow.text(quote.entitlement.explanation);
  if (quote.entitlement.legalBasis)
    flow.text(`Fondement : ${quote.entitlement.legalBasis.replace(/\.$/, "")}.`, { size: 8, muted: true });
  if (credit) customerCreditSection(flow, statement, credit.date);
  else creditSection(flow, quote);
  compensationSection(flow, statement);
  settlementSection(flow, statement);
  scheduleSection(flow, statement);
  flow.finish();
  const pdf = await savePdfa(frame, assets, {
    date: statement.date,
    title: `${REFUND_STATEMENT_TITLE} ${statement.number}`,
    subject: `${REFUND_STATEMENT_TITLE} ${statement.number} du ${frenchDate(statement.date)} – ${statement.customer.name}`,
    author: seller.name,
    contentHash: hash,
  });
  return { pdf, sha256: sha256Hex(pdf), fileName: `decompte-${statement.number}.pdf` };
}
