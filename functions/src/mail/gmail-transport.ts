import { gmail_v1, gmail } from "@googleapis/gmail";
import MailComposer from "nodemailer/lib/mail-composer";
import type { MailTransport, OutgoingMail } from "./mail-transport";
import { toNodemailerOptions } from "./nodemailer-options";
import type { AuthClient } from "google-auth-library";

type GmailAuth = gmail_v1.Options["auth"];

export interface GmailSettings {
  /** Credentials acting as the configured mailbox (domain-wide delegation or the mailbox's own OAuth client). */
  auth: AuthClient;
  /** API root, for a local stand-in in tests; Google's by default. */
  rootUrl?: string;
}

export async function buildRawMime(mail: OutgoingMail): Promise<Buffer> {
  return new MailComposer(toNodemailerOptions(mail)).compile().build();
}

/**
 * Our Message-ID, or — should Gmail have replaced it — a message of the
 * mailbox to the same first recipient with the same subject sent after the
 * interrupted attempt was claimed (an earlier occurrence of the same
 * reminder was sent before that, so it cannot match).
 */
export function sentQuery(mail: OutgoingMail, since: Date): string {
  const id = mail.messageId.replace(/^<|>$/g, "");
  const subject = mail.subject.replace(/["\\]/g, " ");
  const after = Math.floor(since.getTime() / 1000) - 60;
  return `rfc822msgid:${id} OR (in:sent to:${mail.to[0]} subject:"${subject}" after:${after})`;
}

export function gmailTransport(settings: GmailSettings): MailTransport {
  // @googleapis/gmail bundles its own copy of google-auth-library; the client is the same at run time.
  const auth = settings.auth as unknown as GmailAuth;
  // Node's own fetch: gaxios would otherwise import node-fetch dynamically, which Jest's VM cannot do.
  const api = gmail({ version: "v1", auth, rootUrl: settings.rootUrl, fetchImplementation: fetch });
  return {
    name: "gmail",
    async send(mail: OutgoingMail): Promise<void> {
      const raw = (await buildRawMime(mail)).toString("base64url");
      await api.users.messages.send({ userId: "me", requestBody: { raw } });
    },
    async findSent(mail: OutgoingMail, since: Date): Promise<boolean> {
      const res = await api.users.messages.list({
        userId: "me",
        q: sentQuery(mail, since),
        maxResults: 1,
        includeSpamTrash: true,
      });
      return (res.data.messages?.length ?? 0) > 0;
    },
  };
}
