/**
 * Operator command: deploys Acompte to a Google Cloud project, every step
 * idempotent (describe, then create or update), so it is also how a
 * deployed project is updated. See docs/deploy.md.
 *
 *   npm run deploy -- --project P --region R [--config deploy.config.json] [--dry-run]
 *
 * --dry-run prints every command, in order, without running any (and reads
 * no secret). Exit codes: 0 done, 1 a command failed, 2 bad arguments or
 * configuration.
 */
import path from "node:path";
import { CliArgs, parseCliArgs } from "./cli-args";
import { ConfigError, DeployConfig, loadDeployConfig } from "./deploy-config";
import type { DeployContext } from "./deploy-context";
import { mailSecrets, readSecret } from "./mail-secrets";
import { DeployFailed, DryRunOps, LiveOps, Ops } from "./runner";
import { runSteps } from "./steps";

export const REPO_ROOT = path.resolve(__dirname, "../../..");

export function createContext(args: CliArgs, config: DeployConfig, ops: Ops): DeployContext {
  const secretValues: Record<string, string> = {};
  if (!ops.dryRun) {
    for (const secret of mailSecrets(config.mail)) {
      secretValues[secret.env] = readSecret(secret);
      ops.secret(secretValues[secret.env]);
    }
  }
  return {
    project: args.project,
    region: args.region,
    config,
    ops,
    secretValues,
    state: { secretRefs: {}, functionUrls: {} },
  };
}

async function main(): Promise<number> {
  try {
    const args = parseCliArgs(process.argv.slice(2));
    const config = loadDeployConfig(path.resolve(args.config));
    const ops = args.dryRun ? new DryRunOps() : new LiveOps(REPO_ROOT);
    // Secrets are read (relative paths from where the command was started) before anything runs.
    const ctx = createContext(args, config, ops);
    process.chdir(REPO_ROOT);
    await runSteps(ctx);
    ops.section(`Done. The add-on's ACOMPTE_API_URL: ${ctx.state.functionUrls.api}`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    console.error(error instanceof DeployFailed ? error.message : error);
    return 1;
  }
}

if (require.main === module) void main().then((code) => process.exit(code));
