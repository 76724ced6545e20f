/**
 * Reminders and dashboard at scale, on the real emulator:
 * 100,000 deposits of which 1,000 have a reminder due.
 * - reminder job: time, source documents read vs reminders due (goal ≤ 1.1×);
 * - dashboard: time and peak memory, measured in a fresh child process so the
 *   seeding's heap does not count (goal ≤ 256 MiB, Cloud Functions' default).
 */
import { spawnSync } from "node:child_process";
import { Firestore } from "@google-cloud/firestore";
import { startFirestoreEmulator } from "../testing/firestore-emulator";
import { startSmtpSink } from "../testing/smtp-server";
import { remindersJob } from "../src/jobs/reminders-job";
import { firestoreReminderSource } from "../src/jobs/firestore-reminder-source";
import { computeCompanyDashboard } from "../src/jobs/company-dashboard";
import { smtpTransport } from "../src/mail/smtp-transport";

const DEPOSITS = 100_000;
const REFUNDS = 10_000;
// 1,000 reminders due: 400 approvals, 400 instalments, 100 consumer deadlines, 100 overdue invoices.
const WAITING_DUE = 400; // requests waiting for approval long enough
const WAITING_NOT_DUE = 600;
const CONSUMER_DUE = 100;
const INSTALMENTS_DUE = 400;
const INSTALMENTS_LATER = 9_600;
const INVOICES = 20_000;
const INVOICES_OVERDUE = 100;
const NOW = new Date("2026-03-10T06:00:00Z");
const TODAY = "2026-03-10";
const COMPANY = "bench";

