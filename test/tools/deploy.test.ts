/**
 * `npm run deploy`: the dry run of deploy.config.example.json, command by
 * command; every gcloud command it prints (and every read a real run makes)
 * run against the installed Google Cloud CLI with no credentials and no
 * network, where it must fail for want of credentials only, never for a flag
 * or argument gcloud does not know; the decisions of a run on a deployed
 * project (nothing created twice, no new secret version for an unchanged
 * value, versions pinned); configuration errors (exit 2, field named).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Command, commandLine, keyValueList } from "../../functions/tools/deploy/command";
import { parseCliArgs } from "../../functions/tools/deploy/cli-args";
import { ConfigError, DeployConfig, parseDeployConfig } from "../../functions/tools/deploy/deploy-config";
import { DRY_RUN_PLACEHOLDERS } from "../../functions/tools/deploy/deploy-context";
import { createContext } from "../../functions/tools/deploy/deploy";
import { DeployFailed, DryRunOps, LiveOps, Ops } from "../../functions/tools/deploy/runner";
import { runSteps } from "../../functions/tools/deploy/steps";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const CLI = path.join(ROOT, "functions/tools/deploy/deploy.ts");
const EXAMPLE = path.join(ROOT, "deploy.config.example.json");
const GCLOUD = "/usr/bin/gcloud";

function cli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: "utf8", env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const Q = "--project=acompte-demo --quiet";
const SA = "acompte-functions@acompte-demo.iam.gserviceaccount.com";
const SCHED = "acompte-scheduler@acompte-demo.iam.gserviceaccount.com";
const URL = (name: string) => `https://europe-west1-acompte-demo.cloudfunctions.net/${name}`;
const deployFn = (name: string, access: string, memory: string, timeout: string) =>
  `gcloud functions deploy ${name} --gen2 --runtime=nodejs22 --region=europe-west1 --source=dist/functions/${name} ` +
  `--entry-point=${name} --trigger-http ${access} --service-account=${SA} --memory=${memory} --timeout=${timeout}`;
const job = (verb: string, name: string, schedule: string, description: string) =>
  `gcloud scheduler jobs ${verb} http acompte-${name} --location=europe-west1 '--schedule=${schedule}' ` +
  `--time-zone=Europe/Paris --uri=${URL(name)} --http-method=POST --oidc-service-account-email=${SCHED} ` +
  `--oidc-token-audience=${URL(name)} --attempt-deadline=540s --max-retry-attempts=3 --min-backoff=60s ` +
  `--max-backoff=600s '--description=${description}' ${Q}`;
const schedulerEnv = (name: string) => `SCHEDULER_AUDIENCE=${URL(name)},SCHEDULER_SERVICE_ACCOUNTS=${SCHED}`;
/** The mail settings of the example config (the api and the jobs that mail get them). */
const MAIL_ENV =
  "MAIL_TRANSPORT=smtp,MAIL_FROM=Acompte - Menuiserie Lefèvre <relances@menuiserie-lefevre.fr>,DOCUMENTS_BUCKET=acompte-demo-acompte-documents," +
  "MAIL_MESSAGE_ID_DOMAIN=menuiserie-lefevre.fr," +
  "OUTBOX_ON_UNKNOWN_OUTCOME=resend,SMTP_HOST=smtp.menuiserie-lefevre.fr,SMTP_PORT=587,SMTP_SECURE=false," +
  "SMTP_USER=relances@menuiserie-lefevre.fr";
/** A job that mails (reminders, anchors): the scheduler's settings, the mail settings, the SMTP password's secret. */
const mailJobDeploy = (name: string) =>
  `${deployFn(name, "--no-allow-unauthenticated", "256Mi", "540s")} ` +
  `'--set-env-vars=NODE_OPTIONS=--max-old-space-size=160 --max-semi-space-size=8,${schedulerEnv(name)},${MAIL_ENV}' ` +
  `'--set-secrets=SMTP_PASSWORD=acompte-smtp-password:<version>' ` +
  Q;
const binding = (member: string, role: string) =>
  `gcloud projects add-iam-policy-binding acompte-demo --member=serviceAccount:${member} --role=${role} --condition=None --format=none ${Q}`;

