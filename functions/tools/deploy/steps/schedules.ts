import { DeployContext, JobName, expectedFunctionUrl, gcloud, schedulerAccount } from "../deploy-context";
import type { Step } from "./step";

export const schedulerJobName = (name: JobName): string => `acompte-${name}`;

/**
 * Retries after a 503 (a failed run): the next delivery takes the run over
 * (jobRuns lease). The attempt deadline is the functions' timeout.
 */
const RETRY = ["--attempt-deadline=540s", "--max-retry-attempts=3", "--min-backoff=60s", "--max-backoff=600s"];

async function ensureJob(ctx: DeployContext, name: JobName, schedule: string, description: string): Promise<void> {
  const job = schedulerJobName(name);
  const url = ctx.state.functionUrls[name] ?? expectedFunctionUrl(ctx, name);
  const exists = await ctx.ops.read(
    gcloud(ctx, "scheduler", "jobs", "describe", job, `--location=${ctx.region}`, "--format=value(name)"),
  );
  await ctx.ops.run(
    gcloud(
      ctx,
      "scheduler",
      "jobs",
      exists === null ? "create" : "update",
      "http",
      job,
      `--location=${ctx.region}`,
      `--schedule=${schedule}`,
      `--time-zone=${ctx.config.schedules.timeZone}`,
      `--uri=${url}`,
      "--http-method=POST",
      `--oidc-service-account-email=${schedulerAccount(ctx)}`,
      `--oidc-token-audience=${url}`,
      ...RETRY,
      `--description=${description}`,
    ),
  );
}

export const schedules: Step = {
  title: "7. Cloud Scheduler jobs",
  async run(ctx) {
    const s = ctx.config.schedules;
    await ensureJob(ctx, "reminders", s.reminders, "Acompte: reminders and dunning letters");
    await ensureJob(ctx, "dashboard", s.dashboard, "Acompte: dashboard of every company");
    await ensureJob(ctx, "anchors", s.anchors, "Acompte: daily integrity anchors of every company");
  },
};
