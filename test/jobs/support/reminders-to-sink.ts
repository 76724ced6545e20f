import type { SmtpSink } from "../../../functions/testing/smtp-server";
import { firestoreReminderSource } from "../../../functions/src/jobs/firestore-reminder-source";
import { remindersJob } from "../../../functions/src/jobs/reminders-job";
import { smtpTransport } from "../../../functions/src/mail/smtp-transport";

/** The reminders job as deployed (Firestore source, SMTP transport), delivering to the test's SMTP server. */
export const remindersJobTo = (sink: SmtpSink) =>
  remindersJob({
    source: firestoreReminderSource,
    transport: smtpTransport({
      host: sink.host,
      port: sink.port,
      findSent: async (mail) => sink.hasMessageId(mail.messageId),
    }),
    from: "Acompte <relances@acompte.test>",
    messageIdDomain: "acompte.test",
  });
