/**
 * The measured part of the FEC bench, in its own process: the export as the
 * route runs it (checks, then the file), written to nowhere but counted.
 * Prints one JSON line: times, size, problems and memory peaks.
 *   node fec.child.js <projectId> <companyId>
 */
import { Firestore } from "@google-cloud/firestore";
import { FecExport } from "../src/workflow/fec-export";
import { sampleMemory } from "./support/sample-memory";

async function main(): Promise<void> {
  const [projectId, companyId] = process.argv.slice(2);
  const db = new Firestore({ projectId });
  const memory = sampleMemory();
  const fec = new FecExport(db, companyId, { start: "2026-01-01", end: "2026-12-31" }, { accounts: {} });
  let started = Date.now();
  const { problems, entries } = await fec.check();
  const checkMs = Date.now() - started;
  started = Date.now();
  let bytes = 0;
  let lines = -1;
  for await (const chunk of fec.text(entries)) {
    bytes += Buffer.byteLength(chunk);
    for (let i = chunk.indexOf("\n"); i !== -1; i = chunk.indexOf("\n", i + 1)) lines++;
  }
  const writeMs = Date.now() - started;
  const { peakRss, peakHeap } = memory.stop();
  await db.terminate();
  console.log(JSON.stringify({ checkMs, writeMs, lines, bytes, problems, peakRss, peakHeap }));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