const EXPECTED_DRY_RUN = [
  "# 1. Enable the APIs",
  "gcloud services enable firestore.googleapis.com firebaserules.googleapis.com cloudfunctions.googleapis.com " +
    "run.googleapis.com cloudbuild.googleapis.com artifactregistry.googleapis.com cloudscheduler.googleapis.com " +
    "secretmanager.googleapis.com iam.googleapis.com cloudresourcemanager.googleapis.com sheets.googleapis.com " +
    `gmail.googleapis.com logging.googleapis.com storage.googleapis.com ${Q}`,
  "# 2. Firestore: database, rules and indexes, TTL of the idempotency records",
  `gcloud firestore databases create '--database=(default)' --location=eur3 --type=firestore-native --delete-protection ${Q}`,
  "node_modules/.bin/firebase deploy --only firestore --project acompte-demo --non-interactive",
  `gcloud firestore fields ttls update expiresAt --collection-group=idempotency --enable-ttl --async ${Q}`,
  "# 3. Service accounts and their roles",
  `gcloud iam service-accounts create acompte-functions '--display-name=Acompte functions (runtime)' ${Q}`,
  binding(SA, "roles/datastore.user"),
  binding(SA, "roles/logging.logWriter"),
  `gcloud iam service-accounts create acompte-scheduler '--display-name=Acompte Cloud Scheduler (job trigger)' ${Q}`,
  binding("PROJECT_NUMBER-compute@developer.gserviceaccount.com", "roles/cloudbuild.builds.builder"),
  "# 4. Cloud Storage: the documents bucket, its retention policy, the runtime's access",
  `gcloud storage buckets create gs://acompte-demo-acompte-documents --location=EU --uniform-bucket-level-access ` +
    `--public-access-prevention --retention-period=10y ${Q}`,
  `gcloud storage buckets add-iam-policy-binding gs://acompte-demo-acompte-documents --member=serviceAccount:${SA} ` +
    `--role=roles/storage.objectCreator --format=none ${Q}`,
  `gcloud storage buckets add-iam-policy-binding gs://acompte-demo-acompte-documents --member=serviceAccount:${SA} ` +
    `--role=roles/storage.objectViewer --format=none ${Q}`,
  "# 5. Mail secrets in Secret Manager",
  `gcloud secrets create acompte-smtp-password --replication-policy=user-managed --locations=europe-west1 ${Q}`,
  `gcloud secrets versions add acompte-smtp-password --data-file=- ${Q}  # stdin: $ACOMPTE_SMTP_PASSWORD`,
  `gcloud secrets add-iam-policy-binding acompte-smtp-password --member=serviceAccount:${SA} ` +
    `--role=roles/secretmanager.secretAccessor --condition=None --format=none ${Q}`,
  "# 6. Build and deploy the functions (nodejs22)",
  "npm run build",
  `${deployFn("api", "--allow-unauthenticated", "256Mi", "60s")} ` +
    `'--set-env-vars=NODE_OPTIONS=--max-old-space-size=160 --max-semi-space-size=8,ACOMPTE_AUDIENCE=123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com,${MAIL_ENV}' ` +
    `'--set-secrets=SMTP_PASSWORD=acompte-smtp-password:<version>' ${Q}`,
  mailJobDeploy("reminders"),
  `gcloud run services update reminders --region=europe-west1 --no-invoker-iam-check ${Q}`,
  `${deployFn("dashboard", "--no-allow-unauthenticated", "256Mi", "540s")} '--set-env-vars=NODE_OPTIONS=--max-old-space-size=160 --max-semi-space-size=8,${schedulerEnv("dashboard")}' ${Q}`,
  `gcloud run services update dashboard --region=europe-west1 --no-invoker-iam-check ${Q}`,
  mailJobDeploy("anchors"),
  `gcloud run services update anchors --region=europe-west1 --no-invoker-iam-check ${Q}`,
  "# 7. Cloud Scheduler jobs",
  job("create", "reminders", "0 7 * * *", "Acompte: reminders and dunning letters"),
  job("create", "dashboard", "0 6 * * *", "Acompte: dashboard of every company"),
  job("create", "anchors", "50 23 * * *", "Acompte: daily integrity anchors of every company"),
  `# Done. The add-on's ACOMPTE_API_URL: ${URL("api")}`,
];

type Answer = (line: string) => string | null | undefined;

/** A deployment run in process, its reads answered by a script (what the project holds), every command recorded. */
class ScriptedOps implements Ops {
  readonly dryRun = false;
  readonly commands: Command[] = [];
  readonly reads: Command[] = [];
  readonly warnings: string[] = [];
  readonly secrets: string[] = [];

  constructor(private readonly answer: Answer) {}

