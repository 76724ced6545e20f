import { join } from "node:path";
import { Timestamp } from "@google-cloud/firestore";
import { startSmtpSink, SmtpSink } from "../../functions/testing/smtp-server";
import { enqueueReminders } from "../../functions/src/outbox/enqueue";
import { deliverDueReminders, DeliveryOptions } from "../../functions/src/outbox/deliver";
import { OUTBOX } from "../../functions/src/model/collections";
import {
  DEFAULT_MESSAGE_ID_DOMAIN,
  OutboxEntry,
  messageIdFor,
  newOutboxEntry,
} from "../../functions/src/model/outbox-entry";
import { smtpTransport } from "../../functions/src/mail/smtp-transport";
import { reminderId } from "../../functions/src/domain/reminders/reminder";
import { testFirestore } from "../support/firestore";
import { fixtureReminder } from "../jobs/support/reminder-fixture";
import { runTsChild } from "../jobs/support/run-child";

const fs = testFirestore("outbox");
const db = fs.db;
let sink: SmtpSink;

const T0 = new Date("2026-03-10T07:00:00Z");
const LATER = new Date("2026-03-10T08:00:00Z"); // past the 5-minute lease
const options = (now: Date, extra: Partial<DeliveryOptions> = {}): DeliveryOptions => ({
  now: () => now,
  from: "Acompte <relances@acompte.test>",
  concurrency: 1,
  ...extra,
});
const transport = (probe = true) =>
  smtpTransport({
    host: sink.host,
    port: sink.port,
    findSent: probe ? async (mail) => sink.hasMessageId(mail.messageId) : undefined,
  });

const reminders = [1, 2, 3].map((n) => fixtureReminder(n));

async function statuses(): Promise<Record<string, string>> {
  const snap = await db.collection(OUTBOX).get();
  return Object.fromEntries(snap.docs.map((d) => [d.id, (d.data() as OutboxEntry).status]));
}

async function perMessageId(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const m of await sink.messages()) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
  return counts;
}

/** The child sends to this process's SMTP server, then dies at `point`. */
async function crashRun(point: "lease" | "send", n: number): Promise<void> {
  const result = await runTsChild(join(__dirname, "../jobs/support/deliver-and-die.ts"), [
    fs.projectId,
    String(sink.port),
    point,
    String(n),
    T0.toISOString(),
  ]);
  if (result.signal !== "SIGKILL") throw new Error(`child did not crash: ${result.status} ${result.stderr}`);
}

beforeEach(async () => {
  await fs.clear();
  sink = await startSmtpSink();
});
afterEach(async () => {
  await sink.stop();
});
afterAll(() => fs.close());

