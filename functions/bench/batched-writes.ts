import type { Firestore } from "@google-cloud/firestore";

/**
 * Seeding writes for the benches: batches of 400 documents, 8 batches in
 * flight. `put` waits only when 8 are pending; `done` commits the rest.
 */
export function batchedWrites(db: Firestore): {
  put(path: string, data: object): Promise<void>;
  done(): Promise<void>;
} {
  let batch = db.batch();
  let n = 0;
  const pending: Promise<unknown>[] = [];
  return {
    async put(path, data) {
      batch.set(db.doc(path), data);
      if (++n % 400 === 0) {
        pending.push(batch.commit());
        batch = db.batch();
        if (pending.length >= 8) await Promise.all(pending.splice(0));
      }
    },
    async done() {
      if (n % 400 !== 0) pending.push(batch.commit());
      await Promise.all(pending.splice(0));
    },
  };
}
