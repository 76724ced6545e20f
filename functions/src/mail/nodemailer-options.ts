import type Mail from "nodemailer/lib/mailer";
import type { OutgoingMail } from "./mail-transport";

/**
 * One address and nothing else: no space, control character or separator.
 * Nodemailer reads a recipient string as an address list, so a stored
 * `a@x.fr, b@y.fr` or `x@y.fr\r\nBcc: z@w.fr` (read as a group) would send to
 * addresses nobody chose. The workflow validates e-mails when they are typed;
 * this is the last check before a message leaves.
 */
const BARE_ADDRESS = /^[^\s\p{Cc}@,;:<>()[\]"\\]+@[^\s\p{Cc}@,;:<>()[\]"\\]+$/u;

function recipients(addresses: string[] | undefined): string[] | undefined {
  for (const address of addresses ?? []) {
    if (!BARE_ADDRESS.test(address)) throw new Error(`Adresse de destinataire invalide : ${JSON.stringify(address)}`);
  }
  return addresses;
}

/**
 * One mapping for both transports, so SMTP and Gmail send the same MIME.
 * Header values are safe as they come: nodemailer turns CR/LF into spaces
 * (a customer name cannot start a header) and RFC 2047-encodes non-ASCII.
 */
export function toNodemailerOptions(mail: OutgoingMail): Mail.Options {
  return {
    from: mail.from,
    to: recipients(mail.to),
    cc: recipients(mail.cc),
    subject: mail.subject,
    text: mail.text,
    messageId: mail.messageId,
    headers: mail.headers,
    ...(mail.attachments?.length
      ? {
          attachments: mail.attachments.map((a) => ({
            filename: a.fileName,
            contentType: a.contentType,
            content: a.content,
          })),
        }
      : {}),
    // UTF-8 throughout: French accents in subjects (RFC 2047) and bodies.
    encoding: "quoted-printable",
    textEncoding: "quoted-printable",
  };
}
