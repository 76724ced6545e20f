/**
 * Document generation (issue #13): 1,000 credit notes on a deposit rendered
 * as Factur-X PDF/A-3B (`BENCH_DOCUMENTS`), in a fresh process with the
 * functions' V8 flags (heap limits), the fonts and ICC profile read from third_party/
 * as a deployed bundle would be given them: time per document (p50, p99;
 * goal p50 ≤ 150 ms) and peak memory for the batch (goal ≤ 128 MiB).
 */
import { join, resolve } from "node:path";
import { percentile } from "./percentile";
import { FUNCTION_HEAP_MB, runMeasuredChild } from "./support/measured-child";

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 1000);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

interface Measure {
  times: number[];
  totalMs: number;
  bytes: number;
  baselineRss: number;
  peakRss: number;
  peakHeap: number;
}

export default async function bench(): Promise<void> {
  const thirdParty = resolve(__dirname, "../../third_party");
  const run = await runMeasuredChild<Measure>(join(__dirname, "documents.child.ts"), [thirdParty, String(DOCUMENTS)], {
    ...process.env,
  });
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    `  ${DOCUMENTS} credit notes (Factur-X PDF/A-3B, 3 VAT rates): ` +
      `p50 ${ms(percentile(run.times, 50))} (goal ≤ 150 ms), p99 ${ms(percentile(run.times, 99))}, ` +
      `first ${ms(run.times[0])}, total ${(run.totalMs / 1000).toFixed(1)} s, ` +
      `${(run.bytes / DOCUMENTS / 1024).toFixed(1)} KiB per document`,
  );
  console.log(
    `  peak RSS ${mib(run.peakRss)} (goal ≤ 128 MiB, heap limited to ${FUNCTION_HEAP_MB} MiB as deployed), ` +
      `peak heap ${mib(run.peakHeap)}; RSS before the first document ${mib(run.baselineRss)}`,
  );
}