async function seed(db: Firestore): Promise<number> {
  const started = Date.now();
  let batch = db.batch();
  let inBatch = 0;
  let inFlight: Promise<unknown>[] = [];
  const put = async (path: string, data: Record<string, unknown>) => {
    batch.set(db.doc(path), data);
    if (++inBatch === 500) {
      inFlight.push(batch.commit());
      batch = db.batch();
      inBatch = 0;
      if (inFlight.length >= 8) {
        await Promise.all(inFlight);
        inFlight = [];
      }
    }
  };
  const c = `companies/${COMPANY}`;
  await db.doc(c).set({
    name: "Bench SA",
    reminderSettings: {
      companyName: "Bench SA",
      recipients: { treasury: ["tresorerie@bench.test"], accounting: ["compta@bench.test"] },
    },
  });
  for (let i = 0; i < DEPOSITS; i++) {
    await put(`${c}/deposits/D${i}`, {
      gross: "4320.00",
      refundableBalance: i % 10 === 0 ? "0.00" : "4320.00",
      receivedOn: "2026-01-15",
    });
  }
  for (let i = 0; i < REFUNDS; i++) {
    const waiting = i < WAITING_DUE + WAITING_NOT_DUE;
    const consumer = !waiting && i < WAITING_DUE + WAITING_NOT_DUE + CONSUMER_DUE;
    await put(`${c}/refunds/R${i}`, {
      status: waiting ? "submitted" : consumer ? "approved" : i % 3 === 0 ? "refunded" : "approved",
      waitingStep: waiting ? "sales_approver" : null,
      waitingSinceDay: waiting ? (i < WAITING_DUE ? "2026-03-01" : "2026-03-09") : null,
      pendingApprovers: waiting ? ["vente@bench.test"] : [],
      customerName: `Client ${i}`,
      grossAmount: "1200.00",
      requestedOn: "2026-02-01",
      paidOn: !waiting && !consumer && i % 3 === 0 ? `2026-02-${String(2 + (i % 27)).padStart(2, "0")}` : null,
      lateRefundScale: consumer ? "L241-4" : null,
      consumerRefundDeadline: consumer ? "2026-03-05" : null,
      proposal: consumer ? { reason: "non_delivery", terminationDate: "2026-02-19" } : { reason: "customer_cancels" },
    });
  }
  for (let i = 0; i < INSTALMENTS_DUE + INSTALMENTS_LATER; i++) {
    await put(`${c}/refunds/R${1000 + (i % 9000)}/instalments/${i}`, {
      companyId: COMPANY,
      refundId: `R${1000 + (i % 9000)}`,
      creditNoteNumber: `AV-2026-${String(i).padStart(6, "0")}`,
      customerName: `Client ${i}`,
      number: 1,
      count: 1,
      amount: "300.00",
      dueDate: i < INSTALMENTS_DUE ? "2026-03-12" : "2026-05-20",
      status: "due",
      paidOn: null,
    });
  }
  for (let i = 0; i < INVOICES; i++) {
    const overdue = i < INVOICES_OVERDUE;
    await put(`${c}/invoices/F${i}`, {
      type: "final",
      number: `FA-2026-${String(i).padStart(6, "0")}`,
      gross: "1200.00",
      openAmount: overdue ? "1200.00" : "0.00",
      issuedOn: "2026-01-02",
      dueDate: overdue ? "2026-02-01" : "2026-03-02",
      paidOn: overdue ? null : i % 4 === 0 ? "2026-03-05" : "2026-03-01",
      content: { customer: { name: `Client ${i}`, kind: "b2b", email: `client${i}@bench.test` } },
    });
  }
  if (inBatch > 0) inFlight.push(batch.commit());
  await Promise.all(inFlight);
  return Date.now() - started;
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Child mode: compute the dashboard once and report time and peak memory. */
async function dashboardChild(projectId: string): Promise<void> {
  const db = new Firestore({ projectId });
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const started = Date.now();
  const { figures, documentsRead } = await computeCompanyDashboard(db, COMPANY, TODAY);
  const ms = Date.now() - started;
  clearInterval(sampler);
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  console.log(JSON.stringify({ ms, documentsRead, peakRss, peakHeap, deposits: figures.deposits }));
  await db.terminate();
}

export default async function bench(): Promise<void> {
  const emulator = await startFirestoreEmulator({ projectId: "demo-jobs-bench" });
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
  const db = new Firestore({ projectId: emulator.projectId });
  const sink = await startSmtpSink();
  try {
    const seedMs = await seed(db);
    const docs = DEPOSITS + REFUNDS + INSTALMENTS_DUE + INSTALMENTS_LATER + INVOICES;
    console.log(`seeded ${docs} documents in ${(seedMs / 1000).toFixed(1)} s (batched writes of 500, 8 in flight)`);

    const job = remindersJob({
      source: firestoreReminderSource,
      transport: smtpTransport({ host: sink.host, port: sink.port }),
      from: "Acompte <relances@acompte.test>",
      messageIdDomain: "acompte.test",
      delivery: { concurrency: 16 },
    });
    const started = Date.now();
    const result = await job.run({ db, now: () => NOW, scheduleTime: NOW.toISOString() });
    const ms = Date.now() - started;
    const due = Number(result.due);
    const read = Number(result.documentsRead);
    const received = (await sink.messages()).length;
    console.log(
      `reminders: ${due} due, ${received} received by SMTP, ${(ms / 1000).toFixed(1)} s; ` +
        `source documents read ${read} = ${(read / due).toFixed(3)} × due (goal ≤ 1.1) ${read <= 1.1 * due ? "OK" : "MISSED"}; ` +
        `outbox reads ${result.outboxReads}`,
    );
    const again = await job.run({ db, now: () => NOW, scheduleTime: "again" });
    console.log(`reminders rerun: ${again.sent} sent, ${again.created} created (both 0 expected)`);

    const child = spawnSync(
      process.execPath,
      ["--import", "tsx", __filename, "--dashboard-child", emulator.projectId],
      {
        env: { ...process.env, FIRESTORE_EMULATOR_HOST: emulator.host },
        encoding: "utf8",
      },
    );
    if (child.status !== 0) throw new Error(`dashboard child failed: ${child.stderr}`);
    const d = JSON.parse(child.stdout.trim().split("\n").pop()!);
    console.log(
      `dashboard: ${d.deposits.count} deposits, ${d.documentsRead} documents in ${(d.ms / 1000).toFixed(1)} s; ` +
        `peak RSS ${mib(d.peakRss)} MiB, peak heap ${mib(d.peakHeap)} MiB (goal ≤ 256 MiB) ${d.peakRss <= 256 * 1024 * 1024 ? "OK" : "MISSED"}`,
    );
  } finally {
    await sink.stop();
    await db.terminate();
    await emulator.stop();
  }
}

if (process.argv[2] === "--dashboard-child") {
  dashboardChild(process.argv[3]).then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
