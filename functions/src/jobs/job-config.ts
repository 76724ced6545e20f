/**
 * Production wiring of the reminders job, read from the environment once
 * per instance: who may trigger it (scheduler-config, shared with the
 * dashboard) and how its mail leaves, which only the reminders need.
 */
import { OAuth2Client } from "google-auth-library";
import { z } from "zod";
import { gmailTransport } from "../mail/gmail-transport";
import type { MailTransport } from "../mail/mail-transport";
import { smtpTransport } from "../mail/smtp-transport";
import type { SchedulerAuthConfig } from "./scheduler-auth";
import { JobConfigError, loadSchedulerAuth, parsedJobEnv } from "./scheduler-config";
import { DEFAULT_MESSAGE_ID_DOMAIN } from "../model/outbox-entry";

/** Only the reminders send mail: the dashboard never needs these. */
const mailEnv = z.object({
  MAIL_FROM: z.string().min(3),
  MAIL_MESSAGE_ID_DOMAIN: z.string().min(3).default(DEFAULT_MESSAGE_ID_DOMAIN),
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

/** How the reminders send their mail. */
export function loadMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const e = parsedJobEnv(mailEnv, env);
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