  section(): void {}
  warn(text: string): void {
    this.warnings.push(text);
  }
  secret(value: string): void {
    this.secrets.push(value);
  }
  async run(cmd: Command): Promise<void> {
    this.commands.push(cmd);
  }
  async read(cmd: Command): Promise<string | null> {
    this.reads.push(cmd);
    const answer = this.answer(cmd.argv.join(" "));
    if (answer === undefined) throw new Error(`unexpected read: ${cmd.argv.join(" ")}`);
    return answer;
  }
  lines(): string[] {
    return this.commands.map(commandLine);
  }
}

const exampleConfig = (): DeployConfig => parseDeployConfig(JSON.parse(readFileSync(EXAMPLE, "utf8")), "example");

/** Answers read by regular expression, first match wins. */
const table =
  (rows: [RegExp, string | null][]): Answer =>
  (line) =>
    rows.find(([pattern]) => pattern.test(line))?.[1];

/** A project deployed before; the stored SMTP password is `stored`. */
const deployedProject = (stored: string): [RegExp, string | null][] => [
  [/firestore databases describe/, "FIRESTORE_NATIVE\teur3\n"],
  [/firestore indexes fields describe expiresAt/, "ACTIVE\n"],
  [/iam service-accounts describe/, "x@acompte-demo.iam.gserviceaccount.com\n"],
  [/projects describe acompte-demo/, "123456789012\n"],
  [/secrets describe acompte-smtp-password/, "projects/123456789012/secrets/acompte-smtp-password\n"],
  [/secrets versions access latest/, stored],
  [/secrets versions describe latest/, "projects/123456789012/secrets/acompte-smtp-password/versions/7\n"],
  [/functions describe (api|reminders|dashboard|anchors)/, null],
  [/scheduler jobs describe/, "projects/acompte-demo/locations/europe-west1/jobs/x\n"],
  [/storage buckets describe gs:\/\/acompte-demo-acompte-documents/, "315360000\n"],
];

/** A live run with the scripted project, from a folder holding the bundles the build makes. */
async function liveRun(answer: Answer, password = "s3cr3t-smtp", config = exampleConfig()): Promise<ScriptedOps> {
  const ops = new ScriptedOps(answer);
  const dir = mkdtempSync(path.join(tmpdir(), "deploy-dist-"));
  for (const name of ["api", "reminders", "dashboard", "anchors"]) {
    mkdirSync(path.join(dir, "dist/functions", name), { recursive: true });
    writeFileSync(path.join(dir, "dist/functions", name, "index.js"), "");
    writeFileSync(path.join(dir, "dist/functions", name, "package.json"), "{}");
  }
  const cwd = process.cwd();
  const saved = process.env.ACOMPTE_SMTP_PASSWORD;
  process.env.ACOMPTE_SMTP_PASSWORD = `${password}\n`;
  try {
    process.chdir(dir);
    await runSteps(createContext(TARGET, config, ops));
  } finally {
    process.chdir(cwd);
    if (saved === undefined) delete process.env.ACOMPTE_SMTP_PASSWORD;
    else process.env.ACOMPTE_SMTP_PASSWORD = saved;
    rmSync(dir, { recursive: true, force: true });
  }
  return ops;
}

const TARGET = { project: "acompte-demo", region: "europe-west1", config: "", dryRun: false };

async function dryRunLines(config: DeployConfig): Promise<string[]> {
  let text = "";
  const ops = new DryRunOps({ out: (t) => (text += t), err: (t) => (text += t) });
  await runSteps(createContext({ ...TARGET, dryRun: true }, config, ops));
  return text.trimEnd().split("\n");
}

