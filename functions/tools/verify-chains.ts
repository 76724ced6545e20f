/**
 * `npm run verify-chains -- <companyId>…` (all companies when none given):
 * recomputes every hash chain (invoices, credit notes, journal entries) and
 * names the first broken link. Exit code 1 when a chain is broken.
 * Uses FIRESTORE_EMULATOR_HOST when set, otherwise application default credentials.
 */
import { Firestore } from "@google-cloud/firestore";
import { verifyChains } from "../src/storage/chain-verifier";

async function main(): Promise<void> {
  const db = new Firestore();
  const ids = process.argv.slice(2).length
    ? process.argv.slice(2)
    : (await db.collection("companies").listDocuments()).map((d) => d.id);
  let broken = 0;
  for (const id of ids) {
    const report = await verifyChains(db, id);
    for (const c of report.chains)
      console.log(
        `${id}  ${c.series.padEnd(18)} ${String(c.count).padStart(6)} documents  ${c.ok ? "intacte" : "ROMPUE"}`,
      );
    if (report.firstBroken) {
      broken++;
      const b = report.firstBroken;
      console.log(`${id}  premier maillon rompu : ${b.path}${b.number ? ` (${b.number})` : ""} — ${b.problem}`);
    }
  }
  await db.terminate();
  process.exit(broken ? 1 : 0);
}

void main();
