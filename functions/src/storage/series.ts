import type { SeriesKind } from "../model/chain";
import { CREDIT_NOTES, INVOICES, JOURNAL_ENTRIES } from "../model/collections";

/** Prefix of the printed number and collection of each chained series. */
export const SERIES: Record<SeriesKind, { prefix: string; collection: string; label: string }> = {
  invoice: { prefix: "FA", collection: INVOICES, label: "factures" },
  creditNote: { prefix: "AV", collection: CREDIT_NOTES, label: "avoirs" },
  journal: { prefix: "EC", collection: JOURNAL_ENTRIES, label: "écritures" },
};

/** One series per kind and calendar year: `invoice-2026`. */
export function seriesKey(kind: SeriesKind, year: number): string {
  return `${kind}-${year}`;
}

/** `FA-2026-000123`. */
export function formatNumber(kind: SeriesKind, year: number, seq: number): string {
  return `${SERIES[kind].prefix}-${year}-${String(seq).padStart(6, "0")}`;
}
