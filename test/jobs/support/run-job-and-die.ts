/**
 * Child process for the job crash test: runs the reminders job once and
 * SIGKILLs itself after sending the Nth message (or after claiming it).
 * argv: projectId smtpPort point(lease|send) n nowIso
 */
import { Firestore } from "@google-cloud/firestore";
import { remindersJob } from "../../../functions/src/jobs/reminders-job";
import { firestoreReminderSource } from "../../../functions/src/jobs/firestore-reminder-source";
import { killAt } from "./kill-at";
import { smtpTransport } from "../../../functions/src/mail/smtp-transport";

async function main(): Promise<void> {
  const [projectId, port, point, n, nowIso] = process.argv.slice(2);
  const db = new Firestore({ projectId, host: process.env.FIRESTORE_EMULATOR_HOST, ssl: false });
  const job = remindersJob({
    source: firestoreReminderSource,
    transport: smtpTransport({ host: "127.0.0.1", port: Number(port) }),
    from: "Acompte <relances@acompte.test>",
    messageIdDomain: "acompte.test",
    delivery: { concurrency: 1, hooks: killAt(point, Number(n)) },
  });
  await job.run({ db, now: () => new Date(nowIso), scheduleTime: nowIso });
  process.exit(3);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
