/**
 * Child process for the documents' crash test: delivers the outbox as the
 * deployed jobs do (attachments read from the documents' bucket) and
 * SIGKILLs itself right after the Nth mail left, before SENT is recorded.
 * argv: projectId smtpPort n nowIso
 */
import { Firestore } from "@google-cloud/firestore";
import { documentAttachments } from "../../../functions/src/application/documents";
import { smtpTransport } from "../../../functions/src/mail/smtp-transport";
import { deliverDueReminders } from "../../../functions/src/outbox/deliver";
import { documentBucketFromEnv } from "../../../functions/src/storage/document-bucket";
import { killAt } from "../../jobs/support/kill-at";

async function main(): Promise<void> {
  const [projectId, port, n, nowIso] = process.argv.slice(2);
  const db = new Firestore({ projectId, host: process.env.FIRESTORE_EMULATOR_HOST, ssl: false });
  await deliverDueReminders(db, smtpTransport({ host: "127.0.0.1", port: Number(port) }), {
    now: () => new Date(nowIso),
    from: "Acompte <documents@acompte.test>",
    concurrency: 1,
    attachments: documentAttachments(documentBucketFromEnv()),
    hooks: killAt("send", Number(n)),
  });
  process.exit(3); // never reached when the kill happened
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
