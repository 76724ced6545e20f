import { frenchDate } from "../dates/calendar-date";
import { vatDueDate } from "../deposits/vat-due-date";
import type { SupplyKind } from "../deposits/deposit-kind";
import { EngineRuleError, type FieldError } from "../errors/engine-error";
import { Money, ZERO, formatMoney, money } from "../money/money";
import { euros } from "../reminders/french-amount";
import type { VatRate } from "../vat/vat-rates";
import { vatRateLabel } from "../vocabulary/labels";
import { CA3_LABELS, CA3_RATES, CA3_RATE_LINES } from "./ca3-lines";
import { monthLabel, type VatPeriod } from "./vat-period";

/**
 * What posted VAT on 44571: a cashed deposit, a final invoice (net of its
 * deposits), a payment of a services invoice whose VAT waited for it (CGI
 * art. 269-2-c, moved from 44574), a credit note.
 */
export type VatSource = "deposit" | "finalInvoice" | "payment" | "creditNote";

/** The sources in the order each rate lists them: what raises the VAT, then what reduces it. */
export const VAT_SOURCES: readonly VatSource[] = ["deposit", "finalInvoice", "payment", "creditNote"];

/** French names of the sources, as the `TVA` sheet shows them. */
export const VAT_SOURCE_LABELS: Record<VatSource, string> = {
  deposit: "Acomptes encaissés",
  finalInvoice: "Factures de solde, nettes des acomptes déjà taxés",
  payment: "Prestations encaissées (TVA sur les encaissements)",
  creditNote: "Avoirs",
};

/**
 * Why the VAT of a document is chargeable when it is: a deposit on cashing
 * (goods since 1 January 2023 and services, CGI art. 269-2-a and c); under
 * the option for debits, a services deposit or invoice at invoicing
 * (`debits`); goods at delivery, taken as the invoice date; services without
 * the option on payment of the price (`payment`); a credit note when issued.
 */
export type Chargeability = "cashing" | "debits" | "delivery" | "payment" | "creditNote";

/** French names of the chargeability events, as the `TVA` sheet shows them. */
export const CHARGEABILITY_LABELS: Record<Chargeability, string> = {
  cashing: "Encaissement",
  debits: "Débits (date de facture)",
  delivery: "Livraison (date de facture)",
  payment: "Encaissement du prix",
  creditNote: "Émission de l'avoir",
};

/** Net and VAT at one rate, decimal strings, positive as the document prints them. */
export interface VatRateLine {
  vatRate: VatRate;
  net: string;
  vat: string;
}

/** One document behind the return, as the workflow reads it with the 44571 movements of its entries. */
export interface VatDocumentInput {
  source: VatSource;
  /** The deposit invoice, final invoice or credit note; a payment's piece (`PAI-…`, or the credit note set against the invoice). */
  number: string;
  /** Its date (the deposit invoice, final invoice or credit note; the day a payment was received). */
  date: string;
  /** A payment: the services invoice whose VAT it made chargeable. */
  invoice?: string;
  /** The day its entry was posted: the 44571 movement's date. */
  postedOn: string;
  /** What is supplied (deposits and final invoices): decides when VAT is chargeable. */
  supplyKind?: SupplyKind;
  /** A deposit: the day it was cashed. */
  cashedOn?: string;
  /**
   * A deposit: when its VAT became due as the engine decided at recording
   * (vatDueDate, under the company's options of that day); recomputed from
   * `cashedOn` with today's options when absent.
   */
  vatDue?: { basis: string; date: string | null };
  /**
   * Per rate, what the document made chargeable: a deposit's or credit
   * note's own lines, a final invoice's lines less its deposits
   * (finalInvoiceVatLines), a payment's share of its invoice's (vatChargeableOnPayment).
   */
  lines: VatRateLine[];
  /** Credit − debit on 44571 of the entries that posted it (negative for a credit note). */
  ledgerVat: string;
  /** Its journal entries' numbers, for the problems a mismatch lists. */
  entries: string[];
}

