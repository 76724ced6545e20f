import type { Firestore } from "@google-cloud/firestore";

/** What a Firestore client sent to be written, since `watchWrites`. */
export interface WriteWatch {
  /** Commit RPCs (a transaction, a batch or a single write each). */
  commits: number;
  /** Documents written, created or deleted by them. */
  writes: number;
}

type Request = (method: string, request: { writes?: unknown[] } | undefined, ...rest: unknown[]) => Promise<unknown>;

/**
 * Counts what `db` commits, free of cost: every write of the client goes
 * through one unary RPC, `commit` (or `batchWrite` for a BulkWriter). A
 * call that must change nothing leaves `writes` as it was — checked on
 * every request instead of reading every document around it. Relies on
 * the client's internal `request` method, as the benchmarks do.
 */
export function watchWrites(db: Firestore): WriteWatch {
  const watch: WriteWatch = { commits: 0, writes: 0 };
  const client = db as unknown as { request: Request };
  const request = client.request.bind(db);
  client.request = (method, body, ...rest) => {
    if (method === "commit" || method === "batchWrite") {
      if (method === "commit") watch.commits++;
      watch.writes += body?.writes?.length ?? 0;
    }
    return request(method, body, ...rest);
  };
  return watch;
}
