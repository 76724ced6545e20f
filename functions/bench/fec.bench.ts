/**
 * The FEC export at scale, on the real emulator: a year of 1,000,000
 * journal lines spread over 2026 — two three-line deposit entries, then a
 * two-line customer payment (512 / 411, its payment document looked up for
 * the auxiliary account), over and over — then
 * the export as the route runs it — the tax office's checks over the whole
 * year, then the file written chunk by chunk — in a fresh process with the
 * heap limit the functions are deployed with. Goal: peak RSS ≤ 256 MiB.
 * A payment paying no invoice is not lettered, so its invoices are not read
 * (lettering costs one more batched read per window of 200 entries).
 * `BENCH_FEC_LINES` changes the size.
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

/** Entry i: a payment every third entry, else a deposit cashed. */
function entry(i: number, date: string) {
  const deposit = { ...depositCashedEntry(i, `FA-2026-${pad(i)}`, `D${i}`), date };
  if (i % 3 !== 0) return deposit;
  return {
    ...deposit,
    kind: "payment_received",
    pieceRef: `PAI-${pad(i)}`,
    label: `Règlement client ${i % 5000}`,
    source: { kind: "payment", id: `P${i}` },
    lines: [
      { account: "512", label: "Encaissement client", debit: "1200.00", credit: "0.00" },
      { account: "411", label: "Encaissement client", debit: "0.00", credit: "1200.00" },
    ],
  };
}

/** The entries of the year (8 lines per 3 entries), dated in order from 1 January to 31 December. */
async function seed(db: Firestore, entries: number): Promise<void> {
  const createdAt = Timestamp.fromDate(new Date("2026-01-15T10:00:00Z"));
  const { put, done } = batchedWrites(db);
  const start = Date.UTC(2026, 0, 1);
  for (let i = 1; i <= entries; i++) {
    const date = new Date(start + Math.floor(((i - 1) * 365) / entries) * 86_400_000).toISOString().slice(0, 10);
    const content = entry(i, date);
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
    if (i % 3 === 0)
      await put(`companies/${COMPANY}/payments/P${i}`, {
        customer: { name: `Client ${i % 5000} SARL`, kind: "b2b", siren: String(100_000_000 + (i % 5000)) },
        date,
        amount: "1200.00",
        means: "virement",
        allocations: [],
        unapplied: "1200.00",
        customerCreditId: null,
        journalEntryId: `E${pad(i)}`,
        letter: `L${i}`,
        createdAt,
        createdBy: "bench",
      });
  }
  await done();
}

export default async function bench(): Promise<void> {
  const emulator = await startFirestoreEmulator({ projectId: "demo-fec-bench" });
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
  const db = new Firestore({ projectId: emulator.projectId });
  try {
    const entries = Math.ceil((LINES * 3) / 8);
    const started = Date.now();
    await seed(db, entries);
    console.log(
      `seeded ${entries} entries (${Math.floor(entries / 3)} of them customer payments, each with its payment document) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
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