describe("npm run deploy -- --dry-run", () => {
  it("prints every command of deploy.config.example.json, in order, with its flags", () => {
    const r = cli(["--project", "acompte-demo", "--region=europe-west1", "--config", EXAMPLE, "--dry-run"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n")).toEqual(EXPECTED_DRY_RUN);
  });

  it("reads no secret and prints none", () => {
    const withSecret = cli(
      ["--project", "acompte-demo", "--region", "europe-west1", "--config", EXAMPLE, "--dry-run"],
      {
        ...process.env,
        ACOMPTE_SMTP_PASSWORD: "tr3s-s3cret",
      },
    );
    expect(withSecret.code).toBe(0);
    expect(withSecret.stdout).not.toContain("tr3s-s3cret");
    expect(withSecret.stdout).toContain("# stdin: $ACOMPTE_SMTP_PASSWORD");
  });
});

describe("a real run", () => {
  it("on a new project creates everything, the same commands as the dry run with the project's values", async () => {
    const ops = await liveRun(
      table([
        [/projects describe acompte-demo/, "123456789012\n"],
        [/secrets versions describe latest/, "projects/123456789012/secrets/acompte-smtp-password/versions/1\n"],
        [/./, null],
      ]),
    );
    const expected = EXPECTED_DRY_RUN.filter((l) => !l.startsWith("#")).map((l) =>
      l
        .replace("PROJECT_NUMBER-compute", "123456789012-compute")
        .replace(
          "'--set-secrets=SMTP_PASSWORD=acompte-smtp-password:<version>'",
          "--set-secrets=SMTP_PASSWORD=acompte-smtp-password:1",
        ),
    );
    expect(ops.lines()).toEqual(expected);
    const add = ops.commands.find((c) => c.argv.includes("add") && c.argv.includes("versions"))!;
    expect(add.stdin!.value()).toBe("s3cr3t-smtp"); // the line end of the variable is not part of the password
    expect(ops.secrets).toEqual(["s3cr3t-smtp"]);
    expect(ops.warnings).toEqual([]);
  });

  it("on a deployed project creates nothing again, keeps an unchanged secret and pins its current version", async () => {
    const ops = await liveRun(table(deployedProject("s3cr3t-smtp")));
    const lines = ops.lines();
    expect(lines.filter((l) => /\bcreate\b|versions add|ttls update/.test(l))).toEqual([]);
    expect(lines.filter((l) => l.startsWith("gcloud scheduler jobs update http"))).toEqual([
      job("update", "reminders", "0 7 * * *", "Acompte: reminders and dunning letters"),
      job("update", "dashboard", "0 6 * * *", "Acompte: dashboard of every company"),
      job("update", "anchors", "50 23 * * *", "Acompte: daily integrity anchors of every company"),
    ]);
    expect(lines.find((l) => l.includes("deploy reminders"))).toContain(
      " --set-secrets=SMTP_PASSWORD=acompte-smtp-password:7 ",
    );
    expect(lines).toContain(
      binding("123456789012-compute@developer.gserviceaccount.com", "roles/cloudbuild.builds.builder"),
    );
    expect(ops.warnings).toEqual([]);
  });

  it("adds a secret version when the value changed and pins the new one; the value goes on stdin only", async () => {
    const ops = await liveRun(table(deployedProject("an old password")), "a new password");
    const adds = ops.commands.filter((c) => c.argv.slice(0, 4).join(" ") === "gcloud secrets versions add");
    expect(adds).toHaveLength(1);
    expect(adds[0].stdin!.value()).toBe("a new password");
    expect(ops.lines().join("\n")).not.toContain("a new password");
  });

  it("deploys a job again with its real URL when Cloud Functions gives it another one, then keeps it", async () => {
    const real = "https://reminders-abc123-ew.a.run.app";
    let describes = 0;
    // Before its first deploy the function does not exist; afterwards it answers at `real`.
    const ops = await liveRun((line) =>
      /functions describe reminders/.test(line)
        ? describes++ === 0
          ? null
          : `${real}\n`
        : table(deployedProject("s3cr3t-smtp"))(line),
    );
    const deploys = ops.lines().filter((l) => l.startsWith("gcloud functions deploy reminders"));
    expect(deploys).toHaveLength(2);
    expect(deploys[0]).toContain(`SCHEDULER_AUDIENCE=${URL("reminders")},`);
    expect(deploys[1]).toContain(`SCHEDULER_AUDIENCE=${real},`);
    expect(ops.lines().find((l) => l.includes("acompte-reminders"))).toContain(`--oidc-token-audience=${real} `);
    expect(ops.warnings).toEqual([
      `reminders answers at ${real}, not ${URL("reminders")}: deploying again with that audience.`,
    ]);

    // The next run reads the URL first: one deploy, no warning.
    const next = await liveRun((line) =>
      /functions describe reminders/.test(line) ? `${real}\n` : table(deployedProject("s3cr3t-smtp"))(line),
    );
    expect(next.lines().filter((l) => l.startsWith("gcloud functions deploy reminders"))).toEqual([
      expect.stringContaining(`SCHEDULER_AUDIENCE=${real},`),
    ]);
    expect(next.warnings).toEqual([]);
  });
});

const CREDENTIALS = /You do not currently have an active account selected|gcloud auth login|credentials/i;
const REFUSED_ARGUMENTS =
  /unrecognized arguments|Invalid choice|argument .+ is required|must be specified|expected one argument|Invalid value|Bad value|must match the pattern|Usage: gcloud/i;

/** No network at all where the machine allows a network namespace; a dead proxy in any case. */
const NO_NETWORK = spawnSync("unshare", ["-n", "true"]).status === 0 ? ["unshare", "-n"] : [];

interface GcloudResult {
  line: string;
  code: number | null;
  stderr: string;
}

/** The printed line, run by bash as printed, with an empty gcloud configuration: no account, no credentials. */
function runGcloud(line: string): Promise<GcloudResult> {
  const home = mkdtempSync(path.join(tmpdir(), "gcloud-config-"));
  const proxy = "http://127.0.0.1:9";
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    LANG: "C.UTF-8",
    HOME: home,
    CLOUDSDK_CONFIG: home,
    CLOUDSDK_CORE_DISABLE_USAGE_REPORTING: "true",
    CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK: "true",
    HTTPS_PROXY: proxy,
    HTTP_PROXY: proxy,
    https_proxy: proxy,
    http_proxy: proxy,
  };
  const [file, ...args] = [...NO_NETWORK, "/bin/bash", "-c", line.replace(/^gcloud /, `${GCLOUD} `)];
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: home, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("close", (code) => {
      rmSync(home, { recursive: true, force: true });
      resolve({ line, code, stderr });
    });
  });
}

