import type { DocumentReference, Firestore, Query } from "@google-cloud/firestore";
import { companyCollection } from "./refs";

/** Reads a command or a read-only call needs: inside a transaction (UnitOfWork) or directly. */
export interface DocReader {
  readonly companyId: string;
  collection(name: string): FirebaseFirestore.CollectionReference;
  get<T>(ref: DocumentReference): Promise<T | null>;
  getAll<T>(refs: DocumentReference[]): Promise<(T | null)[]>;
  query<T>(query: Query): Promise<{ id: string; data: T }[]>;
}

/** Non-transactional reads, for GET routes. */
export function directReader(db: Firestore, companyId: string): DocReader {
  return {
    companyId,
    collection: (name) => companyCollection(db, companyId, name),
    async get<T>(ref: DocumentReference) {
      const snap = await ref.get();
      return snap.exists ? (snap.data() as T) : null;
    },
    async getAll<T>(refs: DocumentReference[]) {
      if (refs.length === 0) return [];
      const snaps = await db.getAll(...refs);
      return snaps.map((s) => (s.exists ? (s.data() as T) : null));
    },
    async query<T>(query: Query) {
      const snap = await query.get();
      return snap.docs.map((d) => ({ id: d.id, data: d.data() as T }));
    },
  };
}
