/**
 * The FEC export at scale, on the real emulator: a year of 1,000,000
 * journal lines (333,334 three-line bank entries spread over 2026), then
 * the export as the route runs it — the tax office's checks over the whole
 * year, then the file written chunk by chunk — in a fresh process with the
 * heap limit the functions are deployed with. Goal: peak RSS ≤ 256 MiB.
 * The entries carry no customer line, so no source document is looked up
 * (an entry with a 411 line costs one read of its invoice, payment or
 * credit note, not measured here). `BENCH_FEC_LINES` changes the size.
 */
import { join } from "node:path";
import { Firestore, Timestamp } from "@google-cloud/firestore";
import { startFirestoreEmulator } from "../testing/firestore-emulator";
import { batchedWrites } from "./batched-writes";
import { depositCashedEntry, pad } from "./support/deposit-fixture";
import { FUNCTION_HEAP_MB, runMeasuredChild } from "./support/measured-child";

const LINES = Number(process.env.BENCH_FEC_LINES ?? 1_000_000);
const COMPANY = "bench";
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

interface Measure {
  checkMs: number;
  writeMs: number;
  lines: number;
  bytes: number;
  problems: string[];
  peakRss: number;
  peakHeap: number;
}

/** The entries of the year, dated in order from 1 January to 31 December. */
async function seed(db: Firestore, entries: number): Promise<void> {
  const createdAt = Timestamp.fromDate(new Date("2026-01-15T10:00:00Z"));
  const { put, done } = batchedWrites(db);
  const start = Date.UTC(2026, 0, 1);
  for (let i = 1; i <= entries; i++) {
    const date = new Date(start + Math.floor(((i - 1) * 365) / entries) * 86_400_000).toISOString().slice(0, 10);
    const content = { ...depositCashedEntry(i, `FA-2026-${pad(i)}`, `D${i}`), date };
    await put(`companies/${COMPANY}/journalEntries/E${pad(i)}`, {
      content,
      createdAt,
      series: "journal-2026",
      seq: i,
      prevHash: "",
      hash: "",
      number: content.number,
      date,
    });
  }
  await done();
}

export default async function bench(): Promise<void> {
  const emulator = await startFirestoreEmulator({ projectId: "demo-fec-bench" });
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
  const db = new Firestore({ projectId: emulator.projectId });
  try {
    const entries = Math.ceil(LINES / 3);
    const started = Date.now();
    await seed(db, entries);
    console.log(`seeded ${entries} entries (${3 * entries} lines) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const run = await runMeasuredChild<Measure>(join(__dirname, "fec.child.ts"), [emulator.projectId, COMPANY], {
      ...process.env,
      FIRESTORE_EMULATOR_HOST: emulator.host,
    });
    console.log(
      `FEC export of ${run.lines} lines (${(run.bytes / 1e6).toFixed(1)} MB): checks ${(run.checkMs / 1000).toFixed(1)} s, ` +
        `file written in ${(run.writeMs / 1000).toFixed(1)} s, ${run.problems.length === 0 ? "no problem" : `problems: ${run.problems.join(" / ")}`}`,
    );
    console.log(
      `  peak RSS ${mib(run.peakRss)} (goal ≤ 256 MiB, heap limited to ${FUNCTION_HEAP_MB} MiB as deployed) ` +
        `${run.peakRss <= 256 * 1024 * 1024 ? "OK" : "MISSED"}, peak heap ${mib(run.peakHeap)}`,
    );
  } finally {
    await db.terminate();
    await emulator.stop();
  }
}
