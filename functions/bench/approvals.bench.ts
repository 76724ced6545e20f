/**
 * Contention on one company's number series (docs/contention.md): 20 refund
 * requests waiting for their final approval, approved one after the other,
 * then 20 more approved all at once, through the api on the Firestore
 * emulator. Each final approval takes the next credit-note number and two
 * journal numbers, so the parallel ones all want the same counters.
 * Prints each batch's total time, per-approval p50/p95, the transaction
 * attempts and retries, and the ratio parallel/sequential (goal ≤ 3).
 * A last batch sends 20 more, 10 to each of two api instances: the
 * per-company queue is per instance, so there the transactions meet again.
 */
import { Firestore } from "@google-cloud/firestore";
import { performance } from "node:perf_hooks";
import { startFirestoreEmulator } from "../testing/firestore-emulator";
import { seedCompany, startTestApi, type TestApi } from "../testing/local-api";
import { watchTransactions } from "../testing/transaction-watch";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, USERS, refundBody } from "../testing/workflow-fixtures";
import { percentile } from "./percentile";

const N = 20;
const GOAL = 3;
const base = `/v1/companies/${C}`;

async function readyRefunds(api: TestApi, n: number, offset: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const deposit = await api.call("POST", `${base}/deposits`, {
      as: ACCOUNTING,
      body: { ...DEPOSIT_BODY, orderRef: `CMD-${offset + i}` },
    });
    if (deposit.status !== 201) throw new Error(`deposit: ${deposit.status} ${JSON.stringify(deposit.body)}`);
    const refund = await api.call("POST", `${base}/refunds`, {
      as: REQUESTER,
      body: refundBody(deposit.body.id, { kind: "single", date: "2026-03-20" }),
    });
    if (refund.status !== 201) throw new Error(`refund: ${refund.status} ${JSON.stringify(refund.body)}`);
    ids.push(refund.body.id);
  }
  return ids;
}

interface Batch {
  totalMs: number;
  each: number[];
  attempts: number;
  failedTransactions: number;
  workMs: number;
  backoffMs: number;
  numbers: string[];
  /** Answers other than 200 (e.g. 503 when contention outlasted every retry), by status. */
  refused: Record<number, number>;
}

export default async function approvalsBench(): Promise<void> {
  const emulator = await startFirestoreEmulator({ projectId: "demo-bench-approvals" });
  const db = new Firestore({ projectId: emulator.projectId, host: emulator.host, ssl: false });
  const watch = watchTransactions(db);
  const api = await startTestApi(db);
  const other = await startTestApi(db);
  try {
    // The whole amount above the threshold would need two approvals: one (accounting) is final here.
    await seedCompany(db, C, USERS as never, { approvalThreshold: "100000.00" });
    for (const instance of [api, other]) instance.setToday("2026-03-10");
    const sequentialIds = await readyRefunds(api, N, 0);
    const parallelIds = await readyRefunds(api, N, N);
    const twoInstancesIds = await readyRefunds(api, N, 2 * N);
    // One approval first, so no batch pays for the series' first documents or a cold connection.
    const [warmUp] = await readyRefunds(api, 1, 3 * N);
    const first = await api.call("POST", `${base}/refunds/${warmUp}/approve`, { as: ACCOUNTING });
    if (first.status !== 200) throw new Error(`approve: ${first.status} ${JSON.stringify(first.body)}`);

    const measure = async (
      run: (approveOne: (id: string, via?: TestApi) => Promise<void>) => Promise<void>,
    ): Promise<Batch> => {
      const before = { ...watch };
      const each: number[] = [];
      const numbers: string[] = [];
      const refused: Record<number, number> = {};
      const start = performance.now();
      await run(async (id, via = api) => {
        const t = performance.now();
        const answer = await via.call("POST", `${base}/refunds/${id}/approve`, { as: ACCOUNTING });
        each.push(performance.now() - t);
        if (answer.status === 200) numbers.push(answer.body.creditNote.number);
        else refused[answer.status] = (refused[answer.status] ?? 0) + 1;
      });
      return {
        totalMs: performance.now() - start,
        each,
        attempts: watch.attempts - before.attempts,
        failedTransactions: watch.failed - before.failed,
        workMs: watch.workMs - before.workMs,
        backoffMs: watch.backoffMs - before.backoffMs,
        numbers,
        refused,
      };
    };
    const sequential = await measure(async (approveOne) => {
      for (const id of sequentialIds) await approveOne(id);
    });
    const parallel = await measure(
      async (approveOne) => void (await Promise.all(parallelIds.map((id) => approveOne(id)))),
    );
    const twoInstances = await measure(
      async (approveOne) =>
        void (await Promise.all(twoInstancesIds.map((id, i) => approveOne(id, i % 2 ? other : api)))),
    );

    // Refused approvals committed nothing: the numbers issued must still follow each other.
    const issued = [...sequential.numbers, ...parallel.numbers, ...twoInstances.numbers].sort();
    const expected = issued.map((_, i) => `AV-2026-${String(i + 2).padStart(6, "0")}`);
    if (JSON.stringify(issued) !== JSON.stringify(expected)) throw new Error(`credit notes not gapless: ${issued}`);

    const row = (name: string, b: Batch) => {
      const refused = Object.entries(b.refused).map(([status, n]) => `, ${n} × ${status}`);
      const each = `p50 ${percentile(b.each, 50).toFixed(0)} ms  p95 ${percentile(b.each, 95).toFixed(0)} ms`;
      const attempts = `${b.attempts} (retries ${b.attempts - N}, given up by the client ${b.failedTransactions})`;
      const inside = `${(b.workMs / b.attempts).toFixed(0)} ms/attempt, client backoff ${(b.backoffMs / 1000).toFixed(1)} s summed`;
      console.log(
        `${name.padEnd(11)} ${b.numbers.length}/${N} approved${refused.join("")} | total ${b.totalMs.toFixed(0)} ms | per approval ${each} | transaction attempts ${attempts} | in transaction functions ${inside}`,
      );
    };
    console.log(`${N} final approvals (credit note + 2 journal entries each) in one company, Firestore emulator:`);
    row("sequential", sequential);
    row("parallel", parallel);
    row("2 instances", twoInstances);
    const ratio = parallel.totalMs / sequential.totalMs;
    const met = ratio <= GOAL && parallel.numbers.length === N;
    console.log(
      `parallel / sequential ${ratio.toFixed(2)} (goal ≤ ${GOAL} ${met ? "met" : "NOT met"}); 2 instances / sequential ${(twoInstances.totalMs / sequential.totalMs).toFixed(2)}; credit notes AV-2026-000002 … ${expected.at(-1)} gapless`,
    );
  } finally {
    await api.close();
    await other.close();
    await db.terminate();
    await emulator.stop();
  }
}
