/**
 * Compares an anchor with what a walk found: each anchored place must still
 * hold a document (else the chain was cut short, even if its counter was
 * moved back to hide it) with the anchored hash (else the chain was
 * rewritten since, even if every hash after it was recomputed).
 */
import type { Anchor } from "../model/anchor";
import { parseSeriesKey, SERIES } from "../storage/series";
import { anchorName, chainOf, finding, missingPlaces, type Finding } from "./finding";
import type { SeriesWalk } from "./walk-series";

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/** Sorted places → runs of consecutive places. */
function runs(places: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of places) {
    const last = out[out.length - 1];
    if (last && last[1] === p - 1) last[1] = p;
    else out.push([p, p]);
  }
  return out;
}

export function anchorFindings(anchor: Anchor, walks: ReadonlyMap<string, SeriesWalk>): Finding[] {
  const out: Finding[] = [];
  const extra = { anchorDate: anchor.date };
  for (const head of anchor.heads) {
    const parsed = parseSeriesKey(head.series);
    const walk = walks.get(head.series);
    if (!parsed || !walk) continue;
    const lastFound = walk.last?.seq ?? 0;
    const missing = [...walk.gaps].filter((s) => s <= head.seq);
    for (let s = lastFound + 1; s <= head.seq; s++) missing.push(s);
    const why = `alors que ${anchorName(anchor.date)} ${SERIES[parsed.kind].pronoun} comptait`;
    for (const [from, to] of runs(missing.sort((a, b) => a - b)))
      out.push(...missingPlaces(head.series, from, to, () => why, extra));
    if (missing.includes(head.seq)) continue;
    const stored = walk.watched.get(head.seq);
    if (stored !== undefined && stored.hash !== head.hash)
      out.push(
        finding(
          "rewritten",
          { series: head.series, number: head.number, path: stored.path, id: stored.id },
          `${chainOf(head.series)} a été réécrite depuis ${anchorName(anchor.date)} : ${head.number} ne porte plus l'empreinte enregistrée ce jour-là (${short(stored.hash)} au lieu de ${short(head.hash)})`,
          extra,
        ),
      );
  }
  return out;
}
