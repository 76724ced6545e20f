import {
  CollectionReference,
  DocumentReference,
  FieldValue,
  Firestore,
  Query,
  Timestamp,
  Transaction,
} from "@google-cloud/firestore";
import { frenchDate } from "../domain/dates/calendar-day";
import { EVENTS, SEQUENCES } from "../model/collections";
import type { SealedDocument } from "../model/document";
import type { AuditEventDoc } from "../model/event";
import type { NumberedKind, SequenceDoc } from "../model/sequence";
import { conflict } from "../errors/api-error";
import { chainHash, recordedAt } from "./chain-hash";
import { companyCollection } from "./refs";
import { formatNumber, seriesKey } from "./series";
import { withoutUndefined } from "./without-undefined";

/** A number reserved in a series, with what the chained document must carry. */
export interface NumberSlot {
  kind: NumberedKind;
  series: string;
  year: number;
  seq: number;
  number: string;
  date: string;
  prevHash: string;
}

interface SequenceState {
  ref: DocumentReference;
  doc: SequenceDoc;
}

/** What a committed command changed, for after-commit listeners (Sheets write-back). */
export interface CommittedChange {
  companyId: string;
  actor: string;
  /** Paths of every document written. */
  paths: string[];
  events: AuditEventDoc[];
}

/**
 * One command's view of a Firestore transaction. Reads go straight to the
 * transaction; writes are queued and applied at the end, which satisfies
 * Firestore's "all reads before writes" rule whatever order a command
 * uses. Number series and audit events are written in the same commit.
 */
export class UnitOfWork {
  private readonly writes: ((tx: Transaction) => void)[] = [];
  private readonly paths: string[] = [];
  private readonly events: AuditEventDoc[] = [];
  private readonly sequences = new Map<string, SequenceState>();
  /** What each written document will hold (by path; updates merged into what was set or created here). */
  private readonly written = new Map<string, { data: object; whole: boolean }>();
  /** Documents already read in this transaction (by path): read once, served from here after. */
  private readonly cache = new Map<string, unknown>();
  /** Reads see this command's queued writes (seeOwnWrites); off by default: reads are what is stored. */
  private ownWrites = false;
  /** Paths written with a value the overlay cannot merge (a FieldValue, a dotted field path). */
  private readonly opaque = new Set<string>();

  constructor(
    readonly db: Firestore,
    private readonly tx: Transaction,
    readonly companyId: string,
    readonly actor: string,
    readonly now: Date,
    /** Business date (Europe/Paris) of `now`. */
    readonly today: string,
  ) {}

  get timestamp(): Timestamp {
    return Timestamp.fromDate(this.now);
  }

  collection(name: string) {
    return companyCollection(this.db, this.companyId, name);
  }

  /**
   * From now on, reads in this unit see what it already queued: a document
   * read after this command wrote it is served as the write leaves it, and a
   * whole-collection query also returns the documents created here. A
   * command that applies several steps to the same documents (a statement
   * paying two instalments of one request, or two transfers for one
   * invoice) calls it so each step sees the previous one. A filtered query
   * on a collection written here, or a read of a document written with a
   * FieldValue or a dotted path, cannot be answered faithfully: it throws.
   */
  seeOwnWrites(): void {
    this.ownWrites = true;
  }

  async get<T>(ref: DocumentReference): Promise<T | null> {
    return (await this.getAll<T>([ref]))[0];
  }

  /** Reads the documents not read yet in one round trip; each document is read once per transaction. */
  async getAll<T>(refs: DocumentReference[]): Promise<(T | null)[]> {
    const missing = refs.filter((r) => !this.cache.has(r.path));
    if (missing.length > 0) {
      const snaps = await this.tx.getAll(...missing);
      snaps.forEach((s, i) => this.cache.set(missing[i].path, s.exists ? s.data() : null));
    }
    return refs.map((r) => this.overlaid(r.path, this.cache.get(r.path) ?? null) as T | null);
  }

