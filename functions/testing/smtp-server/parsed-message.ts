/**
 * A received message as tests read it, decoded by mailparser: RFC 2047
 * headers, quoted-printable or base64 bodies, charsets, nested multiparts,
 * quoted display names.
 */
import { simpleParser, type AddressObject, type EmailAddress } from "mailparser";

export interface ParsedMessage {
  /** Each header as sent, unfolded, by lowercase name (first occurrence); encoded words left as they are. */
  headers: Map<string, string>;
  /** Decoded Subject header. */
  subject: string;
  /** Decoded From header, display name included (`Acompte <relances@acompte.test>`). */
  from: string;
  /** Addresses of the To header, one entry per mailbox (groups flattened). */
  to: string[];
  cc: string[];
  messageId: string;
  /** Recipients the SMTP envelope delivered to (Bcc included); empty for a message that did not come over SMTP. */
  envelopeTo: string[];
  text: string;
  html?: string;
  attachments: { filename?: string; contentType: string; content: Buffer }[];
  /** The message exactly as received. */
  raw: Buffer;
}

function mailboxes(entries: EmailAddress[]): string[] {
  return entries.flatMap((e) => (e.group ? mailboxes(e.group) : e.address ? [e.address] : []));
}

function addresses(header: AddressObject | AddressObject[] | undefined): string[] {
  return [header ?? []].flat().flatMap((h) => mailboxes(h.value));
}

function headerMap(lines: ReadonlyArray<{ key: string; line: string }>): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { key, line } of lines) {
    if (headers.has(key)) continue;
    const value = line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ");
    // Raw UTF-8 header bytes (SMTPUTF8) arrive as latin1 characters: read them back as UTF-8.
    headers.set(key, Buffer.from(value.trim(), "latin1").toString("utf8"));
  }
  return headers;
}

export async function parseMessage(raw: Buffer, envelopeTo: string[] = []): Promise<ParsedMessage> {
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  return {
    headers: headerMap(mail.headerLines),
    subject: mail.subject ?? "",
    from: mail.from?.text ?? "",
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    messageId: mail.messageId ?? "",
    envelopeTo,
    // Line ends as the sender wrote them: the wire's CRLF and the final line end are transport.
    text: (mail.text ?? "").replace(/\r\n/g, "\n").replace(/\n$/, ""),
    html: mail.html || undefined,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
    raw,
  };
}
