import { DRY_RUN_PLACEHOLDERS, DeployContext, gcloud, runtimeAccount } from "../deploy-context";
import { MailSecret, describeSource, mailSecrets } from "../mail-secrets";
import { DeployFailed } from "../runner";
import { NOT_YET_VISIBLE } from "./service-accounts";
import type { Step } from "./step";

/**
 * Each mail secret: created if missing (replicated in the functions' region
 * only, so it stays in the EU), a new version only when the value changed,
 * read access for the functions' account on that secret alone, and its
 * current version number pinned for the deploy (a later version is only
 * used after the next deploy, never picked up silently).
 */
async function ensureSecret(ctx: DeployContext, secret: MailSecret): Promise<void> {
  const { ops } = ctx;
  const exists = await ops.read(gcloud(ctx, "secrets", "describe", secret.name, "--format=value(name)"));
  if (exists === null) {
    await ops.run(
      gcloud(ctx, "secrets", "create", secret.name, "--replication-policy=user-managed", `--locations=${ctx.region}`),
    );
  }

  const wanted = ctx.secretValues[secret.env];
  const current =
    exists === null
      ? null
      : await ops.read(gcloud(ctx, "secrets", "versions", "access", "latest", `--secret=${secret.name}`));
  if (ops.dryRun || current !== wanted) {
    await ops.run({
      ...gcloud(ctx, "secrets", "versions", "add", secret.name, "--data-file=-"),
      stdin: { describe: describeSource(secret.source), value: () => wanted },
    });
  }

  await ops.run(
    gcloud(
      ctx,
      "secrets",
      "add-iam-policy-binding",
      secret.name,
      `--member=serviceAccount:${runtimeAccount(ctx)}`,
      "--role=roles/secretmanager.secretAccessor",
      "--condition=None",
      "--format=none",
    ),
    { retryWhile: NOT_YET_VISIBLE },
  );

  ctx.state.secretRefs[secret.env] = `${secret.name}:${await pinnedVersion(ctx, secret)}`;
}

async function pinnedVersion(ctx: DeployContext, secret: MailSecret): Promise<string> {
  if (ctx.ops.dryRun) return DRY_RUN_PLACEHOLDERS.secretVersion;
  const name = await ctx.ops.read(
    gcloud(ctx, "secrets", "versions", "describe", "latest", `--secret=${secret.name}`, "--format=value(name)"),
  );
  const version = /\/versions\/(\d+)\s*$/.exec(name ?? "")?.[1];
  if (!version) throw new DeployFailed(`Secret ${secret.name} has no version to pin.`);
  return version;
}

export const secrets: Step = {
  title: "5. Mail secrets in Secret Manager",
  async run(ctx) {
    const list = mailSecrets(ctx.config.mail);
    if (list.length === 0) ctx.ops.section("(this mail transport uses no secret)");
    for (const secret of list) await ensureSecret(ctx, secret);
  },
};