  async query<T>(query: Query): Promise<{ id: string; data: T }[]> {
    const snap = await this.tx.get(query);
    const docs = snap.docs.map((d) => ({ id: d.id, data: d.data() as T }));
    if (!this.ownWrites) return docs;
    if (!(query instanceof CollectionReference)) {
      // A filter would have to be evaluated on the queued writes: refused when the queried collection was written.
      const id = (query as unknown as { _queryOptions?: { collectionId?: string } })._queryOptions?.collectionId;
      const touched = [...this.written.keys()].some((p) => id === undefined || p.split("/").at(-2) === id);
      if (touched) throw new Error(`filtered query on ${id ?? "a collection"} written in this unit of work`);
      return docs;
    }
    for (const path of this.opaque)
      if (path.startsWith(`${query.path}/`)) throw new Error(`query of ${query.path} after an opaque write`);
    return this.asWritten(query, docs);
  }

  /** A document as this unit leaves it, when reads see own writes. */
  private overlaid(path: string, stored: unknown): unknown {
    const write = this.ownWrites ? this.written.get(path) : undefined;
    if (!write) return stored;
    if (this.opaque.has(path)) throw new Error(`read of ${path} after a write the unit cannot merge`);
    if (write.whole) return write.data;
    return stored === null ? null : { ...(stored as object), ...write.data };
  }

  /** Marks a document whose queued update holds what a merge cannot reproduce. */
  private noteOpaque(path: string, data: Record<string, unknown>): void {
    if (Object.entries(data).some(([k, v]) => k.includes(".") || v instanceof FieldValue)) this.opaque.add(path);
  }

  create(ref: DocumentReference, data: object): void {
    this.paths.push(ref.path);
    const clean = withoutUndefined(data);
    this.written.set(ref.path, { data: clean, whole: true });
    this.writes.push((tx) => tx.create(ref, clean));
  }

  set(ref: DocumentReference, data: object): void {
    this.paths.push(ref.path);
    const clean = withoutUndefined(data);
    this.written.set(ref.path, { data: clean, whole: true });
    this.writes.push((tx) => tx.set(ref, clean));
  }

  update(ref: DocumentReference, data: Record<string, unknown>): void {
    this.paths.push(ref.path);
    const clean = withoutUndefined(data);
    this.noteOpaque(ref.path, clean);
    const prior = this.written.get(ref.path);
    this.written.set(ref.path, { data: { ...prior?.data, ...clean }, whole: prior?.whole ?? false });
    this.writes.push((tx) => tx.update(ref, clean));
  }

  /**
   * The documents of a collection as this command leaves them: `stored`
   * (what was read of it) with this command's queued writes applied. Lets a
   * command's answer show what it wrote without a read after its writes.
   * Updates merge top-level fields (a dotted field path is kept as written).
   */
  asWritten<T>(collection: CollectionReference, stored: { id: string; data: T }[]): { id: string; data: T }[] {
    const docs = new Map(stored.map((d) => [d.id, d.data as object]));
    for (const [path, { data, whole }] of this.written) {
      const id = path.slice(collection.path.length + 1);
      if (!path.startsWith(`${collection.path}/`) || id.includes("/")) continue;
      const before = docs.get(id);
      if (whole || before) docs.set(id, whole ? data : { ...before, ...data });
    }
    return [...docs].map(([id, data]) => ({ id, data: data as T }));
  }

  /** Appends an audit event (who and when are the command's). */
  event(
    type: string,
    subject: { kind: string; id: string },
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
    reason?: string,
  ): void {
    const doc: AuditEventDoc = {
      at: this.timestamp,
      by: this.actor,
      type,
      subject,
      before,
      after,
      ...(reason ? { reason } : {}),
    };
    this.events.push(doc);
    this.create(this.collection(EVENTS).doc(), doc);
  }

