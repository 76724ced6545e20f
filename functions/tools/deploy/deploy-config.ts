/**
 * The operator's deployment settings (`deploy.config.json`, git-ignored;
 * `deploy.config.example.json` documents the shape, docs/deploy.md every
 * field). Secrets are never written here: each is a reference to a file or
 * an environment variable, read at deploy time.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

export const secretSourceSchema = z.union(
  [z.strictObject({ file: z.string().min(1) }), z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/) })],
  { error: 'expected { "file": "<path>" } or { "env": "<VARIABLE>" } (a secret is never written in this file)' },
);
export type SecretSource = z.infer<typeof secretSourceSchema>;

/** French companies' data stays in the EU: a multi-region `eur3` or a `europe-*` region. */
const euLocation = z
  .string()
  .regex(/^(eur3|europe-[a-z]+\d+)$/, { error: 'expected an EU location: "eur3" or a "europe-…" region' });

const smtpMail = z.strictObject({
  transport: z.literal("smtp"),
  from: z.string().min(3),
  messageIdDomain: z.string().min(3).optional(),
  onUnknownOutcome: z.enum(["resend", "hold"]).optional(),
  smtp: z
    .strictObject({
      host: z.string().min(1),
      port: z.number().int().min(1).max(65535).default(587),
      secure: z.boolean().default(false),
      user: z.string().min(1).optional(),
      password: secretSourceSchema.optional(),
    })
    .refine((s) => s.user === undefined || s.password !== undefined, {
      error: "required when mail.smtp.user is set",
      path: ["password"],
    }),
});

const gmailMail = z.strictObject({
  transport: z.literal("gmail"),
  from: z.string().min(3),
  messageIdDomain: z.string().min(3).optional(),
  onUnknownOutcome: z.enum(["resend", "hold"]).optional(),
  gmail: z.strictObject({
    clientId: z.string().min(1),
    clientSecret: secretSourceSchema,
    refreshToken: secretSourceSchema,
  }),
});

export const deployConfigSchema = z.strictObject({
  firestore: z.strictObject({ location: euLocation }),
  addon: z.strictObject({
    /** The OAuth client id the add-on's ID tokens are issued for (ACOMPTE_AUDIENCE of `api`). */
    oauthClientId: z.string().min(1),
  }),
  mail: z.discriminatedUnion("transport", [smtpMail, gmailMail], {
    error: 'mail.transport: expected "smtp" or "gmail"',
  }),
  schedules: z
    .strictObject({
      timeZone: z.string().min(1).default("Europe/Paris"),
      reminders: z.string().min(9).default("0 7 * * *"),
      dashboard: z.string().min(9).default("0 6 * * *"),
      /** Late in the day, so the day's anchor covers the day's documents (docs/integrity.md). */
      anchors: z.string().min(9).default("50 23 * * *"),
    })
    .prefault({}),
  serviceAccounts: z
    .strictObject({
      runtime: z
        .string()
        .regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/)
        .default("acompte-functions"),
      scheduler: z
        .string()
        .regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/)
        .default("acompte-scheduler"),
    })
    .prefault({}),
});
export type DeployConfig = z.infer<typeof deployConfigSchema>;
export type MailConfig = DeployConfig["mail"];

/** A configuration that cannot be used; the message names every offending field. Exit code 2. */
export class ConfigError extends Error {}

export function parseDeployConfig(raw: unknown, source: string): DeployConfig {
  const parsed = deployConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const field = issue.path.join(".") || "(top level)";
    const missing = issue.code === "invalid_type" && /received undefined/.test(issue.message);
    return `  - ${field}: ${missing ? "missing" : issue.message}`;
  });
  throw new ConfigError(`${source} is not a valid deployment configuration:\n${lines.join("\n")}`);
}

export function loadDeployConfig(path: string): DeployConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new ConfigError(
      `Cannot read ${path}: copy deploy.config.example.json to deploy.config.json and fill it in (docs/deploy.md), or pass --config <file>.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path} is not JSON: ${(error as Error).message}`);
  }
  return parseDeployConfig(raw, path);
}
