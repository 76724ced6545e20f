/**
 * Walks one chained series in order (streamed, so memory does not grow
 * with the series) and reports every problem, not only the first: a
 * missing place, a broken link, a changed content or hash, copies beside
 * the content that differ from it, a counter that disagrees. A problem is
 * reported once, on the document it concerns: after a changed document the
 * walk goes on from its stored hash, so the next one is not blamed for it.
 */
import type { Firestore, QueryDocumentSnapshot } from "@google-cloud/firestore";
import type { SealedDocument } from "../model/document";
import type { SequenceDoc } from "../model/sequence";
import { chainHash, recordedAt } from "../storage/chain-hash";
import { companyCollection } from "../storage/refs";
import { EXTERNAL_SERIES, parseSeriesKey, SERIES } from "../storage/series";
import { chainOf, finding, inNumberOrder, missingPlaces, numberAt, type Finding, type Place } from "./finding";
import { againstContentFindings, unknownFieldFindings } from "./sealed-fields";

export type Doc = Record<string, unknown> & {
  seq: unknown;
  prevHash: unknown;
  hash: unknown;
  content?: { number?: unknown };
};

/** A place already known good (an anchor): the walk starts after it. */
export interface WalkStart {
  seq: number;
  hash: string;
}

export interface SeriesWalk {
  series: string;
  /** Documents read. */
  count: number;
  /** The last place found (the start when nothing follows it). */
  last: WalkStart | null;
  findings: Finding[];
  /** Places with no document between the first and the last found. */
  gaps: Set<number>;
  /** What each watched place found holds: its stored hash and where it is. */
  watched: Map<number, { hash: string; path: string; id: string }>;
}

export interface WalkOptions {
  /** The series' counter (null when it has none). */
  head: SequenceDoc | null;
  headPath: string;
  after?: WalkStart;
  /** Places whose stored hash the caller wants (anchored ones). */
  watch?: ReadonlySet<number>;
}

interface Previous {
  seq: number;
  stored: string;
  recomputed: string;
  /** Found, with its place; null for the walk's start. */
  place: Place | null;
  /** Its copies' and state's findings, held until we know whether its content can be trusted. */
  againstContent: Finding[];
}

/** The hash the document's sealed record gives (a damaged `createdAt` gives one that cannot match). */
export function sealedHash(series: string, d: Doc): string {
  const at = d.createdAt as { toDate?: unknown } | undefined;
  const when = at && typeof at.toDate === "function" ? recordedAt(at as FirebaseFirestore.Timestamp) : String(at);
  return chainHash({
    series,
    seq: d.seq as number,
    prevHash: d.prevHash as string,
    recordedAt: when,
    content: d.content,
    document: d.document as SealedDocument | undefined,
    statement: d.statement as SealedDocument | undefined,
  });
}

const contentChanged = (p: Place) =>
  finding(
    "content",
    p,
    `le contenu scellé de ${p.number} a été modifié après émission : son empreinte SHA-256 ne correspond plus (contenu ou horodatage changé)`,
  );

const hashChanged = (p: Place, citedBy: string) =>
  finding(
    "hash",
    p,
    `l'empreinte enregistrée de ${p.number} a été modifiée : elle ne correspond plus à son contenu scellé, intact, que ${citedBy} cite encore`,
  );

