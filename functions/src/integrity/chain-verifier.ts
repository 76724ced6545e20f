/**
 * Verifies every chained series of a company (invoices, credit notes,
 * journal entries, each year), the invoices imported from other tools and
 * the deposits' copies of their sealed documents, and compares the chains with anchors: the one given by the caller (read
 * from outside Firestore: the `Intégrité` sheet, the auditors' mail, the
 * logs) and the latest one stored. Every finding is named, in French.
 */
import type { CollectionReference, Firestore } from "@google-cloud/firestore";
import type { AuditVerification, ChainReport } from "../contract/audit";
import type { Anchor, AnchorDoc } from "../model/anchor";
import { ANCHORS, SEQUENCES } from "../model/collections";
import type { SequenceDoc } from "../model/sequence";
import { companyCollection } from "../storage/refs";
import { EXTERNAL_SERIES, parseSeriesKey, SERIES, seriesLabel } from "../storage/series";
import { anchorFindings } from "./anchor-check";
import { checkDepositCopies, DEPOSITS_SERIES } from "./deposit-copies";
import { checkStoredDocuments, DOCUMENTS_SERIES } from "./document-check";
import { documentBucketFromEnv, type DocumentBucket } from "../storage/document-bucket";
import type { Finding } from "./finding";
import { walkExternalInvoices, walkSeries, type SeriesWalk, type WalkStart } from "./walk-series";

export type { ChainReport };
/** The whole verification: `GET|POST …/audit/verify`'s answer, the tool's output, the anchors job's check. */
export type VerificationReport = AuditVerification;
/** An anchor the chains were compared with. */
export type AnchorUsed = AuditVerification["anchors"][number];

export interface VerifyOptions {
  /** An anchor from outside Firestore to compare with. */
  anchor?: Anchor;
  /** Where the issued files are kept (default: the configured bucket, documentBucketFromEnv). */
  bucket?: DocumentBucket | null;
}

const OTHER_LABELS: Record<string, string> = {
  [EXTERNAL_SERIES]: "factures externes",
  [DEPOSITS_SERIES]: "acomptes",
  [DOCUMENTS_SERIES]: "documents émis",
};

/** A report lists this many findings at most (a chain deleted as a whole would otherwise list every document). */
export const MAX_FINDINGS = 1000;

/** The distinct `series` values of a collection: one single-document query per value. */
async function seriesIn(collection: CollectionReference): Promise<string[]> {
  const found: string[] = [];
  let cursor: unknown = undefined;
  for (;;) {
    let query = collection.orderBy("series").select("series").limit(1);
    if (cursor !== undefined) query = query.startAfter(cursor);
    const snap = await query.get();
    if (snap.empty) return found;
    cursor = snap.docs[0].get("series");
    if (typeof cursor === "string") found.push(cursor);
  }
}

/** The latest anchor the daily job stored (before `before`, a `YYYY-MM-DD`, when given). */
export async function latestStoredAnchor(db: Firestore, companyId: string, before?: string): Promise<AnchorDoc | null> {
  const anchors = companyCollection(db, companyId, ANCHORS);
  const query = before ? anchors.where("date", "<", before) : anchors;
  const snap = await query.orderBy("date", "desc").limit(1).get();
  return snap.empty ? null : (snap.docs[0].data() as AnchorDoc);
}

const sameAnchor = (a: Anchor, b: Anchor) => a.date === b.date && JSON.stringify(a.heads) === JSON.stringify(b.heads);

export interface Counter {
  doc: SequenceDoc;
  path: string;
}

/** The counters of the company's series, by series key. */
export async function seriesCounters(db: Firestore, companyId: string): Promise<Map<string, Counter>> {
  const snap = await companyCollection(db, companyId, SEQUENCES).get();
  return new Map(snap.docs.map((d) => [d.id, { doc: d.data() as SequenceDoc, path: d.ref.path }]));
}

export interface ChainsCheck {
  series: string[];
  counters: Map<string, Counter>;
  anchors: { anchor: Anchor; source: AnchorUsed["source"] }[];
  /** Series to walk only after a place already checked (the daily anchor's incremental check). */
  after?: Map<string, WalkStart>;
  /** Also check the invoices imported from other tools and the deposits' copies (the full verification). */
  beyondSeries: boolean;
  /** With `beyondSeries`: the issued files are hashed again from this bucket. */
  bucket?: DocumentBucket | null;
}

