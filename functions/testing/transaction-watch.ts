import type { Firestore } from "@google-cloud/firestore";
import { performance } from "node:perf_hooks";

/** What a Firestore client's transactions did, since `watchTransactions`. */
export interface TransactionWatch {
  /** `runTransaction` calls (a command retried by runCommand after the client gave up counts again). */
  transactions: number;
  /** Runs of a transaction's function: one per try, first tries and retries alike. */
  attempts: number;
  /** Milliseconds spent inside the transactions' functions (reads and the command's work, commit excluded), summed. */
  workMs: number;
  /** Milliseconds between one attempt's end (commit or rollback answered) and the next one's start: the client's backoff. */
  backoffMs: number;
  /** Transactions that ended with an error (after every retry). */
  failed: number;
}

/**
 * Counts the transactions `db` runs and their attempts, free of cost, by
 * wrapping its public `runTransaction` (as `watchWrites` wraps `request`):
 * the product code needs no counter of its own. A command that runCommand
 * starts again after the client's own retries counts as one more transaction.
 */
export function watchTransactions(db: Firestore): TransactionWatch {
  const watch = {
    transactions: 0,
    attempts: 0,
    workMs: 0,
    backoffMs: 0,
    failed: 0,
  };
  // The client may run every attempt of one call on the same Transaction object: wrapped once.
  const wrapped = new WeakSet<object>();
  const run = db.runTransaction.bind(db);
  db.runTransaction = (async (fn: (tx: FirebaseFirestore.Transaction) => Promise<unknown>, options?: object) => {
    watch.transactions++;
    let lastEnd: number | null = null;
    const endOf = (tx: FirebaseFirestore.Transaction) => {
      if (wrapped.has(tx)) return;
      wrapped.add(tx);
      // The attempt ends when its commit or rollback is answered: the client calls them on the transaction.
      const t = tx as unknown as { commit(): Promise<unknown>; rollback(): Promise<unknown> };
      for (const method of ["commit", "rollback"] as const) {
        const original = t[method].bind(tx);
        t[method] = () => original().finally(() => (lastEnd = performance.now()));
      }
    };
    try {
      return await run(async (tx) => {
        const start = performance.now();
        if (lastEnd !== null) watch.backoffMs += start - lastEnd;
        watch.attempts++;
        endOf(tx);
        try {
          return await fn(tx);
        } finally {
          watch.workMs += performance.now() - start;
        }
      }, options);
    } catch (error) {
      watch.failed++;
      throw error;
    }
  }) as Firestore["runTransaction"];
  return watch;
}
