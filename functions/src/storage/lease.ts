/**
 * A lease: one holder at a time for the work a document guards, across
 * function instances. It is two fields of that document (who holds it, until
 * when), so the lease and the state it guards change in the same Firestore
 * transaction. A holder that dies leaves a lease that runs out; the next
 * taker takes over. Jobs (jobRuns), the Sheets sync (sheetSyncs) and the
 * outbox each keep their own rules of when work may start and name the two
 * fields as their documents always have; what a lease is lives here.
 */
import { Timestamp, type DocumentData, type DocumentReference, type Transaction } from "@google-cloud/firestore";

/** A holder's token: an instance id, or a run's attempt number. */
export type LeaseOwner = string | number;

export interface LeaseFields {
  /** The field naming the holder (null when free). */
  owner: string;
  /** The field holding the Timestamp the lease runs out at (null when free). */
  until: string;
}

export class Lease {
  constructor(
    readonly fields: LeaseFields,
    readonly durationMs: number,
  ) {}

  ownerIn(data: DocumentData | undefined): LeaseOwner | null {
    return (data?.[this.fields.owner] as LeaseOwner | null | undefined) ?? null;
  }

  untilIn(data: DocumentData | undefined): Timestamp | null {
    return (data?.[this.fields.until] as Timestamp | null | undefined) ?? null;
  }

  /** Has run out (or was never taken) at `now`. */
  expired(data: DocumentData | undefined, now: Date): boolean {
    const until = this.untilIn(data);
    return until === null || until.toMillis() <= now.getTime();
  }

  /** Someone other than `owner` holds a lease still running at `now`. */
  heldByOther(data: DocumentData | undefined, owner: LeaseOwner, now: Date): boolean {
    const holder = this.ownerIn(data);
    return holder !== null && holder !== owner && !this.expired(data, now);
  }

  heldBy(data: DocumentData | undefined, owner: LeaseOwner | null): boolean {
    return this.ownerIn(data) === owner;
  }

  /** The fields that give the lease to `owner` for `durationMs` from `now`: a take-over or a renewal. */
  grant(owner: LeaseOwner, now: Date, durationMs = this.durationMs): Record<string, LeaseOwner | Timestamp> {
    return {
      [this.fields.owner]: owner,
      [this.fields.until]: Timestamp.fromMillis(now.getTime() + durationMs),
    };
  }

  /** The fields of a free lease. */
  released(): Record<string, null> {
    return { [this.fields.owner]: null, [this.fields.until]: null };
  }

  /**
   * In `tx`: takes the lease on `ref` for `owner` unless another holder's
   * lease still runs, writing `also` (fields, or fields made from what was
   * found) with it, merged into the document. Answers what was found, and
   * whether it was taken.
   */
  async acquire(
    tx: Transaction,
    ref: DocumentReference,
    owner: LeaseOwner,
    now: Date,
    also: DocumentData | ((found: DocumentData | undefined) => DocumentData) = {},
  ): Promise<{ taken: boolean; found: DocumentData | undefined }> {
    const found = (await tx.get(ref)).data();
    if (this.heldByOther(found, owner, now)) return { taken: false, found };
    const fields = typeof also === "function" ? also(found) : also;
    tx.set(ref, { ...fields, ...this.grant(owner, now) }, { merge: true });
    return { taken: true, found };
  }

  /** In `tx`: extends `owner`'s lease from `now`; false (nothing written) when `owner` no longer holds it. */
  async renew(tx: Transaction, ref: DocumentReference, owner: LeaseOwner, now: Date): Promise<boolean> {
    const found = (await tx.get(ref)).data();
    if (!this.heldBy(found, owner)) return false;
    tx.update(ref, this.grant(owner, now));
    return true;
  }

  /** In `tx`: frees `owner`'s lease, writing `also` with it; false (nothing written) when another holds it. */
  async release(tx: Transaction, ref: DocumentReference, owner: LeaseOwner, also: DocumentData = {}): Promise<boolean> {
    const found = (await tx.get(ref)).data();
    if (!found || !this.heldBy(found, owner)) return false;
    tx.update(ref, { ...also, ...this.released() });
    return true;
  }
}