/** A 44571 movement of the period that no VAT document explains. */
export interface UnexplainedMovement {
  entry: string;
  pieceRef: string;
  amount: string;
}

/** One document in a figure: signed (a credit note reduces). */
export interface VatReturnDocument {
  number: string;
  date: string;
  /** A payment: the invoice it paid. */
  invoice?: string;
  postedOn: string;
  chargeability: Chargeability;
  /** The day VAT became chargeable; null when it waits for a payment the ledger does not follow. */
  chargeableOn: string | null;
  base: string;
  vat: string;
}

/** One source at one rate: its base and VAT (signed) and the documents behind them. */
export interface VatSourceFigure {
  source: VatSource;
  label: string;
  base: string;
  vat: string;
  documents: VatReturnDocument[];
}

/** Everything at one rate: per source, the CA3 line, and the net after credit notes. */
export interface VatRateFigure {
  vatRate: VatRate;
  label: string;
  /** The CA3 line its taxable base and VAT go on (08, 09, 9B, 14). */
  ca3Line: string;
  sources: VatSourceFigure[];
  /** Deposits and final invoices: the base and VAT of the CA3 rate line. */
  taxable: { base: string; vat: string };
  /** After credit notes: what 44571 moved at this rate. */
  net: { base: string; vat: string };
}

/** A line of the CA3 as the return fills it; null where the form has no amount in that column. */
export interface Ca3Line {
  line: string;
  label: string;
  base: string | null;
  vat: string | null;
}

/** The figures of a VAT return (docs/vat-return.md). */
export interface VatReturn {
  period: VatPeriod;
  rates: VatRateFigure[];
  ca3: Ca3Line[];
  /** Net of credit notes; `vat` equals `ledgerVat` (checked). */
  total: { base: string; vat: string };
  /** The period's net credit movement on 44571. */
  ledgerVat: string;
  documents: number;
  /** Things an accountant must look at before filing (French). */
  warnings: string[];
}

/**
 * What a final invoice makes chargeable per rate: its lines less the deposits
 * it deducts (their VAT was due when they were cashed, CGI art. 269-2).
 *
 * @example
 * finalInvoiceVatLines([{ vatRate: "20", net: "12000.00", vat: "2400.00" }], [[{ vatRate: "20", net: "3600.00", vat: "720.00" }]]);
 * // → [{ vatRate: "20", net: "8400.00", vat: "1680.00" }]
 */
export function finalInvoiceVatLines(
  lines: readonly VatRateLine[],
  deposits: readonly (readonly VatRateLine[])[],
): VatRateLine[] {
  const byRate = new Map<VatRate, { net: Money; vat: Money }>();
  const add = (l: VatRateLine, sign: 1 | -1) => {
    const at = byRate.get(l.vatRate) ?? { net: ZERO, vat: ZERO };
    byRate.set(l.vatRate, { net: at.net.plus(money(l.net).times(sign)), vat: at.vat.plus(money(l.vat).times(sign)) });
  };
  lines.forEach((l) => add(l, 1));
  deposits.forEach((d) => d.forEach((l) => add(l, -1)));
  return [...byRate].map(([vatRate, a]) => ({ vatRate, net: formatMoney(a.net), vat: formatMoney(a.vat) }));
}

interface Sum {
  base: Money;
  vat: Money;
  documents: VatReturnDocument[];
}

type TaxedRate = Exclude<VatRate, "0">;

/**
 * Builds a VAT return one document at a time (a quarter of a large company
 * is never held as entries, only as the documents each figure lists).
 * `result()` refuses, with the documents at fault, figures that would not
 * equal the period's 44571 movements to the cent.
 */
export class VatReturnBuilder {
  private readonly sums = new Map<string, Sum>();
  private ledger: Money = ZERO;
  private count = 0;
  private readonly problems: FieldError[] = [];
  private readonly warnings: string[] = [];

  constructor(
    private readonly period: VatPeriod,
    private readonly options: { vatOnDebits: boolean },
  ) {}

