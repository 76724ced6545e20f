import { frenchDate } from "../dates/calendar-date";
import { euros } from "../reminders/french-amount";
import { CHARGEABILITY_LABELS, type VatReturn } from "./vat-return";

/** A cell of the `TVA` sheet: text stays text (never a formula), amounts and dates typed for their column format. */
export type VatCell = { t: "text" | "money" | "date"; v: string | null };

const text = (v: string | null): VatCell => ({ t: "text", v });
const amount = (v: string | null): VatCell => ({ t: "money", v });
const day = (v: string | null): VatCell => ({ t: "date", v });

/** The header of the documents' table, as the `TVA` sheet shows it. */
export const VAT_DOCUMENT_HEADERS = [
  "Taux",
  "Origine",
  "Pièce",
  "Date de la pièce",
  "Comptabilisée le",
  "Exigibilité",
  "Exigible le",
  "Base HT",
  "TVA",
];

/**
 * The return as the `TVA` sheet and the reviewed file lay it out, in French:
 * the CA3 lines, then per rate and per source a subtotal and the documents
 * behind it, the check against 44571, and the points to verify.
 */
export function vatReturnRows(r: VatReturn): VatCell[][] {
  const rows: VatCell[][] = [
    [
      text(`Déclaration de TVA (CA3) : ${r.period.label}`),
      text(`du ${frenchDate(r.period.start)} au ${frenchDate(r.period.end)}`),
    ],
    [],
    [text("Ligne CA3"), text("Libellé"), text("Base HT"), text("TVA")],
    ...r.ca3.map((l) => [text(l.line), text(l.label), amount(l.base), amount(l.vat)]),
    [],
    VAT_DOCUMENT_HEADERS.map(text),
  ];
  for (const rate of r.rates)
    for (const source of rate.sources.filter((s) => s.documents.length > 0)) {
      rows.push([
        text(rate.label),
        text(`${source.label} (${source.source === "creditNote" ? "lignes B5 et 21" : `ligne ${rate.ca3Line}`})`),
        text(`${source.documents.length} pièce(s)`),
        text(null),
        text(null),
        text(null),
        text(null),
        amount(source.base),
        amount(source.vat),
      ]);
      for (const d of source.documents)
        rows.push([
          text(rate.label),
          text(source.label),
          text(d.invoice ? `${d.number} (facture ${d.invoice})` : d.number),
          day(d.date),
          day(d.postedOn),
          text(CHARGEABILITY_LABELS[d.chargeability]),
          day(d.chargeableOn),
          amount(d.base),
          amount(d.vat),
        ]);
    }
  rows.push(
    [],
    [
      text("Contrôle"),
      text("TVA d'après les pièces"),
      amount(r.total.vat),
      text("Mouvement du compte 44571"),
      amount(r.ledgerVat),
    ],
    ...r.warnings.map((w) => [text("Point à vérifier"), text(w)]),
  );
  return rows;
}

/** A cell as a reader sees it in a text file: `1 234,56 €`, `30/11/2026`. */
export function vatCellText(cell: VatCell): string {
  if (cell.v === null) return "";
  if (cell.t === "money") return euros(cell.v);
  if (cell.t === "date") return frenchDate(cell.v);
  return cell.v;
}
