import type Mail from "nodemailer/lib/mailer";
import type { OutgoingMail } from "./mail-transport";

/** One mapping for both transports, so SMTP and Gmail send the same MIME. */
export function toNodemailerOptions(mail: OutgoingMail): Mail.Options {
  return {
    from: mail.from,
    to: mail.to,
    cc: mail.cc,
    subject: mail.subject,
    text: mail.text,
    messageId: mail.messageId,
    headers: mail.headers,
    // UTF-8 throughout: French accents in subjects (RFC 2047) and bodies.
    encoding: "quoted-printable",
    textEncoding: "quoted-printable",
  };
}