  add(doc: VatDocumentInput): void {
    this.count += 1;
    this.ledger = this.ledger.plus(money(doc.ledgerVat));
    const sign = doc.source === "creditNote" ? -1 : 1;
    const { chargeability, chargeableOn } = this.chargeability(doc);
    let vat = ZERO;
    for (const line of doc.lines) {
      const lineVat = money(line.vat).times(sign);
      vat = vat.plus(lineVat);
      // Rate 0: arrhes outside the scope of VAT, nothing on the CA3's taxed lines.
      if (line.vatRate === "0") continue;
      const sum = this.sum(line.vatRate, doc.source);
      const base = money(line.net).times(sign);
      sum.base = sum.base.plus(base);
      sum.vat = sum.vat.plus(lineVat);
      sum.documents.push({
        number: doc.number,
        date: doc.date,
        ...(doc.invoice ? { invoice: doc.invoice } : {}),
        postedOn: doc.postedOn,
        chargeability,
        chargeableOn,
        base: formatMoney(base),
        vat: formatMoney(lineVat),
      });
    }
    if (!vat.equals(money(doc.ledgerVat)))
      this.problems.push({
        path: doc.number,
        message: `${doc.number} : ${euros(vat)} de TVA d'après la pièce, ${euros(doc.ledgerVat)} au compte 44571 (écriture ${doc.entries.join(", ")}).`,
      });
  }

  /** A 44571 movement without a VAT document behind it: counted in the ledger total, and a problem. */
  addUnexplained(movement: UnexplainedMovement): void {
    this.ledger = this.ledger.plus(money(movement.amount));
    this.problems.push({
      path: movement.pieceRef,
      message: `Écriture ${movement.entry} (${movement.pieceRef}) : ${euros(movement.amount)} au compte 44571 sans pièce de TVA connue.`,
    });
  }

  result(): VatReturn {
    const rates = CA3_RATES.filter((r) => VAT_SOURCES.some((s) => this.sums.has(`${r}/${s}`))).map((r) =>
      this.rateFigure(r),
    );
    const sum = (pick: (f: VatRateFigure) => string) => rates.reduce((t, f) => t.plus(money(pick(f))), ZERO);
    const credit = (f: VatRateFigure, key: "base" | "vat") =>
      money(f.sources.find((s) => s.source === "creditNote")![key]).negated();
    const totalVat = sum((f) => f.net.vat);
    if (!totalVat.equals(this.ledger) && this.problems.length === 0)
      this.problems.push({
        path: "44571",
        message: `Total : ${euros(totalVat)} de TVA d'après les pièces, ${euros(this.ledger)} au compte 44571.`,
      });
    if (this.problems.length > 0)
      throw new EngineRuleError(
        "VAT_LEDGER_MISMATCH",
        `Les chiffres de TVA de ${this.period.label} ne sont pas égaux aux mouvements du compte 44571 : ${this.problems.length === 1 ? "l'écart suivant est à corriger" : `les ${this.problems.length} écarts suivants sont à corriger`} avant de déclarer.`,
        this.problems.slice(0, 50),
      );
    const grossVat = sum((f) => f.taxable.vat);
    const creditVat = rates.reduce((t, f) => t.plus(credit(f, "vat")), ZERO);
    const line = (l: { line: string; label: string }, base: Money | null, vat: Money | null): Ca3Line => ({
      ...l,
      base: base && formatMoney(base),
      vat: vat && formatMoney(vat),
    });
    const ca3: Ca3Line[] = [
      line(
        CA3_LABELS.sales,
        sum((f) => f.taxable.base),
        null,
      ),
      line(
        CA3_LABELS.regularisations,
        rates.reduce((t, f) => t.plus(credit(f, "base")), ZERO),
        null,
      ),
      ...CA3_RATES.map((r) => {
        const f = rates.find((x) => x.vatRate === r);
        return line(CA3_RATE_LINES[r], money(f?.taxable.base ?? 0), money(f?.taxable.vat ?? 0));
      }),
      line(CA3_LABELS.grossVat, null, grossVat),
      line(CA3_LABELS.otherDeductible, null, creditVat),
      line(CA3_LABELS.net, null, grossVat.minus(creditVat)),
    ];
    return {
      period: this.period,
      rates,
      ca3,
      total: { base: formatMoney(sum((f) => f.net.base)), vat: formatMoney(totalVat) },
      ledgerVat: formatMoney(this.ledger),
      documents: this.count,
      warnings: this.warnings,
    };
  }

