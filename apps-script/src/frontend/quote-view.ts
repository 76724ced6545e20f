/** The live preview of a refund: what the credit note reverses and how the money goes back. */
import type { AmountsByRate, Instalment, Quote } from "../interfaces/api";
import { el, facts } from "./dom";
import { formatDate, formatMoney, formatRate } from "./format";

/** A small figures table: caption, column headers, rows of cells, optional footer row. */
function figuresTable(caption: string, headers: string[], rows: string[][], footer?: string[]): HTMLTableElement {
  const row = (cells: string[]) => el("tr", {}, ...cells.map((cell) => el("td", {}, cell)));
  return el(
    "table",
    {},
    el("caption", { class: "muted", style: "text-align:left" }, caption),
    el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, ...rows.map(row)),
    footer ? el("tfoot", {}, row(footer)) : null,
  );
}

export function creditNoteTable(
  lines: AmountsByRate[],
  total?: { net: string; vat: string; gross: string },
): HTMLTableElement {
  return figuresTable(
    "Avoir : montants annulés par taux de TVA",
    ["TVA", "HT", "TVA", "TTC"],
    lines.map((line) => [
      formatRate(line.vatRate),
      formatMoney(line.net),
      formatMoney(line.vat),
      formatMoney(line.gross),
    ]),
    total ? ["Total", formatMoney(total.net), formatMoney(total.vat), formatMoney(total.gross)] : undefined,
  );
}

/** A quote's schedule (planned: no « Payée » column) or a refund's instalments (with the day each was paid). */
export function instalmentsTable(
  instalments: (Pick<Instalment, "n" | "dueDate" | "amount"> & { paidAt?: string | null })[],
): HTMLTableElement {
  const issued = instalments.some((i) => i.paidAt !== undefined);
  return figuresTable(
    "Échéancier du remboursement",
    ["N°", "Échéance", "Montant", ...(issued ? ["Payée"] : [])],
    instalments.map((i) => [
      String(i.n),
      formatDate(i.dueDate),
      formatMoney(i.amount),
      ...(issued ? [i.paidAt ? formatDate(i.paidAt) : "—"] : []),
    ]),
  );
}

/** What late payments added to a consumer's refund, as the customer's statement shows it (no VAT). */
export function supplementsTable(
  supplements: { label: string; legalBasis: string; amount: string }[],
  totalOwed: string,
): HTMLTableElement {
  return figuresTable(
    "Compléments dus pour paiement tardif (sans TVA)",
    ["Complément", "Fondement", "Montant"],
    supplements.map((s) => [s.label, s.legalBasis, formatMoney(s.amount)]),
    ["Total dû au client", "", formatMoney(totalOwed)],
  );
}

export function quoteView(quote: Quote): HTMLElement {
  const settlement = quote.settlement;
  const offsets = settlement?.offset ?? [];
  const cites = quote.creditNote.cites?.reference;
  return el(
    "div",
    { class: "quote" },
    quote.entitlement?.explanation
      ? el(
          "p",
          { class: "note" },
          quote.entitlement.explanation,
          quote.entitlement.legalBasis ? el("span", { class: "muted" }, ` (${quote.entitlement.legalBasis})`) : null,
        )
      : null,
    cites ? el("p", { class: "muted" }, `Avoir sur la facture d'acompte ${cites}`) : null,
    creditNoteTable(quote.creditNote.lines, quote.creditNote.total),
    quote.compensation?.length
      ? el(
          "div",
          {},
          el("h2", {}, "Indemnités (hors TVA)"),
          facts(
            quote.compensation.map((c): [string, string] => [
              c.direction === "kept" ? `${c.label} (conservé)` : c.label,
              formatMoney(c.amount),
            ]),
          ),
        )
      : null,
    settlement
      ? el(
          "div",
          {},
          el("h2", {}, "Règlement"),
          facts([
            ["Versé au client", formatMoney(settlement.paidOut)],
            ...offsets.map((o): [string, string] => [`Imputé sur ${o.invoiceNumber}`, formatMoney(o.amount)]),
            [
              "Conservé en avoir",
              settlement.keptAsCredit && settlement.keptAsCredit !== "0.00"
                ? formatMoney(settlement.keptAsCredit)
                : null,
            ],
          ]),
        )
      : null,
    quote.schedule?.length ? instalmentsTable(quote.schedule) : null,
    facts([
      ["Total dû au client", quote.total ? formatMoney(quote.total) : null],
      ["Solde remboursable après", quote.balanceAfter ? formatMoney(quote.balanceAfter.total.gross) : null],
    ]),
    quote.warnings?.length ? el("ul", { class: "warnings" }, ...quote.warnings.map((w) => el("li", {}, w))) : null,
  );
}