  /** The counter document of the series a document dated `date` is numbered in (to prefetch it). */
  sequenceRef(kind: NumberedKind, date: string): DocumentReference {
    return this.collection(SEQUENCES).doc(seriesKey(kind, Number(date.slice(0, 4))));
  }

  /**
   * Reserves the next number of a series. The counter document is read in
   * this transaction, so two commands issuing numbers serialise on it: the
   * numbers are gapless and in commit order. A date before the series' last
   * one is refused (chronological numbering).
   */
  async nextNumber(kind: NumberedKind, date: string): Promise<NumberSlot> {
    const year = Number(date.slice(0, 4));
    const series = seriesKey(kind, year);
    let state = this.sequences.get(series);
    if (!state) {
      const ref = this.sequenceRef(kind, date);
      const doc = (await this.get<SequenceDoc>(ref)) ?? {
        kind,
        year,
        last: 0,
        lastDate: null,
        lastHash: "",
        lastId: null,
      };
      state = { ref, doc };
      this.sequences.set(series, state);
    }
    if (state.doc.lastDate && date < state.doc.lastDate) {
      throw conflict(
        "CHRONOLOGY",
        `Numérotation chronologique : le document daté du ${frenchDate(date)} ne peut pas suivre un document daté du ${frenchDate(state.doc.lastDate)}.`,
      );
    }
    const seq = state.doc.last + 1;
    return { kind, series, year, seq, number: formatNumber(kind, year, seq), date, prevHash: state.doc.lastHash };
  }

  /**
   * Writes a chained document for a reserved number and moves the series
   * head to it: the sealed record (content, recording time, chain fields)
   * and beside it `fields` — the copies derived from the content and the
   * initial mutable state (model files say which is which). `document`, the
   * file issued with it, is sealed with the content, and so is `statement`,
   * the refund statement issued with a credit note.
   */
  putChained(
    slot: NumberSlot,
    ref: DocumentReference,
    content: object,
    fields: object,
    document?: SealedDocument,
    statement?: SealedDocument,
  ): string {
    const state = this.slotState(slot);
    const createdAt = this.timestamp;
    const link = { series: slot.series, seq: slot.seq, prevHash: slot.prevHash };
    const hash = chainHash({ ...link, recordedAt: recordedAt(createdAt), content, document, statement });
    this.create(ref, {
      ...fields,
      content,
      createdAt,
      ...link,
      ...(document ? { document } : {}),
      ...(statement ? { statement } : {}),
      hash,
    });
    state.doc = { ...state.doc, last: slot.seq, lastDate: slot.date, lastHash: hash, lastId: ref.id };
    return hash;
  }

  /**
   * Writes a document numbered in a plain (unchained) series — a refund
   * request — and moves the series' counter to it; the document carries
   * its number in `data` (the caller's field names).
   */
  putNumbered(slot: NumberSlot, ref: DocumentReference, data: object): void {
    const state = this.slotState(slot);
    this.create(ref, data);
    state.doc = { ...state.doc, last: slot.seq, lastDate: slot.date, lastId: ref.id };
  }

  /** The series a reserved number belongs to; its number must be the next one. */
  private slotState(slot: NumberSlot): SequenceState {
    const state = this.sequences.get(slot.series);
    if (!state || state.doc.last + 1 !== slot.seq) throw new Error(`number slot ${slot.number} used out of order`);
    return state;
  }

  /** Applies the queued writes to the transaction. Called once, by runCommand. */
  flush(): CommittedChange {
    for (const { ref, doc } of this.sequences.values()) {
      this.paths.push(ref.path);
      this.writes.push((tx) => tx.set(ref, doc));
    }
    for (const write of this.writes) write(this.tx);
    return { companyId: this.companyId, actor: this.actor, paths: [...this.paths], events: [...this.events] };
  }

  /** Queues a raw write (used for the idempotency record). */
  raw(write: (tx: Transaction) => void): void {
    this.writes.push(write);
  }
}
