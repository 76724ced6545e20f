import type { Firestore } from "@google-cloud/firestore";
import { UnitOfWork, type CommittedChange } from "./unit-of-work";

export interface UnkeyedRequest {
  companyId: string;
  actor: string;
  now: Date;
  today: string;
}

/**
 * One transaction with its audit events but no idempotency record: for the
 * few writes whose repetition is harmless by design (a new one-time binding
 * code: a retry issues another, the unused one expires) and for operators'
 * tools. Anything a user retries to change business state goes through
 * runCommand instead.
 */
export async function runUnkeyed<T>(
  db: Firestore,
  req: UnkeyedRequest,
  work: (uow: UnitOfWork) => Promise<T>,
): Promise<{ result: T; change: CommittedChange }> {
  return db.runTransaction(async (tx) => {
    const uow = new UnitOfWork(db, tx, req.companyId, req.actor, req.now, req.today);
    const result = await work(uow);
    return { result, change: uow.flush() };
  });
}
