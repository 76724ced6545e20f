/**
 * How reminders leave the system. Two implementations: SMTP (nodemailer; the
 * local sink in dev and tests, any relay in production) and the Gmail API as
 * a configured mailbox.
 */
export interface OutgoingMail {
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  /** Deterministic Message-ID (`<id@domain>`): the same reminder always carries the same one. */
  messageId: string;
  headers?: Record<string, string>;
  /** Files attached (an issued invoice or credit note). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface MailTransport {
  readonly name: string;
  /** Resolves once the server has accepted the message; rejects otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  /**
   * Whether this message already left the mailbox since `since` (the claim
   * of the interrupted attempt), for transports that can be asked (Gmail:
   * the Sent folder). The outbox uses it to settle a send whose outcome a
   * crash left unknown.
   */
  findSent?(mail: OutgoingMail, since: Date): Promise<boolean>;
}
