import type { CollectionReference, DocumentReference, Firestore } from "@google-cloud/firestore";
import { COMPANIES } from "../model/collections";

export function companyRef(db: Firestore, companyId: string): DocumentReference {
  return db.collection(COMPANIES).doc(companyId);
}

export function companyCollection(db: Firestore, companyId: string, name: string): CollectionReference {
  return companyRef(db, companyId).collection(name);
}
