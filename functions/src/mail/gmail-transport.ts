import { gmail_v1, gmail } from "@googleapis/gmail";
import MailComposer from "nodemailer/lib/mail-composer";
import type { MailTransport, OutgoingMail } from "./mail-transport";
import { toNodemailerOptions } from "./nodemailer-options";

type GmailAuth = gmail_v1.Options["auth"];

export interface GmailSettings {
  /** Credentials acting as the configured mailbox (domain-wide delegation or the mailbox's own OAuth client). */
  auth: GmailAuth;
  /** API root, for a local stand-in in tests; Google's by default. */
  rootUrl?: string;
}

export async function buildRawMime(mail: OutgoingMail): Promise<Buffer> {
  return new MailComposer(toNodemailerOptions(mail)).compile().build();
}

export function gmailTransport(settings: GmailSettings): MailTransport {
  // Node's own fetch: gaxios would otherwise import node-fetch dynamically, which Jest's VM cannot do.
  const api = gmail({ version: "v1", auth: settings.auth, rootUrl: settings.rootUrl, fetchImplementation: fetch });
  return {
    name: "gmail",
    async send(mail: OutgoingMail): Promise<void> {
      const raw = (await buildRawMime(mail)).toString("base64url");
      await api.users.messages.send({ userId: "me", requestBody: { raw } });
    },
    async findSent(messageId: string): Promise<boolean> {
      const id = messageId.replace(/^<|>$/g, "");
      const res = await api.users.messages.list({ userId: "me", q: `rfc822msgid:${id}`, maxResults: 1, includeSpamTrash: true });
      return (res.data.messages?.length ?? 0) > 0;
    },
  };
}
