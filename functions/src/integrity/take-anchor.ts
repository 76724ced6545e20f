/**
 * The day's anchor of a company: every series' head (its counter's last
 * number and hash), after checking what was added since the previous
 * anchor. The check is incremental — the previous anchored place must still
 * hold its hash, then only the documents after it are walked — so a day
 * costs the documents of that day, not the whole history; where the
 * anchored place changed, the series is walked from the start.
 * One anchor per day: the first run creates it, later runs reuse it.
 */
import type { Firestore } from "@google-cloud/firestore";
import { Timestamp } from "@google-cloud/firestore";
import type { AnchorDoc, AnchorHead } from "../model/anchor";
import { ANCHORS } from "../model/collections";
import { companyCollection } from "../storage/refs";
import { formatNumber, parseSeriesKey, SERIES } from "../storage/series";
import { checkChains, latestStoredAnchor, seriesCounters, type ChainsCheck } from "./chain-verifier";
import type { WalkStart } from "./walk-series";

const ALREADY_EXISTS = 6;
/** The anchor keeps this many findings' sentences (their number is kept too). */
const KEPT_FINDINGS = 20;

/** The stored hash at a place of a series, or null when nothing is there. */
async function hashAt(db: Firestore, companyId: string, series: string, seq: number): Promise<string | null> {
  const { kind } = parseSeriesKey(series)!;
  const snap = await companyCollection(db, companyId, SERIES[kind].collection)
    .where("series", "==", series)
    .where("seq", "==", seq)
    .limit(1)
    .get();
  return snap.empty ? null : String(snap.docs[0].get("hash"));
}

export async function takeAnchor(db: Firestore, companyId: string, date: string, now: Date): Promise<AnchorDoc> {
  const ref = companyCollection(db, companyId, ANCHORS).doc(date);
  const existing = await ref.get();
  if (existing.exists) return existing.data() as AnchorDoc;

  const [counters, previous] = await Promise.all([
    seriesCounters(db, companyId),
    latestStoredAnchor(db, companyId, date),
  ]);
  const series = [...new Set([...counters.keys(), ...(previous?.heads.map((h) => h.series) ?? [])])]
    .filter((s) => parseSeriesKey(s))
    .sort();
  const after = new Map<string, WalkStart>();
  for (const head of previous?.heads ?? []) {
    if ((await hashAt(db, companyId, head.series, head.seq)) === head.hash)
      after.set(head.series, { seq: head.seq, hash: head.hash });
  }
  const plan: ChainsCheck = {
    series,
    counters,
    anchors: previous ? [{ anchor: previous, source: "firestore" }] : [],
    after,
    beyondSeries: false,
  };
  const { chains, findings } = await checkChains(db, companyId, plan);

  const heads: AnchorHead[] = [];
  for (const [key, { doc }] of [...counters.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = parseSeriesKey(key);
    if (!parsed || doc.last < 1) continue;
    heads.push({
      series: key,
      number: formatNumber(parsed.kind, parsed.year, doc.last),
      seq: doc.last,
      hash: doc.lastHash,
    });
  }
  const anchor: AnchorDoc = {
    date,
    heads,
    takenAt: Timestamp.fromDate(now),
    since: previous?.date ?? null,
    checked: chains.reduce((n, c) => n + c.count, 0),
    findings: findings.slice(0, KEPT_FINDINGS).map((f) => f.problem),
    findingsCount: findings.length,
    loggedAt: null,
  };
  try {
    await ref.create(anchor);
    return anchor;
  } catch (error) {
    // Another run took the day's anchor meanwhile: that one stands.
    if ((error as { code?: number }).code !== ALREADY_EXISTS) throw error;
    return (await ref.get()).data() as AnchorDoc;
  }
}
