import { DRY_RUN_PLACEHOLDERS, DeployContext, gcloud, runtimeAccount, serviceAccountEmail } from "../deploy-context";
import { DeployFailed } from "../runner";
import type { Step } from "./step";

/** What the functions' identity needs: Firestore and its logs. Mail secrets are granted one by one (step 4). */
export const RUNTIME_ROLES = ["roles/datastore.user", "roles/logging.logWriter"];

/** IAM may take a few seconds to know a service account just created. */
export const NOT_YET_VISIBLE = /does not exist|not found|NOT_FOUND/i;

async function ensureServiceAccount(ctx: DeployContext, id: string, displayName: string): Promise<void> {
  const email = serviceAccountEmail(ctx, id);
  const found = await ctx.ops.read(gcloud(ctx, "iam", "service-accounts", "describe", email, "--format=value(email)"));
  if (found === null)
    await ctx.ops.run(gcloud(ctx, "iam", "service-accounts", "create", id, `--display-name=${displayName}`));
}

/** Adding a binding that is already there changes nothing. */
export function projectBinding(ctx: DeployContext, member: string, role: string) {
  return gcloud(
    ctx,
    "projects",
    "add-iam-policy-binding",
    ctx.project,
    `--member=${member}`,
    `--role=${role}`,
    "--condition=None",
    "--format=none",
  );
}

async function projectNumber(ctx: DeployContext): Promise<string> {
  const number = (
    await ctx.ops.read(gcloud(ctx, "projects", "describe", ctx.project, "--format=value(projectNumber)"))
  )?.trim();
  if (!number) throw new DeployFailed(`Project ${ctx.project} not found (gcloud projects describe).`);
  return number;
}

export const serviceAccounts: Step = {
  title: "3. Service accounts and their roles",
  async run(ctx) {
    const { ops } = ctx;
    await ensureServiceAccount(ctx, ctx.config.serviceAccounts.runtime, "Acompte functions (runtime)");
    for (const role of RUNTIME_ROLES)
      await ops.run(projectBinding(ctx, `serviceAccount:${runtimeAccount(ctx)}`, role), {
        retryWhile: NOT_YET_VISIBLE,
      });

    // Cloud Scheduler signs its OIDC tokens as this account; it needs no role: the functions check the
    // token themselves and allow-list this e-mail (SCHEDULER_SERVICE_ACCOUNTS).
    await ensureServiceAccount(ctx, ctx.config.serviceAccounts.scheduler, "Acompte Cloud Scheduler (job trigger)");

    // Functions builds run as the default compute service account, which new projects no longer
    // give the builder role.
    const number = ops.dryRun ? DRY_RUN_PLACEHOLDERS.projectNumber : await projectNumber(ctx);
    await ops.run(
      projectBinding(
        ctx,
        `serviceAccount:${number}-compute@developer.gserviceaccount.com`,
        "roles/cloudbuild.builds.builder",
      ),
    );
  },
};
