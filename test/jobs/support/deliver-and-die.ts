/**
 * Child process for the crash tests: delivers the outbox and SIGKILLs itself
 * at the requested point (after claiming the Nth entry, or after sending it),
 * so Firestore and the SMTP server are left exactly as a real crash leaves them.
 * argv: projectId smtpPort point(lease|send) n nowIso
 */
import { Firestore } from "@google-cloud/firestore";
import { deliverDueReminders } from "../../../functions/src/outbox/deliver";
import { killAt } from "./kill-at";
import { smtpTransport } from "../../../functions/src/mail/smtp-transport";

async function main(): Promise<void> {
  const [projectId, port, point, n, nowIso] = process.argv.slice(2);
  const db = new Firestore({ projectId, host: process.env.FIRESTORE_EMULATOR_HOST, ssl: false });
  await deliverDueReminders(db, smtpTransport({ host: "127.0.0.1", port: Number(port) }), {
    now: () => new Date(nowIso),
    from: "Acompte <relances@acompte.test>",
    concurrency: 1,
    hooks: killAt(point, Number(n)),
  });
  process.exit(3); // never reached when the kill happened
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
