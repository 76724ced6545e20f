/**
 * What the verifier found wrong, one finding per problem, each told in
 * French with the series, the document's number and what is wrong — the
 * sentence an auditor reads in the report, the tool's output and the mail.
 */
import type { Finding, FindingCode } from "../contract/audit";
import { frenchDate } from "../domain/dates/calendar-day";
import { capitalise } from "../domain/validation/field-errors";
import type { SeriesKind } from "../model/chain";
import { formatNumber, parseSeriesKey, SERIES, seriesLabel } from "../storage/series";

export type { Finding, FindingCode };

/** Where a finding is: a document found in the series (or the counter), or a place with nothing in it. */
export interface Place {
  series: string;
  number: string | null;
  path: string | null;
  id: string | null;
}

/** Findings in the order of the documents' numbers; those with none (a counter) last. */
export function inNumberOrder(a: Finding, b: Finding): number {
  return (a.number ?? "\uffff").localeCompare(b.number ?? "\uffff");
}

export function finding(code: FindingCode, at: Place, problem: string, extra: Partial<Finding> = {}): Finding {
  return { code, ...at, ...extra, problem: capitalise(problem) };
}

/** `series` and a place in it → its kind and printed number (`FA-2026-000004`). */
export function numberAt(series: string, seq: number): { kind: SeriesKind; number: string } {
  const { kind, year } = parseSeriesKey(series)!;
  return { kind, number: formatNumber(kind, year, seq) };
}

/** « l'avoir AV-2026-000004 ». */
export function named(series: string, seq: number): string {
  const { kind, number } = numberAt(series, seq);
  return `${SERIES[kind].noun} ${number}`;
}

/** « la chaîne des avoirs 2026 ». */
export function chainOf(series: string): string {
  return `la chaîne des ${seriesLabel(series)}`;
}

/** « l'empreinte du 01/12/2026 ». */
export function anchorName(date: string): string {
  return `l'empreinte du ${frenchDate(date)}`;
}

/** At most this many documents of one gap are named one by one; the rest are summed up in one finding. */
const NAMED_PER_GAP = 20;

/** Places `from`..`to` of `series` have no document; `why` ends each sentence. */
export function missingPlaces(
  series: string,
  from: number,
  to: number,
  why: (seq: number) => string,
  extra: Partial<Finding> = {},
): Finding[] {
  const out: Finding[] = [];
  for (let seq = from; seq <= Math.min(to, from + NAMED_PER_GAP - 1); seq++) {
    const place = { series, number: numberAt(series, seq).number, path: null, id: null };
    out.push(finding("missing", place, `${named(series, seq)} manque ${why(seq)}`, extra));
  }
  if (to - from + 1 > NAMED_PER_GAP) {
    const first = from + NAMED_PER_GAP;
    const place = { series, number: numberAt(series, first).number, path: null, id: null };
    out.push(
      finding(
        "missing",
        place,
        `${to - first + 1} autres documents de ${chainOf(series)} manquent aussi, de ${numberAt(series, first).number} à ${numberAt(series, to).number}`,
        extra,
      ),
    );
  }
  return out;
}
