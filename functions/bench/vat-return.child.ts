/**
 * The measured part of the VAT return bench, in its own process: the four
 * quarterly returns of 2026 as the route computes them. Prints one JSON line.
 *   node vat-return.child.js <projectId> <companyId>
 */
import { Firestore } from "@google-cloud/firestore";
import { vatPeriod } from "../src/domain";
import { computeVatReturn } from "../src/workflow/vat-return";
import { sampleMemory } from "./support/sample-memory";

async function main(): Promise<void> {
  const [projectId, companyId] = process.argv.slice(2);
  const db = new Firestore({ projectId });
  const memory = sampleMemory();
  const quarters = [];
  const all = Date.now();
  for (const q of [1, 2, 3, 4]) {
    const started = Date.now();
    const result = await computeVatReturn(db, companyId, vatPeriod({ period: `2026-Q${q}` }), {
      accounts: {},
      vatOnDebits: false,
    });
    quarters.push({
      key: result.period.key,
      ms: Date.now() - started,
      documents: result.documents,
      vat: result.total.vat,
    });
  }
  const totalMs = Date.now() - all;
  const { peakRss, peakHeap } = memory.stop();
  await db.terminate();
  console.log(JSON.stringify({ quarters, totalMs, peakRss, peakHeap }));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