async function inPool<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

const refusedForArguments = (r: GcloudResult) =>
  r.code !== 1 || !CREDENTIALS.test(r.stderr) || REFUSED_ARGUMENTS.test(r.stderr);

describe("the installed Google Cloud CLI", () => {
  it("accepts every command a deployment prints or reads: without credentials each fails for want of them only", async () => {
    expect(existsSync(GCLOUD)).toBe(true);
    // A real run puts the pinned version number where the dry run prints a placeholder.
    const real = (l: string) => l.replaceAll(`:${DRY_RUN_PLACEHOLDERS.secretVersion}`, ":1");
    const gmail = parseDeployConfig(
      {
        ...JSON.parse(readFileSync(EXAMPLE, "utf8")),
        mail: {
          transport: "gmail",
          from: "Lefèvre, SARL <relances@menuiserie-lefevre.fr>",
          gmail: {
            clientId: "42-x.apps.googleusercontent.com",
            clientSecret: { file: "s" },
            refreshToken: { env: "T" },
          },
        },
      },
      "gmail",
    );
    const deployed = await liveRun(table(deployedProject("s3cr3t-smtp")));
    const lines = new Set(
      [...EXPECTED_DRY_RUN, ...(await dryRunLines(gmail)), ...deployed.reads.map(commandLine), ...deployed.lines()]
        .filter((l) => l.startsWith("gcloud "))
        .map(real),
    );
    // The comma in the sender's name needs gcloud's own list delimiter: that line is among them.
    expect(
      [...lines].some((l) =>
        l.includes(
          "'--set-env-vars=^|^NODE_OPTIONS=--max-old-space-size=160 --max-semi-space-size=8|SCHEDULER_AUDIENCE=",
        ),
      ),
    ).toBe(true);
    expect(lines.size).toBeGreaterThan(35);

    const results = await inPool([...lines], 2, runGcloud);
    expect(results.filter(refusedForArguments)).toEqual([]);

    // The check tells an unknown flag from a missing login.
    const bad = await runGcloud(
      `gcloud run services update api --region=europe-west1 --no-invoker-check --project=p-demo`,
    );
    expect(refusedForArguments(bad)).toBe(true);
    expect(bad.stderr).toMatch(/unrecognized arguments: --no-invoker-check/);
  }, 600_000);
});