describe("outbox", () => {
  it("creates each reminder once and sends UTF-8 French mail to a real SMTP server", async () => {
    expect(await enqueueReminders(db, reminders, { now: T0, messageIdDomain: "acompte.test" })).toEqual({
      created: 3,
      alreadyThere: 0,
    });
    expect(await enqueueReminders(db, reminders, { now: T0, messageIdDomain: "acompte.test" })).toEqual({
      created: 0,
      alreadyThere: 3,
    });

    const report = await deliverDueReminders(db, transport(), options(T0));
    expect(report).toMatchObject({ sent: 3, failed: 0 });
    const got = await sink.messages();
    expect(got.map((m) => m.subject).sort()).toEqual(reminders.map((r) => r.subject).sort());
    const first = got.find((m) => m.to[0] === "client1@exemple.fr")!;
    expect(first.subject).toBe("Relance n°1 : facture FA-2026-000101 échue");
    expect(first.text).toBe(reminders[0].text);
    expect(first.headers.get("content-type")).toMatch(/charset=utf-8/i);
    expect(first.headers.get("x-acompte-reminder")).toBe(reminderId(reminders[0]));
    expect(Object.values(await statuses())).toEqual(["SENT", "SENT", "SENT"]);

    // A second run, and a re-enqueue, send nothing more.
    await enqueueReminders(db, reminders, { now: LATER, messageIdDomain: "acompte.test" });
    expect(await deliverDueReminders(db, transport(), options(LATER))).toMatchObject({ sent: 0, reads: 0 });
    expect(await sink.messages()).toHaveLength(3);
  });

  it("sends the deployment's Message-ID domain, also for entries a command queued with the default one", async () => {
    // What a command's transaction queues (it does not know MAIL_MESSAGE_ID_DOMAIN).
    const { id, entry } = newOutboxEntry(reminders[0], Timestamp.fromDate(T0));
    expect(entry.messageId).toBe(messageIdFor(id, DEFAULT_MESSAGE_ID_DOMAIN));
    await db.collection(OUTBOX).doc(id).set(entry);
    const report = await deliverDueReminders(db, transport(), options(T0, { messageIdDomain: "compta.exemple.fr" }));
    expect(report).toMatchObject({ sent: 1, failed: 0 });
    const [mail] = await sink.messages();
    expect(mail.messageId).toBe(messageIdFor(id, "compta.exemple.fr"));
    expect(mail.messageId).toMatch(/^<[0-9a-f]{40}@compta\.exemple\.fr>$/);
  });

  it.each(["lease", "send"] as const)(
    "delivers each reminder exactly once when the process is killed after the %s of the second entry",
    async (point) => {
      await enqueueReminders(db, reminders, { now: T0, messageIdDomain: "acompte.test" });
      await crashRun(point, 2);
      expect(await sink.messages()).toHaveLength(point === "lease" ? 1 : 2);
      const stuck = (await statuses())[reminderId(reminders[1])];
      expect(stuck).toBe("SENDING");

      // Rerun at the same instant: the lease is still held, nobody touches entry 2.
      const during = await deliverDueReminders(db, transport(), options(T0));
      expect(during.sent).toBe(1);
      expect((await statuses())[reminderId(reminders[1])]).toBe("SENDING");

      // After the lease: settled by asking the server, then nothing more ever.
      const after = await deliverDueReminders(db, transport(), options(LATER));
      expect(after).toMatchObject(
        point === "lease" ? { sent: 1, confirmedAfterCrash: 0 } : { sent: 0, confirmedAfterCrash: 1 },
      );
      await deliverDueReminders(db, transport(), options(new Date("2026-03-11T07:00:00Z")));

      const counts = await perMessageId();
      expect(counts.size).toBe(3);
      expect([...counts.values()]).toEqual([1, 1, 1]);
      expect(Object.values(await statuses())).toEqual(["SENT", "SENT", "SENT"]);
    },
  );

  it("two runs racing over the same outbox send each reminder once", async () => {
    const many = Array.from({ length: 12 }, (_, i) => fixtureReminder(i + 1));
    await enqueueReminders(db, many, { now: T0, messageIdDomain: "acompte.test" });
    const [a, b] = await Promise.all([
      deliverDueReminders(db, transport(), options(T0, { concurrency: 4 })),
      deliverDueReminders(db, transport(), options(T0, { concurrency: 4 })),
    ]);
    expect(a.sent + b.sent).toBe(12);
    expect((await perMessageId()).size).toBe(12);
    expect([...(await perMessageId()).values()].every((n) => n === 1)).toBe(true);
  });

  it("retries a refused send on the next run", async () => {
    await enqueueReminders(db, reminders, { now: T0, messageIdDomain: "acompte.test" });
    sink.rejectRecipients(["client2@exemple.fr"]);
    expect(await deliverDueReminders(db, transport(), options(T0))).toMatchObject({ sent: 2, failed: 1 });
    const failed = (await db.collection(OUTBOX).doc(reminderId(reminders[1])).get()).data() as OutboxEntry;
    expect(failed.status).toBe("FAILED");
    expect(failed.lastError).toMatch(/550/);

    // Same run instant again: not due yet, nothing resent.
    expect(await deliverDueReminders(db, transport(), options(T0))).toMatchObject({ sent: 0, failed: 0 });
    sink.rejectRecipients([]);
    expect(await deliverDueReminders(db, transport(), options(LATER))).toMatchObject({ sent: 1, failed: 0 });
    expect([...(await perMessageId()).values()]).toEqual([1, 1, 1]);
    const sent = (await db.collection(OUTBOX).doc(reminderId(reminders[1])).get()).data() as OutboxEntry;
    expect(sent).toMatchObject({ status: "SENT", attempts: 2 });
    expect(sent.dueAt).toBeUndefined();
  });

  it("gives up after maxAttempts and leaves the entry FAILED out of the due query", async () => {
    await enqueueReminders(db, [reminders[0]], { now: T0, messageIdDomain: "acompte.test" });
    sink.rejectRecipients(["client1@exemple.fr"]);
    for (let i = 0; i < 3; i++) {
      await deliverDueReminders(db, transport(), options(new Date(T0.getTime() + i * 3600_000), { maxAttempts: 2 }));
    }
    const entry = (await db.collection(OUTBOX).doc(reminderId(reminders[0])).get()).data() as OutboxEntry;
    expect(entry).toMatchObject({ status: "FAILED", attempts: 2 });
    expect(entry.dueAt).toBeUndefined();
  });

  it("without a way to ask the server, 'hold' parks an interrupted send as UNCERTAIN instead of risking a duplicate", async () => {
    await enqueueReminders(db, reminders, { now: T0, messageIdDomain: "acompte.test" });
    await crashRun("send", 1);
    const report = await deliverDueReminders(db, transport(false), options(LATER, { onUnknownOutcome: "hold" }));
    expect(report).toMatchObject({ sent: 2, uncertain: 1 });
    expect([...(await perMessageId()).values()]).toEqual([1, 1, 1]);
    expect((await statuses())[reminderId(reminders[0])]).toBe("UNCERTAIN");
  });

  it("without a way to ask the server, 'resend' is at-least-once: the copy carries the same Message-ID", async () => {
    await enqueueReminders(db, reminders, { now: T0, messageIdDomain: "acompte.test" });
    await crashRun("send", 1);
    await deliverDueReminders(db, transport(false), options(LATER, { onUnknownOutcome: "resend" }));
    const counts = await perMessageId();
    expect(counts.size).toBe(3);
    expect([...counts.values()].sort()).toEqual([1, 1, 2]);
    const stamp = (await db.collection(OUTBOX).doc(reminderId(reminders[0])).get()).get("sentAt") as Timestamp;
    expect(stamp.toDate()).toEqual(LATER);
  });
});
