/**
 * HTTP shell shared by every scheduled job: checks the Scheduler's OIDC
 * token, names the run (job + X-CloudScheduler-ScheduleTime, or the caller's
 * Idempotency-Key for an on-demand run), makes sure a repeated delivery does
 * no second work, runs the job and records its outcome.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { HttpFunction } from "@google-cloud/functions-framework";
import { sendError, sendJson } from "../errors/respond";
import { claimRun, finishRun } from "./job-run";
import { SchedulerAuthConfig, SchedulerAuthError, verifySchedulerCall } from "./scheduler-auth";

export interface JobContext {
  db: Firestore;
  now: () => Date;
  /** The schedule time the run stands for (ISO 8601), or `manual:<key>`. */
  scheduleTime: string;
}

export interface ScheduledJob {
  name: string;
  run(ctx: JobContext): Promise<Record<string, unknown>>;
}

export interface ScheduledDeps {
  db: Firestore;
  auth: SchedulerAuthConfig;
  now?: () => Date;
  /** How long a run may take before a redelivery may take it over. */
  runLeaseMs?: number;
}

const AUTH_CODES = { 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 503: "RETRY_LATER" } as const;

export function scheduledHandler(job: ScheduledJob, deps: ScheduledDeps): HttpFunction {
  const now = deps.now ?? (() => new Date());
  return async (req, res) => {
    if (req.method !== "POST") {
      res.set("Allow", "POST");
      return sendError(res, 405, "METHOD_NOT_ALLOWED", "Cette tâche se déclenche par POST.");
    }
    try {
      await verifySchedulerCall(req.get("authorization"), deps.auth);
    } catch (error) {
      if (error instanceof SchedulerAuthError)
        return sendError(res, error.status, AUTH_CODES[error.status], error.message);
      throw error;
    }

    const header = req.get("x-cloudscheduler-scheduletime");
    const key = req.get("idempotency-key");
    let scheduleTime: string;
    if (header) {
      const parsed = new Date(header);
      if (Number.isNaN(parsed.getTime())) {
        return sendError(
          res,
          400,
          "VALIDATION_FAILED",
          "En-tête X-CloudScheduler-ScheduleTime illisible (date RFC 3339 attendue).",
        );
      }
      scheduleTime = parsed.toISOString();
    } else if (key && /^[\w.:-]{1,200}$/.test(key)) {
      scheduleTime = `manual:${key}`;
    } else {
      return sendError(
        res,
        400,
        "VALIDATION_FAILED",
        "En-tête X-CloudScheduler-ScheduleTime ou Idempotency-Key requis.",
      );
    }

    const claim = await claimRun(deps.db, job.name, scheduleTime, now(), deps.runLeaseMs ?? 9 * 60_000);
    if (claim.kind === "duplicate") {
      sendJson(res, 200, { job: job.name, scheduleTime, status: "duplicate", run: claim.status });
      return;
    }
    try {
      const result = await job.run({ db: deps.db, now, scheduleTime });
      await finishRun(deps.db, claim, now(), { result });
      sendJson(res, 200, { job: job.name, scheduleTime, status: "done", result });
    } catch (error) {
      const message = String((error as Error).message ?? error);
      await finishRun(deps.db, claim, now(), { error: message });
      // 503 so that Cloud Scheduler retries; the work is idempotent.
      sendError(res, 503, "JOB_FAILED", `La tâche ${job.name} a échoué ; elle sera relancée.`);
    }
  };
}
