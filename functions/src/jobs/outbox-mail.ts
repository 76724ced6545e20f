/**
 * What a job that mails through the outbox needs (the reminders, the
 * anchors), and how the deployed settings give it: one mapping, so a new
 * mail setting reaches every mailing job at once.
 */
import { documentAttachments } from "../application/documents";
import type { MailTransport } from "../mail/mail-transport";
import { documentBucketFromEnv } from "../storage/document-bucket";
import type { DeliveryOptions } from "../outbox/deliver";
import type { MailConfig } from "./job-config";

export interface OutboxMail {
  transport: MailTransport;
  from: string;
  messageIdDomain: string;
  delivery?: Omit<DeliveryOptions, "now" | "from">;
}

export function outboxMailOf(config: MailConfig): OutboxMail {
  return {
    transport: config.transport,
    from: config.from,
    messageIdDomain: config.messageIdDomain,
    delivery: {
      onUnknownOutcome: config.onUnknownOutcome,
      attachments: documentAttachments(documentBucketFromEnv()),
      messageIdDomain: config.messageIdDomain,
    },
  };
}
