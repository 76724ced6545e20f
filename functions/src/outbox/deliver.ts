/**
 * Delivers due outbox entries. Guarantees (see docs/jobs.md, Outbox guarantees):
 * - an entry is claimed by one sender at a time: PENDING/FAILED → SENDING in
 *   a transaction that sets a lease (leaseOwner, leaseExpiresAt);
 * - SENT is recorded in a transaction only by the lease owner;
 * - a failed send becomes FAILED and is due again after `retryAfterMs`
 *   (next run), until `maxAttempts`;
 * - a SENDING entry whose lease expired means a sender died between claiming
 *   and recording: the mail may or may not have left. When the transport can
 *   be asked (`findSent`, by Message-ID), the answer settles it: SENT, or
 *   claimed again and sent. When it cannot, `onUnknownOutcome` chooses:
 *   "resend" (at-least-once; the copy has the same Message-ID) or "hold"
 *   (at-most-once; the entry becomes UNCERTAIN for a person to check).
 */
import { randomUUID } from "node:crypto";
import { FieldValue, Firestore, Timestamp, DocumentReference } from "@google-cloud/firestore";
import type { MailAttachment, MailTransport, OutgoingMail } from "../mail/mail-transport";
import { Lease } from "../storage/lease";
import { mapLimited } from "./map-limited";
import { OUTBOX } from "../model/collections";
import { OutboxEntry, messageIdFor } from "../model/outbox-entry";

export interface DeliveryOptions {
  now: () => Date;
  from: string;
  leaseMs?: number;
  retryAfterMs?: number;
  maxAttempts?: number;
  onUnknownOutcome?: "resend" | "hold";
  concurrency?: number;
  /**
   * The deployment's Message-ID domain (MAIL_MESSAGE_ID_DOMAIN). Commands
   * queue their mails without the deployment's configuration, so their
   * entries carry the default domain: the delivery writes this one instead,
   * derived from the same outbox id, so a resend keeps the same Message-ID.
   */
  messageIdDomain?: string;
  /**
   * The files an entry with `attachments` carries (issued documents), read
   * when it is sent: jobs/outbox-mail.ts gives application/documents.ts's.
   * Without it such an entry fails and stays due.
   */
  attachments?: (db: Firestore, entry: OutboxEntry) => Promise<MailAttachment[]>;
  /** Test seams to stop the process at the two points a crash matters. */
  hooks?: {
    afterLease?: (id: string) => Promise<void> | void;
    afterSend?: (id: string) => Promise<void> | void;
  };
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  /** Expired leases settled as already sent by asking the transport. */
  confirmedAfterCrash: number;
  uncertain: number;
  skipped: number;
  /** Outbox documents read (query results and transaction reads). */
  reads: number;
}

type Outcome = "sent" | "failed" | "confirmed" | "uncertain" | "skipped";

const PAGE = 200;

const sendingLease = (leaseMs = 0) => new Lease({ owner: "leaseOwner", until: "leaseExpiresAt" }, leaseMs);

export async function deliverDueReminders(
  db: Firestore,
  transport: MailTransport,
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, confirmedAfterCrash: 0, uncertain: 0, skipped: 0, reads: 0 };
  const runNow = Timestamp.fromDate(options.now());
  const owner = randomUUID();
  let cursor: FirebaseFirestore.QueryDocumentSnapshot | undefined;
  for (;;) {
    let query = db.collection(OUTBOX).where("dueAt", "<=", runNow).orderBy("dueAt").limit(PAGE);
    if (cursor) query = query.startAfter(cursor);
    const page = await query.get();
    report.reads += page.size;
    if (page.empty) break;
    cursor = page.docs[page.docs.length - 1];
    const outcomes = await mapLimited(page.docs, options.concurrency ?? 8, (doc) =>
      deliverOne(
        db,
        doc.ref as DocumentReference<OutboxEntry>,
        doc.data() as OutboxEntry,
        transport,
        owner,
        options,
        report,
      ),
    );
    for (const o of outcomes) {
      if (o === "sent") report.sent++;
      else if (o === "failed") report.failed++;
      else if (o === "confirmed") report.confirmedAfterCrash++;
      else if (o === "uncertain") report.uncertain++;
      else report.skipped++;
    }
    if (page.size < PAGE) break;
  }
  return report;
}

/**
 * Delivers the given entries now, when they are due (a notice just
 * committed), under the same lease rules as the job: an entry another
 * sender holds is skipped, a failure is left FAILED for the job's next run.
 */
export async function deliverOutboxEntries(
  db: Firestore,
  transport: MailTransport,
  ids: readonly string[],
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, confirmedAfterCrash: 0, uncertain: 0, skipped: 0, reads: 0 };
  const owner = randomUUID();
  const now = options.now().getTime();
  for (const id of ids) {
    const ref = db.collection(OUTBOX).doc(id) as DocumentReference<OutboxEntry>;
    const snap = await ref.get();
    report.reads++;
    const seen = snap.data();
    if (!seen || !seen.dueAt || seen.dueAt.toMillis() > now) {
      report.skipped++;
      continue;
    }
    const outcome = await deliverOne(db, ref, seen, transport, owner, options, report);
    if (outcome === "sent") report.sent++;
    else if (outcome === "failed") report.failed++;
    else if (outcome === "confirmed") report.confirmedAfterCrash++;
    else if (outcome === "uncertain") report.uncertain++;
    else report.skipped++;
  }
  return report;
}

