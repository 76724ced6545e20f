/**
 * What every step shares: the target project and region, the configuration,
 * the runner, and what earlier steps found out (versions, URLs) for later ones.
 */
import type { DeployConfig } from "./deploy-config";
import type { Command } from "./command";
import type { Ops } from "./runner";

import type { FunctionName } from "../build-functions";

// The functions deployed are the functions built: one list, in build-functions.ts.
export { FUNCTION_NAMES, type FunctionName } from "../build-functions";
export type JobName = Exclude<FunctionName, "api">;

export interface DeployContext {
  project: string;
  region: string;
  config: DeployConfig;
  ops: Ops;
  /** Mail secret values by env var, read before the first command (empty in a dry run, which reads none). */
  secretValues: Record<string, string>;
  /** Filled by the steps, read by later ones. */
  state: {
    /** Env var → `secret:version`, pinned at deploy time. */
    secretRefs: Record<string, string>;
    /** Function → its URL (the Scheduler's target and the audience of its OIDC token). */
    functionUrls: Partial<Record<FunctionName, string>>;
  };
}

/** A gcloud command on the target project, never prompting. */
export function gcloud(ctx: DeployContext, ...args: string[]): Command {
  return { argv: ["gcloud", ...args, `--project=${ctx.project}`, "--quiet"] };
}

export function serviceAccountEmail(ctx: DeployContext, id: string): string {
  return `${id}@${ctx.project}.iam.gserviceaccount.com`;
}

export const runtimeAccount = (ctx: DeployContext): string =>
  serviceAccountEmail(ctx, ctx.config.serviceAccounts.runtime);
export const schedulerAccount = (ctx: DeployContext): string =>
  serviceAccountEmail(ctx, ctx.config.serviceAccounts.scheduler);

/** The URL Cloud Functions gives a function (`url` of `gcloud functions describe`), known before the first deploy. */
export function expectedFunctionUrl(ctx: DeployContext, name: FunctionName): string {
  return `https://${ctx.region}-${ctx.project}.cloudfunctions.net/${name}`;
}

/** What a dry run prints where a real run puts a value it can only read from the project. */
export const DRY_RUN_PLACEHOLDERS = {
  projectNumber: "PROJECT_NUMBER",
  secretVersion: "<version>",
} as const;
