/**
 * Cloud Scheduler delivers at least once. A run is named by job + schedule
 * time; its document is created in a transaction, so a repeated delivery of
 * the same schedule time finds it and does no second work. A run whose
 * process died (RUNNING past its lease) may be taken over: the work itself is
 * idempotent (outbox), so finishing it twice is safe, never doing it is not.
 */
import { Firestore, Timestamp } from "@google-cloud/firestore";
import { JOB_RUNS } from "../model/collections";
import { Lease } from "../storage/lease";

export interface JobRunDoc {
  job: string;
  scheduleTime: string;
  status: "RUNNING" | "DONE" | "FAILED";
  attempt: number;
  startedAt: Timestamp;
  leaseExpiresAt: Timestamp;
  finishedAt: Timestamp | null;
  result: Record<string, unknown> | null;
  error: string | null;
}

export type RunClaim =
  { kind: "run"; id: string; attempt: number } | { kind: "duplicate"; id: string; status: JobRunDoc["status"] };

/** A run's attempt number is its lease holder: a later attempt that took over makes the earlier one's outcome moot. */
const runLease = (leaseMs = 0) => new Lease({ owner: "attempt", until: "leaseExpiresAt" }, leaseMs);

export function jobRunId(job: string, scheduleTime: string): string {
  return `${job}|${encodeURIComponent(scheduleTime)}`;
}

export async function claimRun(
  db: Firestore,
  job: string,
  scheduleTime: string,
  now: Date,
  leaseMs: number,
): Promise<RunClaim> {
  const id = jobRunId(job, scheduleTime);
  const ref = db.collection(JOB_RUNS).doc(id);
  const lease = runLease(leaseMs);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const current = snap.data() as JobRunDoc | undefined;
    if (!current) {
      const doc: Omit<JobRunDoc, "attempt" | "leaseExpiresAt"> = {
        job,
        scheduleTime,
        status: "RUNNING",
        startedAt: Timestamp.fromDate(now),
        finishedAt: null,
        result: null,
        error: null,
      };
      tx.create(ref, { ...doc, ...lease.grant(1, now) });
      return { kind: "run", id, attempt: 1 };
    }
    const takeOver = current.status === "FAILED" || (current.status === "RUNNING" && lease.expired(current, now));
    if (!takeOver) return { kind: "duplicate", id, status: current.status };
    const attempt = current.attempt + 1;
    tx.update(ref, { status: "RUNNING", ...lease.grant(attempt, now), error: null });
    return { kind: "run", id, attempt };
  });
}

export async function finishRun(
  db: Firestore,
  claim: { id: string; attempt: number },
  now: Date,
  outcome: { result: Record<string, unknown> } | { error: string },
): Promise<void> {
  const ref = db.collection(JOB_RUNS).doc(claim.id);
  await db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data() as JobRunDoc | undefined;
    // A later attempt took the run over: its outcome is the one that counts.
    if (!current || !runLease().heldBy(current, claim.attempt)) return;
    tx.update(ref, {
      status: "result" in outcome ? "DONE" : "FAILED",
      finishedAt: Timestamp.fromDate(now),
      result: "result" in outcome ? outcome.result : null,
      error: "error" in outcome ? outcome.error : null,
    });
  });
}
