import type { SeriesKind } from "../model/chain";
import type { NumberedKind } from "../model/sequence";
import { CREDIT_NOTES, INVOICES, JOURNAL_ENTRIES, REFUND_STATEMENTS } from "../model/collections";

export interface SeriesInfo {
  /** Prefix of the printed number. */
  prefix: string;
  collection: string;
  /** French plural, as in « la chaîne des factures 2026 ». */
  label: string;
  /** French singular with its article, as in « la facture FA-2026-000002 manque ». */
  noun: string;
  /** French object pronoun agreeing with the noun: « … alors que l'empreinte la comptait ». */
  pronoun: "le" | "la";
}

/** Prefix of the printed number, collection and French names of each chained series. */
export const SERIES: Record<SeriesKind, SeriesInfo> = {
  invoice: { prefix: "FA", collection: INVOICES, label: "factures", noun: "la facture", pronoun: "la" },
  creditNote: { prefix: "AV", collection: CREDIT_NOTES, label: "avoirs", noun: "l'avoir", pronoun: "le" },
  journal: { prefix: "EC", collection: JOURNAL_ENTRIES, label: "écritures", noun: "l'écriture", pronoun: "la" },
  statement: {
    prefix: "DR",
    collection: REFUND_STATEMENTS,
    label: "décomptes de remboursement de crédits clients",
    noun: "le décompte",
    pronoun: "le",
  },
};

/** Prefix of every numbered series' printed number, chained or not (model/sequence.ts). */
const PREFIXES: Record<NumberedKind, string> = {
  invoice: SERIES.invoice.prefix,
  creditNote: SERIES.creditNote.prefix,
  journal: SERIES.journal.prefix,
  statement: SERIES.statement.prefix,
  refundRequest: "RB",
  transferFile: "VIR",
};

/** Not a series of ours: imported invoices keep the other tool's numbering (`seq` 0, nothing chained). */
export const EXTERNAL_SERIES = "external";

/** One series per kind and calendar year: `invoice-2026`. */
export function seriesKey(kind: NumberedKind, year: number): string {
  return `${kind}-${year}`;
}

/** `invoice-2026` → its kind and year; null for anything else. */
export function parseSeriesKey(series: string): { kind: SeriesKind; year: number } | null {
  const m = /^(invoice|creditNote|journal|statement)-(\d{4})$/.exec(series);
  return m ? { kind: m[1] as SeriesKind, year: Number(m[2]) } : null;
}

/** `FA-2026-000123`, `RB-2026-000012`, `VIR-2026-000001`. */
export function formatNumber(kind: NumberedKind, year: number, seq: number): string {
  return `${PREFIXES[kind]}-${year}-${String(seq).padStart(6, "0")}`;
}

/** `FA-2026-000123` → its series and place; null when it is not a number of our series. */
export function parseNumber(number: string): { kind: SeriesKind; year: number; seq: number; series: string } | null {
  const m = /^([A-Z]{2})-(\d{4})-(\d{6})$/.exec(number);
  const kind = m && (Object.keys(SERIES) as SeriesKind[]).find((k) => SERIES[k].prefix === m[1]);
  if (!m || !kind || Number(m[3]) < 1) return null;
  const year = Number(m[2]);
  return { kind, year, seq: Number(m[3]), series: seriesKey(kind, year) };
}

/** « factures 2026 ». */
export function seriesLabel(series: string): string {
  const parsed = parseSeriesKey(series);
  return parsed ? `${SERIES[parsed.kind].label} ${parsed.year}` : series;
}
