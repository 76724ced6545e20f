import { documentsBucket } from "./documents-bucket";
import { existsSync } from "node:fs";
import path from "node:path";
import { keyValueList } from "../command";
import {
  DeployContext,
  FUNCTION_NAMES,
  FunctionName,
  JobName,
  expectedFunctionUrl,
  gcloud,
  runtimeAccount,
  schedulerAccount,
} from "../deploy-context";
import { DeployFailed } from "../runner";
import { FUNCTION_MEMORY, FUNCTION_NODE_FLAGS, NODE_RUNTIME } from "../runtime";
import type { Step } from "./step";

/**
 * Cloud Run functions decommissioned Node.js 20 on 2026-10-30; nodejs22 is
 * supported until 2027-10-31. The code itself still runs on Node 20 locally.
 */
export const RUNTIME = NODE_RUNTIME;
export const BUILD = ["npm", "run", "build"];
/** `npm run build` writes one bundle per function there: index.js and a package.json of its few runtime externals. */
export const functionSource = (name: FunctionName): string => `dist/functions/${name}`;

interface FunctionSpec {
  memory: string;
  timeout: string;
  env(ctx: DeployContext, audience: string): Record<string, string>;
  secrets(ctx: DeployContext): Record<string, string>;
}

const schedulerEnv = (ctx: DeployContext, audience: string) => ({
  SCHEDULER_AUDIENCE: audience,
  SCHEDULER_SERVICE_ACCOUNTS: schedulerAccount(ctx),
});

/** The api and the jobs that mail: the mail settings and the documents' bucket (a mail attaches the issued file). */
function mailEnv(ctx: DeployContext): Record<string, string> {
  const mail = ctx.config.mail;
  const env: Record<string, string> = {
    MAIL_TRANSPORT: mail.transport,
    MAIL_FROM: mail.from,
    DOCUMENTS_BUCKET: documentsBucket(ctx),
  };
  if (mail.messageIdDomain) env.MAIL_MESSAGE_ID_DOMAIN = mail.messageIdDomain;
  if (mail.onUnknownOutcome) env.OUTBOX_ON_UNKNOWN_OUTCOME = mail.onUnknownOutcome;
  if (mail.transport === "gmail") return { ...env, GMAIL_CLIENT_ID: mail.gmail.clientId };
  return {
    ...env,
    SMTP_HOST: mail.smtp.host,
    SMTP_PORT: String(mail.smtp.port),
    SMTP_SECURE: String(mail.smtp.secure),
    ...(mail.smtp.user ? { SMTP_USER: mail.smtp.user } : {}),
  };
}

/** The heap limits the benchmarks measure under (runtime.ts), rather than V8's guess from the instance size. */
const NODE_OPTIONS = { NODE_OPTIONS: FUNCTION_NODE_FLAGS.join(" ") };

const SPECS: Record<FunctionName, FunctionSpec> = {
  // A full resync of 10,000 deposits fits the default size (Sheets bench).
  // The mail settings too: the api sends a refund request's notices right after each step (docs/jobs.md).
  api: {
    memory: FUNCTION_MEMORY,
    timeout: "60s",
    env: (ctx) => ({ ACOMPTE_AUDIENCE: ctx.config.addon.oauthClientId, ...mailEnv(ctx) }),
    secrets: (ctx) => ctx.state.secretRefs,
  },
  // The function timeout matches the Scheduler's attempt deadline and the jobs' 9-minute run lease.
  reminders: {
    memory: FUNCTION_MEMORY,
    timeout: "540s",
    env: (ctx, audience) => ({ ...schedulerEnv(ctx, audience), ...mailEnv(ctx) }),
    secrets: (ctx) => ctx.state.secretRefs,
  },
  dashboard: { memory: FUNCTION_MEMORY, timeout: "540s", env: schedulerEnv, secrets: () => ({}) },
  // Mails the day's anchor to the auditors: the reminders' mail settings.
  anchors: {
    memory: FUNCTION_MEMORY,
    timeout: "540s",
    env: (ctx, audience) => ({ ...schedulerEnv(ctx, audience), ...mailEnv(ctx) }),
    secrets: (ctx) => ctx.state.secretRefs,
  },
};

function deployCommand(ctx: DeployContext, name: FunctionName, audience: string) {
  const spec = SPECS[name];
  const secrets = spec.secrets(ctx);
  return gcloud(
    ctx,
    "functions",
    "deploy",
    name,
    "--gen2",
    `--runtime=${RUNTIME}`,
    `--region=${ctx.region}`,
    `--source=${functionSource(name)}`,
    `--entry-point=${name}`,
    "--trigger-http",
    // The api is public at the platform: the add-on's ID token is issued for its OAuth client, not for
    // this URL, so Cloud Run could not accept it; the app verifies every token itself.
    name === "api" ? "--allow-unauthenticated" : "--no-allow-unauthenticated",
    `--service-account=${runtimeAccount(ctx)}`,
    `--memory=${spec.memory}`,
    `--timeout=${spec.timeout}`,
    `--set-env-vars=${keyValueList({ ...NODE_OPTIONS, ...spec.env(ctx, audience) })}`,
    ...(Object.keys(secrets).length ? [`--set-secrets=${keyValueList(secrets)}`] : []),
  );
}

async function describedUrl(ctx: DeployContext, name: FunctionName): Promise<string | null> {
  if (ctx.ops.dryRun) return null;
  const url = await ctx.ops.read(
    gcloud(ctx, "functions", "describe", name, `--region=${ctx.region}`, "--format=value(url)"),
  );
  return url?.trim() || null;
}

/**
 * A job's audience is its own URL. Cloud Run's invoker check is turned off
 * for the jobs: kept on, Cloud Run would verify the Scheduler's token and
 * hand it on with its signature replaced by SIGNATURE_REMOVED_BY_GOOGLE, and
 * the job's own check (signature, issuer, audience, verified e-mail,
 * allow-listed account) would refuse every call. Cloud Functions does not
 * carry that setting, so it is set on the function's Cloud Run service after
 * every deploy.
 */
async function deployJob(ctx: DeployContext, name: JobName): Promise<void> {
  let audience = (await describedUrl(ctx, name)) ?? expectedFunctionUrl(ctx, name);
  for (let pass = 1; ; pass++) {
    await ctx.ops.run(deployCommand(ctx, name, audience));
    await ctx.ops.run(
      gcloud(ctx, "run", "services", "update", name, `--region=${ctx.region}`, "--no-invoker-iam-check"),
    );
    const url = (await describedUrl(ctx, name)) ?? audience;
    if (url === audience || pass === 2) {
      ctx.state.functionUrls[name] = url;
      return;
    }
    ctx.ops.warn(`${name} answers at ${url}, not ${audience}: deploying again with that audience.`);
    audience = url;
  }
}

export const functions: Step = {
  title: `6. Build and deploy the functions (${RUNTIME})`,
  async run(ctx) {
    await ctx.ops.run({ argv: BUILD });
    if (!ctx.ops.dryRun) {
      for (const name of FUNCTION_NAMES) {
        const dir = functionSource(name);
        if (!["index.js", "package.json"].every((f) => existsSync(path.join(dir, f))))
          throw new DeployFailed(`${dir} has no index.js and package.json after \`npm run build\`.`);
      }
    }
    await ctx.ops.run(deployCommand(ctx, "api", ""));
    ctx.state.functionUrls.api = (await describedUrl(ctx, "api")) ?? expectedFunctionUrl(ctx, "api");
    await deployJob(ctx, "reminders");
    await deployJob(ctx, "dashboard");
    await deployJob(ctx, "anchors");
  },
};