async function deliverOne(
  db: Firestore,
  ref: DocumentReference<OutboxEntry>,
  seen: OutboxEntry,
  transport: MailTransport,
  owner: string,
  options: DeliveryOptions,
  report: DeliveryReport,
): Promise<Outcome> {
  const now = options.now();
  if (seen.status === "SENDING") {
    // The lease expired (the query only returns due entries): settle the unknown outcome first.
    const previousOwner = seen.leaseOwner;
    if (transport.findSent) {
      const since = (seen.claimedAt ?? seen.createdAt).toDate();
      if (await transport.findSent(outgoing(seen, options, ref.id), since)) {
        const done = await finish(db, ref, previousOwner, { status: "SENT", sentAt: Timestamp.fromDate(now) }, report);
        return done ? "confirmed" : "skipped";
      }
    } else if ((options.onUnknownOutcome ?? "resend") === "hold") {
      const done = await finish(
        db,
        ref,
        previousOwner,
        { status: "UNCERTAIN", lastError: "Envoi interrompu : impossible de savoir si le message est parti." },
        report,
      );
      return done ? "uncertain" : "skipped";
    }
  }

  const claimed = await claim(db, ref, seen, owner, now, options.leaseMs ?? 5 * 60_000, report);
  if (!claimed) return "skipped";
  await options.hooks?.afterLease?.(ref.id);

  try {
    const attachments = await attachmentsOf(db, claimed, options);
    await transport.send({ ...outgoing(claimed, options, ref.id), ...(attachments ? { attachments } : {}) });
  } catch (error) {
    const attempts = claimed.attempts;
    const giveUp = attempts >= (options.maxAttempts ?? 5);
    const retryAt = Timestamp.fromMillis(now.getTime() + (options.retryAfterMs ?? 60_000));
    await finish(
      db,
      ref,
      owner,
      {
        status: "FAILED",
        lastError: String((error as Error).message ?? error).slice(0, 1000),
        ...(giveUp ? {} : { dueAt: retryAt }),
      },
      report,
    );
    return "failed";
  }

  await options.hooks?.afterSend?.(ref.id);
  await finish(db, ref, owner, { status: "SENT", sentAt: Timestamp.fromDate(options.now()), lastError: null }, report);
  return "sent";
}

async function attachmentsOf(
  db: Firestore,
  entry: OutboxEntry,
  options: DeliveryOptions,
): Promise<MailAttachment[] | undefined> {
  if (!entry.attachments?.length) return undefined;
  if (!options.attachments) throw new Error("Pièces jointes indisponibles : aucun stockage de documents configuré.");
  return options.attachments(db, entry);
}

function outgoing(
  entry: OutboxEntry,
  { from, messageIdDomain }: Pick<DeliveryOptions, "from" | "messageIdDomain">,
  id: string,
): OutgoingMail {
  return {
    from,
    to: entry.to,
    cc: entry.cc.length > 0 ? entry.cc : undefined,
    subject: entry.subject,
    text: entry.text,
    messageId: messageIdDomain ? messageIdFor(id, messageIdDomain) : entry.messageId,
    headers: { "X-Acompte-Reminder": id },
  };
}

/** PENDING/FAILED, or SENDING with an expired lease of the owner we saw → SENDING under our lease. */
async function claim(
  db: Firestore,
  ref: DocumentReference<OutboxEntry>,
  seen: OutboxEntry,
  owner: string,
  now: Date,
  leaseMs: number,
  report: DeliveryReport,
): Promise<OutboxEntry | null> {
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    report.reads++;
    const current = snap.data();
    if (!current || !current.dueAt || current.dueAt.toMillis() > now.getTime()) return null;
    const lease = sendingLease(leaseMs);
    const claimable =
      current.status === "PENDING" ||
      current.status === "FAILED" ||
      (current.status === "SENDING" && lease.heldBy(current, seen.leaseOwner));
    if (!claimable) return null;
    const granted = lease.grant(owner, now);
    const update = {
      status: "SENDING" as const,
      attempts: current.attempts + 1,
      ...granted,
      claimedAt: Timestamp.fromDate(now),
      // The entry is due again when the lease runs out: a dead sender's entry is found by the next run.
      dueAt: lease.untilIn(granted) as Timestamp,
    };
    tx.update(ref, update);
    return { ...current, ...update } as OutboxEntry;
  });
}

/**
 * Ends a SENDING state held by `expectedOwner`. Without `dueAt` in `fields`
 * the entry leaves the delivery query for good.
 */
async function finish(
  db: Firestore,
  ref: DocumentReference<OutboxEntry>,
  expectedOwner: string | null,
  fields: Partial<Pick<OutboxEntry, "status" | "sentAt" | "lastError" | "dueAt">>,
  report: DeliveryReport,
): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    report.reads++;
    const current = snap.data();
    if (!current || current.status !== "SENDING" || !sendingLease().heldBy(current, expectedOwner)) return false;
    tx.update(ref, {
      ...sendingLease().released(),
      dueAt: FieldValue.delete(),
      ...fields,
    });
    return true;
  });
}