  private sum(rate: VatRate, source: VatSource): Sum {
    const key = `${rate}/${source}`;
    let sum = this.sums.get(key);
    if (!sum) this.sums.set(key, (sum = { base: ZERO, vat: ZERO, documents: [] }));
    return sum;
  }

  private rateFigure(rate: TaxedRate): VatRateFigure {
    const sources = VAT_SOURCES.map((source) => {
      const sum = this.sums.get(`${rate}/${source}`) ?? { base: ZERO, vat: ZERO, documents: [] };
      return {
        source,
        label: VAT_SOURCE_LABELS[source],
        base: formatMoney(sum.base),
        vat: formatMoney(sum.vat),
        documents: [...sum.documents].sort(
          (a, b) => a.postedOn.localeCompare(b.postedOn) || a.number.localeCompare(b.number),
        ),
      };
    });
    const total = (from: VatSourceFigure[], key: "base" | "vat") =>
      formatMoney(from.reduce((t, s) => t.plus(money(s[key])), ZERO));
    const taxed = sources.filter((s) => s.source !== "creditNote");
    return {
      vatRate: rate,
      label: vatRateLabel(rate),
      ca3Line: CA3_RATE_LINES[rate].line,
      sources,
      taxable: { base: total(taxed, "base"), vat: total(taxed, "vat") },
      net: { base: total(sources, "base"), vat: total(sources, "vat") },
    };
  }

  /** When the document's VAT became chargeable, with a warning when the ledger's date is not that period's. */
  private chargeability(doc: VatDocumentInput): { chargeability: Chargeability; chargeableOn: string | null } {
    if (doc.source === "creditNote") return { chargeability: "creditNote", chargeableOn: doc.date };
    if (doc.source === "payment") {
      if (doc.date < this.period.start)
        this.warnings.push(
          `Encaissement ${doc.number} du ${frenchDate(doc.date)} (facture ${doc.invoice}, prestations de services) : TVA exigible à l'encaissement (CGI art. 269-2-c), à déclarer en ${monthLabel(doc.date)}, elle figure ici en régularisation.`,
        );
      return { chargeability: "payment", chargeableOn: doc.date };
    }
    const services = doc.supplyKind === "services";
    if (doc.source === "deposit") {
      const due =
        doc.vatDue ??
        vatDueDate({
          supplyKind: doc.supplyKind ?? "goods",
          invoiceDate: doc.date,
          cashedDate: doc.cashedOn,
          vatOnDebits: this.options.vatOnDebits,
        });
      const chargeableOn = due.date ?? doc.postedOn;
      if (chargeableOn < this.period.start)
        this.warnings.push(
          `Acompte ${doc.number} : TVA exigible le ${frenchDate(chargeableOn)} (${due.basis === "cashing" ? "encaissement" : "facture, option pour les débits"}), facture émise le ${frenchDate(doc.date)} : à déclarer en ${monthLabel(chargeableOn)}, elle figure ici en régularisation.`,
        );
      return { chargeability: due.basis === "invoicing" ? "debits" : "cashing", chargeableOn };
    }
    if (!services) return { chargeability: "delivery", chargeableOn: doc.date };
    if (this.options.vatOnDebits) return { chargeability: "debits", chargeableOn: doc.date };
    // Only an invoice posted before the pending account 44574 existed: later ones wait there until paid.
    this.warnings.push(
      `Facture ${doc.number} (prestations de services) : sans option pour les débits, la TVA est exigible à l'encaissement du prix (CGI art. 269-2-c), or le grand livre l'a comptabilisée au compte 44571 à la date de facture (${frenchDate(doc.date)}).`,
    );
    return { chargeability: "payment", chargeableOn: null };
  }
}