describe("configuration", () => {
  const example = () => JSON.parse(readFileSync(EXAMPLE, "utf8"));
  const offline = {
    ...process.env,
    CLOUDSDK_CONFIG: mkdtempSync(path.join(tmpdir(), "gcloud-none-")),
    HTTPS_PROXY: "http://127.0.0.1:9",
  };

  it("a missing field: exit code 2, every such field named, nothing run", () => {
    const config = example();
    delete config.mail.smtp.host;
    delete config.addon;
    const file = path.join(mkdtempSync(path.join(tmpdir(), "deploy-config-")), "deploy.config.json");
    writeFileSync(file, JSON.stringify(config));
    const r = cli(["--project", "acompte-demo", "--region", "europe-west1", "--config", file], offline);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not a valid deployment configuration");
    expect(r.stderr).toContain("  - addon: missing");
    expect(r.stderr).toContain("  - mail.smtp.host: missing");
    expect(r.stdout).toBe("");
  });

  it("a secret source that cannot be read: exit code 2 before any command", () => {
    const env: NodeJS.ProcessEnv = { ...offline };
    delete env.ACOMPTE_SMTP_PASSWORD;
    const r = cli(["--project", "acompte-demo", "--region", "europe-west1", "--config", EXAMPLE], env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("mail.smtp.password: environment variable ACOMPTE_SMTP_PASSWORD is not set");
    expect(r.stdout).toBe("");
  });

  it("refuses a secret written in the file, data outside the EU, a misspelt field, a transport without its settings", () => {
    const refuse = (edit: (c: ReturnType<typeof example>) => void) => {
      const c = example();
      edit(c);
      return () => parseDeployConfig(c, "deploy.config.json");
    };
    expect(
      refuse((c) => {
        c.mail.smtp.password = "hunter2";
      }),
    ).toThrow(
      /mail\.smtp\.password: expected \{ "file": "<path>" \} or \{ "env": "<VARIABLE>" \} \(a secret is never written/,
    );
    expect(
      refuse((c) => {
        c.firestore.location = "us-central1";
      }),
    ).toThrow(/firestore\.location: expected an EU location/);
    expect(
      refuse((c) => {
        c.mail.smtp.pasword = c.mail.smtp.password;
      }),
    ).toThrow(/mail\.smtp: .*pasword/);
    expect(
      refuse((c) => {
        delete c.mail.smtp.password;
      }),
    ).toThrow(/mail\.smtp\.password: required when mail\.smtp\.user is set/);
    expect(
      refuse((c) => {
        c.mail.transport = "gmail";
      }),
    ).toThrow(ConfigError);
    expect(() => parseDeployConfig(example(), "x")).not.toThrow();
  });

  it("refuses unknown or missing arguments with the usage (exit code 2)", () => {
    expect(() => parseCliArgs(["--region", "europe-west1"])).toThrow(/--project is required\nusage: npm run deploy/);
    expect(() => parseCliArgs(["--project", "Acompte Demo", "--region", "europe-west1"])).toThrow(
      /not a Google Cloud project id/,
    );
    const r = cli(["--project", "acompte-demo", "--region", "europe-west1", "--dryrun"], offline);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown argument: --dryrun");
    expect(r.stdout).toBe("");
  });
});

describe("runner", () => {
  it("feeds a secret on stdin only, masks it in all it prints, retries while IAM catches up, tells absence from failure", async () => {
    let printed = "";
    const ops = new LiveOps(tmpdir(), { out: (t) => (printed += t), err: (t) => (printed += t) }, 1);
    ops.secret("S3cret!");
    const node = process.execPath;
    await ops.run({
      argv: [node, "-e", "process.stdin.on('data', (d) => process.stdout.write('got ' + d))"],
      stdin: { describe: "$X", value: () => "S3cret!" },
    });
    expect(printed).toContain("got ***");
    expect(printed).toContain("# stdin: $X");
    expect(printed).not.toContain("S3cret!");

    const marker = path.join(mkdtempSync(path.join(tmpdir(), "deploy-retry-")), "seen");
    const flaky = `const fs = require('fs'); if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); console.error('Service account x does not exist.'); process.exit(1); }`;
    printed = "";
    await ops.run({ argv: [node, "-e", flaky] }, { retryWhile: /does not exist/ });
    expect(printed.match(/^\+ /gm)).toHaveLength(2);

    await expect(
      ops.read({ argv: [node, "-e", "console.error('NOT_FOUND: no such job'); process.exit(1)"] }),
    ).resolves.toBeNull();
    const failure = ops.read({ argv: [node, "-e", "console.error('PERMISSION_DENIED for S3cret!'); process.exit(1)"] });
    await expect(failure).rejects.toThrow(DeployFailed);
    await expect(failure).rejects.toThrow(/PERMISSION_DENIED for \*\*\*/);
    await expect(ops.run({ argv: [node, "-e", "process.exit(3)"] })).rejects.toThrow(/Command failed \(exit 3\)/);
  });

  it("keeps a value holding a comma whole in gcloud's list flags", () => {
    expect(keyValueList({ A: "1", B: "2" })).toBe("A=1,B=2");
    expect(keyValueList({ MAIL_FROM: "Lefèvre, SARL <a@b.fr>", B: "2" })).toBe(
      "^|^MAIL_FROM=Lefèvre, SARL <a@b.fr>|B=2",
    );
  });
});
