/**
 * The mail settings that are secrets, by transport: each becomes a Secret
 * Manager secret mounted as the env var the reminders job reads
 * (functions/src/jobs/job-config.ts). Values come from a file or an env var.
 */
import { readFileSync } from "node:fs";
import { ConfigError, MailConfig, SecretSource } from "./deploy-config";

export interface MailSecret {
  /** The variable the function reads. */
  env: "SMTP_PASSWORD" | "GMAIL_CLIENT_SECRET" | "GMAIL_REFRESH_TOKEN";
  /** The Secret Manager secret. */
  name: string;
  source: SecretSource;
  /** The configuration field, for messages. */
  field: string;
}

export function mailSecrets(mail: MailConfig): MailSecret[] {
  if (mail.transport === "gmail") {
    return [
      {
        env: "GMAIL_CLIENT_SECRET",
        name: "acompte-gmail-client-secret",
        source: mail.gmail.clientSecret,
        field: "mail.gmail.clientSecret",
      },
      {
        env: "GMAIL_REFRESH_TOKEN",
        name: "acompte-gmail-refresh-token",
        source: mail.gmail.refreshToken,
        field: "mail.gmail.refreshToken",
      },
    ];
  }
  const password = mail.smtp.password;
  return password
    ? [{ env: "SMTP_PASSWORD", name: "acompte-smtp-password", source: password, field: "mail.smtp.password" }]
    : [];
}

export function describeSource(source: SecretSource): string {
  return "env" in source ? `$${source.env}` : `file ${source.file}`;
}

/** The secret's value; the line end an editor or `echo` leaves at the end of a file is not part of it. */
export function readSecret(secret: MailSecret, env: NodeJS.ProcessEnv = process.env): string {
  let value: string | undefined;
  if ("env" in secret.source) {
    value = env[secret.source.env];
    if (value === undefined)
      throw new ConfigError(`${secret.field}: environment variable ${secret.source.env} is not set`);
  } else {
    try {
      value = readFileSync(secret.source.file, "utf8");
    } catch {
      throw new ConfigError(`${secret.field}: cannot read file ${secret.source.file}`);
    }
  }
  value = value.replace(/\r?\n$/, "");
  if (value.length === 0) throw new ConfigError(`${secret.field}: ${describeSource(secret.source)} is empty`);
  return value;
}
