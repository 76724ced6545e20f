/**
 * Verification and daily anchors at scale, on the real emulator: 10,000
 * deposits (each with its chained deposit invoice and journal entry), so
 * 30,000 documents of which 20,000 chained.
 * - full verification (every chain, every copy, the deposits): time and
 *   peak memory in a fresh child process (goal ≤ 256 MiB, Cloud Functions'
 *   default), documents read;
 * - the first anchor (nothing to start from: every chain walked), then the
 *   next day's after 100 new deposits: documents checked (goal: the new
 *   ones only, 200 chained documents) and time.
 * `BENCH_INTEGRITY_DEPOSITS` changes the size.
 */
import { spawnSync } from "node:child_process";
import { Firestore, Timestamp } from "@google-cloud/firestore";
import { startFirestoreEmulator } from "../testing/firestore-emulator";
import { batchedWrites } from "./batched-writes";
import { depositCashedEntry, depositInvoiceContent } from "./support/deposit-fixture";
import { verifyChains } from "../src/integrity/chain-verifier";
import { takeAnchor } from "../src/integrity/take-anchor";
import { depositInvoiceCopies, type DepositDoc } from "../src/model/deposit";
import { invoiceCopies } from "../src/model/invoice";
import { journalEntryCopies } from "../src/model/journal-entry";
import type { SequenceDoc } from "../src/model/sequence";
import { chainHash, recordedAt } from "../src/storage/chain-hash";

const DEPOSITS = Number(process.env.BENCH_INTEGRITY_DEPOSITS ?? 10_000);
const NEXT_DAY = 100;
const COMPANY = "bench";
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

interface Heads {
  invoice: { seq: number; hash: string };
  journal: { seq: number; hash: string };
}

/** Deposits `from`..`to` as the workflow writes them: invoice and entry chained, deposit with its copies. */
async function seed(db: Firestore, from: number, to: number, heads: Heads): Promise<void> {
  const c = `companies/${COMPANY}`;
  const createdAt = Timestamp.fromDate(new Date("2026-01-15T10:00:00Z"));
  const { put, done } = batchedWrites(db);
  const chained = async (
    path: string,
    series: string,
    head: { seq: number; hash: string },
    content: object,
    fields: object,
  ) => {
    const link = { series, seq: head.seq + 1, prevHash: head.hash };
    const hash = chainHash({ ...link, recordedAt: recordedAt(createdAt), content });
    await put(path, { ...fields, content, createdAt, ...link, hash });
    head.seq = link.seq;
    head.hash = hash;
  };
  for (let i = from; i <= to; i++) {
    const invoice = depositInvoiceContent(i, `CMD-${i}`);
    const number = invoice.number;
    await chained(`${c}/invoices/I${i}`, "invoice-2026", heads.invoice, invoice, {
      ...invoiceCopies(invoice),
      openAmount: "0.00",
      paidOn: "2026-01-15",
    });
    const entry = depositCashedEntry(i, number, `D${i}`);
    await chained(`${c}/journalEntries/E${i}`, "journal-2026", heads.journal, entry, journalEntryCopies(entry));
    const deposit: DepositDoc = {
      ...depositInvoiceCopies(invoice),
      invoiceId: `I${i}`,
      paymentMeans: "virement",
      vatDue: { basis: "cashing", date: "2026-01-15", period: "2026-01" },
      creditNotes: [],
      refundableBalance: "4320.00",
      status: "open",
      journalEntryId: `E${i}`,
      createdAt,
      createdBy: "bench@acme.fr",
    };
    await put(`${c}/deposits/D${i}`, deposit);
  }
  for (const [kind, head] of Object.entries(heads) as [keyof Heads, Heads[keyof Heads]][]) {
    const counter: SequenceDoc = {
      kind,
      year: 2026,
      last: head.seq,
      lastDate: "2026-01-15",
      lastHash: head.hash,
      lastId: null,
    };
    await put(`${c}/sequences/${kind}-2026`, counter);
  }
  await done();
}

/** Child mode: one full verification, with its time and peak memory. */
async function verifyChild(projectId: string): Promise<void> {
  const db = new Firestore({ projectId });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const started = Date.now();
  const report = await verifyChains(db, COMPANY);
  const ms = Date.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const read = report.chains.reduce((n, c) => n + c.count, 0);
  console.log(JSON.stringify({ ms, read, ok: report.ok, findings: report.findingsTotal, peakRss }));
  await db.terminate();
}

export default async function bench(): Promise<void> {
  const emulator = await startFirestoreEmulator({ projectId: "demo-integrity-bench" });
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
  // The copies leave absent optional fields undefined; the workflow strips them the same way.
  const db = new Firestore({ projectId: emulator.projectId, ignoreUndefinedProperties: true });
  try {
    const heads: Heads = { invoice: { seq: 0, hash: "" }, journal: { seq: 0, hash: "" } };
    let started = Date.now();
    await seed(db, 1, DEPOSITS, heads);
    console.log(
      `seeded ${DEPOSITS} deposits (${3 * DEPOSITS} documents, ${2 * DEPOSITS} chained) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    const child = spawnSync(process.execPath, ["--import", "tsx", __filename, "--verify-child", emulator.projectId], {
      env: { ...process.env, FIRESTORE_EMULATOR_HOST: emulator.host },
      encoding: "utf8",
    });
    if (child.status !== 0) throw new Error(`verification child failed: ${child.stderr}`);
    const v = JSON.parse(child.stdout.trim().split("\n").pop()!);
    console.log(
      `full verification: ${v.read} documents in ${(v.ms / 1000).toFixed(1)} s, ${v.ok ? "no finding" : `${v.findings} findings (none expected)`}; ` +
        `peak RSS ${mib(v.peakRss)} MiB (goal ≤ 256 MiB) ${v.peakRss <= 256 * 1024 * 1024 ? "OK" : "MISSED"}`,
    );

    started = Date.now();
    const first = await takeAnchor(db, COMPANY, "2026-01-15", new Date("2026-01-15T17:00:00Z"));
    console.log(
      `first anchor: ${first.checked} documents checked (every chain, nothing to start from) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    await seed(db, DEPOSITS + 1, DEPOSITS + NEXT_DAY, heads);
    started = Date.now();
    const next = await takeAnchor(db, COMPANY, "2026-01-16", new Date("2026-01-16T17:00:00Z"));
    const goal = 2 * NEXT_DAY;
    console.log(
      `next day's anchor after ${NEXT_DAY} new deposits: ${next.checked} documents checked (goal ${goal}, the new chained ones) ` +
        `${next.checked === goal ? "OK" : "MISSED"} in ${((Date.now() - started) / 1000).toFixed(2)} s; findings ${next.findingsCount}`,
    );
  } finally {
    await db.terminate();
    await emulator.stop();
  }
}

if (process.argv[2] === "--verify-child") {
  verifyChild(process.argv[3]).then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