export async function walkSeries(
  db: Firestore,
  companyId: string,
  series: string,
  options: WalkOptions,
): Promise<SeriesWalk> {
  const { kind } = parseSeriesKey(series)!;
  const { after, head } = options;
  let query = companyCollection(db, companyId, SERIES[kind].collection).where("series", "==", series);
  if (after) query = query.where("seq", ">", after.seq);
  query = query.orderBy("seq");

  const walk: SeriesWalk = { series, count: 0, last: after ?? null, findings: [], gaps: new Set(), watched: new Map() };
  const push = (...f: Finding[]) => walk.findings.push(...f);
  let expected = (after?.seq ?? 0) + 1;
  let prev: Previous | null = after
    ? { seq: after.seq, stored: after.hash, recomputed: after.hash, place: null, againstContent: [] }
    : null;
  /** The previous document's hash did not match: `intact` when what cites it says only its hash changed. */
  const settle = (p: Previous, intact: boolean, citedBy: string) => {
    if (!p.place) return;
    // Copies and state are judged against the content: only worth telling when the content is intact.
    if (intact) push(hashChanged(p.place, citedBy), ...p.againstContent);
    else push(contentChanged(p.place));
  };

  for await (const snap of query.stream() as AsyncIterable<QueryDocumentSnapshot>) {
    const d = snap.data() as Doc;
    walk.count++;
    const seq = d.seq as number;
    const number = numberAt(series, seq).number;
    const place: Place = { series, number, path: snap.ref.path, id: snap.id };
    if (seq < expected) {
      push(
        finding("duplicate", place, `${number} apparaît deux fois dans ${chainOf(series)} : un document a été inséré`),
      );
      continue;
    }
    const gap = seq > expected;
    if (gap) {
      const before = expected > 1 ? numberAt(series, expected - 1).number : null;
      push(
        ...missingPlaces(series, expected, seq - 1, () =>
          before ? `: ${chainOf(series)} passe de ${before} à ${number}` : `: ${chainOf(series)} commence à ${number}`,
        ),
      );
      for (let s = expected; s < seq; s++) walk.gaps.add(s);
    }

    // The previous document's hash did not match: what this one cites tells which part changed.
    const link = d.prevHash;
    if (prev && prev.stored !== prev.recomputed) settle(prev, !gap && link === prev.recomputed, number);
    if (!gap && prev && link !== prev.stored && !(prev.place && link === prev.recomputed)) {
      const previous = numberAt(series, prev.seq).number;
      push(
        finding(
          "link",
          place,
          `le lien de ${number} vers ${previous} ne correspond pas : ${previous} a été remplacé ou réécrit`,
        ),
      );
    }
    if (!prev && seq === 1 && link !== "")
      push(finding("link", place, `${number} cite un document précédent alors qu'il ouvre ${chainOf(series)}`));

    const sealedNumber = d.content?.number;
    if (sealedNumber !== number)
      push(
        finding(
          "moved",
          place,
          `${String(sealedNumber ?? "un document sans numéro")} occupe la place de ${number} dans ${chainOf(series)} : documents intervertis ou renumérotés`,
        ),
      );
    push(...unknownFieldFindings(kind, d, place, number));
    const againstContent = againstContentFindings(kind, d, place, number);
    const recomputed = sealedHash(series, d);
    if (recomputed === d.hash) push(...againstContent);

    if (options.watch?.has(seq)) walk.watched.set(seq, { hash: String(d.hash), path: snap.ref.path, id: snap.id });
    prev = { seq, stored: String(d.hash), recomputed, place, againstContent };
    walk.last = { seq, hash: String(d.hash) };
    expected = seq + 1;
  }

  if (prev && prev.stored !== prev.recomputed)
    settle(prev, !!head && head.last === prev.seq && head.lastHash === prev.recomputed, "la tête de chaîne");
  const counter: Place = { series, number: null, path: options.headPath, id: series };
  const lastSeq = prev?.seq ?? 0;
  if (!head) {
    if (walk.count > 0)
      push(
        finding(
          "counter",
          counter,
          `${chainOf(series)} n'a plus de compteur alors qu'elle compte des documents jusqu'à ${numberAt(series, lastSeq).number}`,
        ),
      );
  } else if (head.last > lastSeq) {
    push(
      ...missingPlaces(
        series,
        lastSeq + 1,
        head.last,
        () => `: le compteur de ${chainOf(series)} va jusqu'à ${head.last}`,
      ),
    );
  } else if (head.last < lastSeq) {
    push(
      finding(
        "counter",
        counter,
        `le compteur de ${chainOf(series)} s'arrête à ${head.last} alors que ${numberAt(series, lastSeq).number} existe : compteur modifié`,
      ),
    );
  } else if (prev && head.lastHash !== prev.stored && !(prev.place && head.lastHash === prev.recomputed)) {
    push(
      finding(
        "counter",
        counter,
        `la tête enregistrée de ${chainOf(series)} ne correspond pas à son dernier document ${numberAt(series, lastSeq).number} : compteur modifié`,
      ),
    );
  }
  // In the order of the series (stable: a document's findings keep theirs); the counter's last.
  walk.findings.sort(inNumberOrder);
  return walk;
}

/**
 * Invoices imported from another tool: no series to walk, but each one's
 * hash seals its content, and its copies and state are checked like ours.
 */
export async function walkExternalInvoices(db: Firestore, companyId: string): Promise<SeriesWalk> {
  const walk: SeriesWalk = {
    series: EXTERNAL_SERIES,
    count: 0,
    last: null,
    findings: [],
    gaps: new Set(),
    watched: new Map(),
  };
  const query = companyCollection(db, companyId, SERIES.invoice.collection).where("series", "==", EXTERNAL_SERIES);
  for await (const snap of query.stream() as AsyncIterable<QueryDocumentSnapshot>) {
    const d = snap.data() as Doc;
    walk.count++;
    const number = typeof d.content?.number === "string" ? d.content.number : snap.id;
    const place: Place = { series: EXTERNAL_SERIES, number, path: snap.ref.path, id: snap.id };
    const name = `la facture externe ${number}`;
    walk.findings.push(...unknownFieldFindings("invoice", d, place, name));
    if (sealedHash(EXTERNAL_SERIES, d) === d.hash && d.seq === 0 && d.prevHash === "")
      walk.findings.push(...againstContentFindings("invoice", d, place, name));
    else
      walk.findings.push(
        finding(
          "content",
          place,
          `le contenu scellé de ${name} a été modifié après son enregistrement : son empreinte SHA-256 ne correspond plus`,
        ),
      );
  }
  return walk;
}
