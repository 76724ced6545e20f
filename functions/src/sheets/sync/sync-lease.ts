/**
 * One sync at a time per spreadsheet, across function instances:
 * `companies/{c}/sheetSyncs/{spreadsheetId}` holds a lease. A sync that
 * finds it taken marks the document dirty and leaves; the holder sees the
 * mark when it releases and syncs once more — so no change is left out and
 * two syncs never place the same new row twice. The same document records
 * a write that failed after every retry, until a later sync succeeds.
 */
import { Timestamp, type Firestore } from "@google-cloud/firestore";
import { COMPANIES, SHEET_SYNCS } from "../../model/collections";
import { Lease } from "../../storage/lease";

const lease = new Lease({ owner: "leaseOwner", until: "leaseUntil" }, 2 * 60_000);

export interface SheetSyncDoc {
  leaseOwner: string | null;
  leaseUntil: Timestamp | null;
  dirty: boolean;
  /** The last write that failed after retries; cleared by the next successful sync. */
  failed: { at: Timestamp; message: string; attempts: number } | null;
  lastSyncedAt: Timestamp | null;
}

const EMPTY: SheetSyncDoc = { leaseOwner: null, leaseUntil: null, dirty: false, failed: null, lastSyncedAt: null };

export function syncRef(db: Firestore, companyId: string, spreadsheetId: string) {
  return db.collection(COMPANIES).doc(companyId).collection(SHEET_SYNCS).doc(spreadsheetId);
}

/** Takes the lease, or marks the spreadsheet dirty for the holder. Returns the state found when taken. */
export async function acquireLease(
  db: Firestore,
  companyId: string,
  spreadsheetId: string,
  owner: string,
  now: Date,
): Promise<SheetSyncDoc | null> {
  const ref = syncRef(db, companyId, spreadsheetId);
  return db.runTransaction(async (tx) => {
    const stateOf = (found: unknown) => ({ ...EMPTY, ...(found as Partial<SheetSyncDoc> | undefined) });
    const { taken, found } = await lease.acquire(tx, ref, owner, now, (found) => ({ ...stateOf(found), dirty: false }));
    if (!taken) {
      tx.set(ref, { dirty: true }, { merge: true });
      return null;
    }
    return stateOf(found);
  });
}

/**
 * Ends one pass: records success or failure; keeps the lease (and answers
 * true) when another change arrived meanwhile and a new pass is needed.
 */
export async function endPass(
  db: Firestore,
  companyId: string,
  spreadsheetId: string,
  owner: string,
  now: Date,
  error: Error | null,
): Promise<boolean> {
  const ref = syncRef(db, companyId, spreadsheetId);
  return db.runTransaction(async (tx) => {
    const doc = { ...EMPTY, ...((await tx.get(ref)).data() as Partial<SheetSyncDoc> | undefined) };
    const failed = error
      ? { at: Timestamp.fromDate(now), message: error.message.slice(0, 500), attempts: (doc.failed?.attempts ?? 0) + 1 }
      : null;
    const again = doc.dirty && !error;
    tx.set(ref, {
      ...doc,
      failed,
      lastSyncedAt: error ? doc.lastSyncedAt : Timestamp.fromDate(now),
      dirty: false,
      ...(again ? lease.grant(owner, now) : lease.released()),
      // A failed pass leaves the mark for the next sync to replay.
      ...(error && doc.dirty ? { dirty: true } : {}),
    });
    return again;
  });
}
