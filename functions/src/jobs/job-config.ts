/**
 * Production wiring of the scheduled jobs, read from the environment once
 * per instance. Local ID tokens (the workflow's development key) are
 * accepted only in its local mode on the emulator, so a deployed function
 * can never trust them.
 */
import { OAuth2Client } from "google-auth-library";
import { z } from "zod";
import { gmailTransport } from "../mail/gmail-transport";
import type { MailTransport } from "../mail/mail-transport";
import { smtpTransport } from "../mail/smtp-transport";
import { localPublicKeyFromEnv } from "../auth/auth-config";
import { LOCAL_ISSUER, LOCAL_KEY_ID } from "../auth/token-verifier";
import type { SchedulerAuthConfig } from "./scheduler-auth";

const list = z.string().transform((s) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean),
);

const schedulerEnv = z.object({
  SCHEDULER_AUDIENCE: z.string().min(1),
  SCHEDULER_SERVICE_ACCOUNTS: list.pipe(z.array(z.email()).min(1)),
});

/** Only the reminders send mail: the dashboard never needs these. */
const mailEnv = z.object({
  MAIL_FROM: z.string().min(3),
  MAIL_MESSAGE_ID_DOMAIN: z.string().min(3).default("acompte.app"),
  MAIL_TRANSPORT: z.enum(["smtp", "gmail"]).default("smtp"),
  OUTBOX_ON_UNKNOWN_OUTCOME: z.enum(["resend", "hold"]).default("resend"),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().positive().default(587),
  SMTP_SECURE: z.enum(["true", "false"]).default("false"),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  GMAIL_CLIENT_ID: z.string().optional(),
  GMAIL_CLIENT_SECRET: z.string().optional(),
  GMAIL_REFRESH_TOKEN: z.string().optional(),
});

export interface MailConfig {
  transport: MailTransport;
  from: string;
  messageIdDomain: string;
  onUnknownOutcome: "resend" | "hold";
}

export interface JobConfig extends MailConfig {
  auth: SchedulerAuthConfig;
}

/**
 * A configuration mistake of the deployment: its message names the
 * variables, for the operator's logs — never for the caller's answer.
 */
export class JobConfigError extends Error {}

function parsed<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const fields = result.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new JobConfigError(`Configuration des tâches planifiées incomplète ou invalide : ${fields}`);
  }
  return result.data;
}

/** Who may trigger a job: both jobs need it. */
export function loadSchedulerAuth(env: NodeJS.ProcessEnv = process.env): SchedulerAuthConfig {
  const e = parsed(schedulerEnv, env);
  const auth: SchedulerAuthConfig = { audience: e.SCHEDULER_AUDIENCE, allowedEmails: e.SCHEDULER_SERVICE_ACCOUNTS };
  const localKey = localSchedulerKey(env);
  if (localKey !== null) {
    auth.keys = async () => ({ [LOCAL_KEY_ID]: localKey });
    auth.issuers = [LOCAL_ISSUER];
  }
  return auth;
}

/** How the reminders send their mail. */
export function loadMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const e = parsed(mailEnv, env);
  return {
    transport: transportFrom(e),
    from: e.MAIL_FROM,
    messageIdDomain: e.MAIL_MESSAGE_ID_DOMAIN,
    onUnknownOutcome: e.OUTBOX_ON_UNKNOWN_OUTCOME,
  };
}

/** Everything the reminders job needs. */
export function loadJobConfig(env: NodeJS.ProcessEnv = process.env): JobConfig {
  return { auth: loadSchedulerAuth(env), ...loadMailConfig(env) };
}

/** The workflow's local development key, under the api's own rule (auth-config): never when deployed. */
function localSchedulerKey(env: NodeJS.ProcessEnv): string | null {
  try {
    return localPublicKeyFromEnv(env);
  } catch (error) {
    throw new JobConfigError(`Tâches planifiées : mode local refusé (${(error as Error).message}).`);
  }
}

function transportFrom(e: z.infer<typeof mailEnv>): MailTransport {
  if (e.MAIL_TRANSPORT === "gmail") {
    if (!e.GMAIL_CLIENT_ID || !e.GMAIL_CLIENT_SECRET || !e.GMAIL_REFRESH_TOKEN) {
      throw new JobConfigError(
        "Envoi par Gmail : GMAIL_CLIENT_ID, GMAIL_CLIENT_SECRET et GMAIL_REFRESH_TOKEN sont requis.",
      );
    }
    const auth = new OAuth2Client({ clientId: e.GMAIL_CLIENT_ID, clientSecret: e.GMAIL_CLIENT_SECRET });
    auth.setCredentials({ refresh_token: e.GMAIL_REFRESH_TOKEN });
    return gmailTransport({ auth });
  }
  if (!e.SMTP_HOST) throw new JobConfigError("Envoi par SMTP : SMTP_HOST est requis.");
  return smtpTransport({
    host: e.SMTP_HOST,
    port: e.SMTP_PORT,
    secure: e.SMTP_SECURE === "true",
    user: e.SMTP_USER,
    password: e.SMTP_PASSWORD,
  });
}
