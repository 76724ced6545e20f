/**
 * Bank statement matching at scale: a camt.053 statement of 10,000 entries
 * streamed through the reader and matched against 100,000 open items
 * (invoices and sent refund instalments), in a fresh process with the heap
 * limit the functions are deployed with. Goal: ≤ 10 s and ≤ 256 MiB.
 * The matching is pure: open items are loaded once (a query per kind), so
 * it reads no document per entry. `BENCH_BANK_ENTRIES` and
 * `BENCH_BANK_OPEN_ITEMS` change the sizes.
 * Then the import path on the emulator (bank-import-path.ts): one import of
 * the most entries an import records, its documents read per entry.
 */
import { join } from "node:path";
import { FUNCTION_HEAP_MB, runMeasuredChild } from "./support/measured-child";
import { measureImportPath } from "./bank-import-path";

const ENTRIES = Number(process.env.BENCH_BANK_ENTRIES ?? 10_000);
const OPEN_ITEMS = Number(process.env.BENCH_BANK_OPEN_ITEMS ?? 100_000);
const IMPORT_INVOICES = Number(process.env.BENCH_BANK_IMPORT_INVOICES ?? 20_000);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

interface Measure {
  ms: number;
  cpuMs: number;
  indexedMs: number;
  generatedMs: number;
  bytes: number;
  invoices: number;
  instalments: number;
  byStatus: Record<string, number>;
  peakRss: number;
  peakHeap: number;
}

export default async function bench(): Promise<void> {
  const run = await runMeasuredChild<Measure>(
    join(__dirname, "bank-matching.child.ts"),
    [String(ENTRIES), String(OPEN_ITEMS)],
    process.env,
  );
  console.log(
    `${ENTRIES} entries (${(run.bytes / 1e6).toFixed(1)} MB of camt.053) against ${run.invoices} open invoices and ${run.instalments} sent instalments`,
  );
  console.log(
    `  read + matched in ${(run.ms / 1000).toFixed(2)} s (goal ≤ 10 s), of which indexing ${(run.indexedMs / 1000).toFixed(2)} s; ` +
      `${((run.ms * 1000) / ENTRIES).toFixed(0)} µs per entry; CPU time ${(run.cpuMs / 1000).toFixed(2)} s ` +
      "(the wall time includes waiting for a shared CPU)",
  );
  console.log(
    `  peak RSS ${mib(run.peakRss)} (goal ≤ 256 MiB, heap limited to ${FUNCTION_HEAP_MB} MiB as deployed), peak heap ${mib(run.peakHeap)}`,
  );
  console.log(`  by status: ${JSON.stringify(run.byStatus)}`);
  console.log(
    `  documents read per entry by the matcher: 0 (open items given once, ${run.invoices + run.instalments} in all)`,
  );

  const path = await measureImportPath(IMPORT_INVOICES);
  console.log(
    `import path (emulator, one transaction): ${path.entries} entries against ${path.invoices} open invoices in ${(path.ms / 1000).toFixed(2)} s; ` +
      `by status ${JSON.stringify(path.byStatus)}`,
  );
  console.log(
    `  documents read: ${path.reads.total} = ${path.reads.openQuery} by the open-invoice query (once per import, ` +
      `${(path.reads.openQuery / path.entries).toFixed(1)} per entry) + ${path.reads.perEntry.toFixed(2)} per entry ` +
      "(its bankEntries document, the invoices it pays, the series counters)",
  );
}
