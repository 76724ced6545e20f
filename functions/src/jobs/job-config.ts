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

const schedulerSchema = z.object({
  SCHEDULER_AUDIENCE: z.string().min(1),
  SCHEDULER_SERVICE_ACCOUNTS: list.pipe(z.array(z.email()).min(1)),
});

const envSchema = schedulerSchema.extend({
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

export interface JobConfig {
  auth: SchedulerAuthConfig;
  transport: MailTransport;
  from: string;
  messageIdDomain: string;
  onUnknownOutcome: "resend" | "hold";
}

/** What every job needs: who may trigger it. The dashboard needs nothing more (no mail settings, no mail secrets). */
export function loadSchedulerAuth(env: NodeJS.ProcessEnv = process.env): SchedulerAuthConfig {
  const e = parseEnv(schedulerSchema, env);
  return withLocalKey({ audience: e.SCHEDULER_AUDIENCE, allowedEmails: e.SCHEDULER_SERVICE_ACCOUNTS }, env);
}

/** The reminders job: who may trigger it and how it sends mail. */
export function loadJobConfig(env: NodeJS.ProcessEnv = process.env): JobConfig {
  const e = parseEnv(envSchema, env);
  return {
    auth: loadSchedulerAuth(env),
    transport: transportFrom(e),
    from: e.MAIL_FROM,
    messageIdDomain: e.MAIL_MESSAGE_ID_DOMAIN,
    onUnknownOutcome: e.OUTBOX_ON_UNKNOWN_OUTCOME,
  };
}

function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new Error(`Configuration des tâches planifiées incomplète ou invalide : ${fields}`);
  }
  return parsed.data;
}

function withLocalKey(auth: SchedulerAuthConfig, env: NodeJS.ProcessEnv): SchedulerAuthConfig {
  const localKey = localSchedulerKey(env);
  if (localKey !== null) {
    auth.keys = async () => ({ [LOCAL_KEY_ID]: localKey });
    auth.issuers = [LOCAL_ISSUER];
  }
  return auth;
}

/** The workflow's local development key, under the api's own rule (auth-config): never when deployed. */
function localSchedulerKey(env: NodeJS.ProcessEnv): string | null {
  try {
    return localPublicKeyFromEnv(env);
  } catch (error) {
    throw new Error(`Tâches planifiées : mode local refusé (${(error as Error).message}).`);
  }
}

function transportFrom(e: z.infer<typeof envSchema>): MailTransport {
  if (e.MAIL_TRANSPORT === "gmail") {
    if (!e.GMAIL_CLIENT_ID || !e.GMAIL_CLIENT_SECRET || !e.GMAIL_REFRESH_TOKEN) {
      throw new Error("Envoi par Gmail : GMAIL_CLIENT_ID, GMAIL_CLIENT_SECRET et GMAIL_REFRESH_TOKEN sont requis.");
    }
    const auth = new OAuth2Client({ clientId: e.GMAIL_CLIENT_ID, clientSecret: e.GMAIL_CLIENT_SECRET });
    auth.setCredentials({ refresh_token: e.GMAIL_REFRESH_TOKEN });
    return gmailTransport({ auth });
  }
  if (!e.SMTP_HOST) throw new Error("Envoi par SMTP : SMTP_HOST est requis.");
  return smtpTransport({
    host: e.SMTP_HOST,
    port: e.SMTP_PORT,
    secure: e.SMTP_SECURE === "true",
    user: e.SMTP_USER,
    password: e.SMTP_PASSWORD,
  });
}
