import nodemailer from "nodemailer";
import type { MailTransport, OutgoingMail } from "./mail-transport";
import { toNodemailerOptions } from "./nodemailer-options";

export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS (port 465). STARTTLS is used when the server offers it unless `requireTls` is false on loopback. */
  secure?: boolean;
  user?: string;
  password?: string;
  /** Lookup of already-sent Message-IDs when the relay offers one (a plain SMTP relay does not). */
  findSent?: (mail: OutgoingMail, since: Date) => Promise<boolean>;
}

export function smtpTransport(settings: SmtpSettings): MailTransport {
  const loopback = settings.host === "127.0.0.1" || settings.host === "localhost" || settings.host === "::1";
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure ?? false,
    ignoreTLS: loopback,
    requireTLS: !loopback && !settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
    connectionTimeout: 10000,
    greetingTimeout: 10000,
    socketTimeout: 20000,
  });
  return {
    name: "smtp",
    async send(mail: OutgoingMail): Promise<void> {
      const info = await transporter.sendMail(toNodemailerOptions(mail));
      if (info.rejected.length > 0) throw new Error(`Destinataires refusés : ${info.rejected.join(", ")}`);
    },
    findSent: settings.findSent,
  };
}