/** Walks the series, compares them with the anchors, and tells each problem once, series by series. */
export async function checkChains(
  db: Firestore,
  companyId: string,
  plan: ChainsCheck,
): Promise<{ chains: ChainReport[]; findings: Finding[] }> {
  const walks = new Map<string, SeriesWalk>();
  for (const s of plan.series) {
    const watch = new Set(plan.anchors.flatMap((a) => a.anchor.heads.filter((h) => h.series === s).map((h) => h.seq)));
    const counter = plan.counters.get(s);
    walks.set(
      s,
      await walkSeries(db, companyId, s, {
        head: counter?.doc ?? null,
        headPath: counter?.path ?? `${companyCollection(db, companyId, SEQUENCES).path}/${s}`,
        watch,
        after: plan.after?.get(s),
      }),
    );
  }
  const external = plan.beyondSeries ? await walkExternalInvoices(db, companyId) : null;
  const deposits = plan.beyondSeries ? await checkDepositCopies(db, companyId) : null;
  const documents = plan.beyondSeries ? await checkStoredDocuments(db, companyId, plan.bucket ?? null) : null;

  const fromAnchors = plan.anchors.flatMap((a) => anchorFindings(a.anchor, walks));
  // A place an anchor counted is told as such; the walk's own « manque » for it would say the same twice.
  const anchoredMissing = new Set(fromAnchors.filter((f) => f.code === "missing").map((f) => f.number));
  const seen = new Set<string>();
  const chains: ChainReport[] = [];
  const findings: Finding[] = [];
  const others = [
    ...(external && external.count > 0 ? [external] : []),
    ...(deposits && deposits.count > 0 ? [{ series: DEPOSITS_SERIES, ...deposits }] : []),
    ...(documents && documents.count > 0 ? [{ series: DOCUMENTS_SERIES, ...documents }] : []),
  ];
  for (const walk of [...walks.values(), ...others]) {
    const own = walk.findings.filter((f) => !(f.code === "missing" && anchoredMissing.has(f.number)));
    const mine = [...own, ...fromAnchors.filter((f) => f.series === walk.series)].filter((f) => {
      const key = `${f.code}|${f.number}|${f.field ?? ""}|${f.problem}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    findings.push(...mine);
    chains.push({
      series: walk.series,
      label: OTHER_LABELS[walk.series] ?? seriesLabel(walk.series),
      count: walk.count,
      ok: mine.length === 0,
      findings: mine.length,
      firstBroken: mine[0] ?? null,
    });
  }
  return { chains, findings };
}

export async function verifyChains(
  db: Firestore,
  companyId: string,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  const [counters, stored, ...inCollections] = await Promise.all([
    seriesCounters(db, companyId),
    latestStoredAnchor(db, companyId),
    ...Object.values(SERIES).map((s) => seriesIn(companyCollection(db, companyId, s.collection))),
  ]);
  const anchors: ChainsCheck["anchors"] = [];
  if (options.anchor) anchors.push({ anchor: options.anchor, source: "supplied" });
  if (stored && !(options.anchor && sameAnchor(options.anchor, stored)))
    anchors.push({ anchor: { date: stored.date, heads: stored.heads }, source: "firestore" });
  const names = new Set<string>([
    ...counters.keys(),
    ...anchors.flatMap((a) => a.anchor.heads.map((h) => h.series)),
    ...inCollections.flat(),
  ]);
  const series = [...names].filter((s) => parseSeriesKey(s)).sort();
  const bucket = options.bucket === undefined ? documentBucketFromEnv() : options.bucket;
  const { chains, findings } = await checkChains(db, companyId, {
    series,
    counters,
    anchors,
    beyondSeries: true,
    bucket,
  });
  return {
    ok: findings.length === 0,
    chains,
    findings: findings.slice(0, MAX_FINDINGS),
    findingsTotal: findings.length,
    firstBroken: findings[0] ?? null,
    anchors: anchors.map((a) => ({ date: a.anchor.date, source: a.source, heads: a.anchor.heads.length })),
  };
}
