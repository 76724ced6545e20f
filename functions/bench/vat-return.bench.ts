/**
 * The VAT return at scale, on the real emulator: a year of 100,000 VAT
 * documents (`BENCH_VAT_DOCUMENTS`) spread over 2026, each with its journal
 * entry — cashed deposits (3,600.00 + 720.00 at 20 %), one in four a final
 * invoice deducting a deposit (VAT 2,400.00 − 720.00), one in ten a credit
 * note reversing a deposit — then the four quarterly returns as the route
 * computes them, in a fresh process with the functions' heap limit: time
 * per quarter and for the year, peak memory.
 */
import { join } from "node:path";
import { Firestore, Timestamp } from "@google-cloud/firestore";
import { startFirestoreEmulator } from "../testing/firestore-emulator";
import { batchedWrites } from "./batched-writes";
import { DEPOSIT_LINE, DEPOSIT_TOTAL, depositCashedEntry, pad } from "./support/deposit-fixture";
import { FUNCTION_HEAP_MB, runMeasuredChild } from "./support/measured-child";

const DOCUMENTS = Number(process.env.BENCH_VAT_DOCUMENTS ?? 100_000);
const COMPANY = "bench";
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

interface Measure {
  quarters: { key: string; ms: number; documents: number; vat: string }[];
  totalMs: number;
  peakRss: number;
  peakHeap: number;
}

type Kind = "deposit" | "finalInvoice" | "creditNote";

function kindOf(i: number): Kind {
  if (i % 10 === 1) return "creditNote";
  return i % 4 === 0 ? "finalInvoice" : "deposit";
}

/** Document i, its source document and its journal entry, dated `date`. */
function documentOf(i: number, date: string): { path: string; data: object; entry: object } {
  const number = `${kindOf(i) === "creditNote" ? "AV" : "FA"}-2026-${pad(i)}`;
  const entry = { ...depositCashedEntry(i, number, `D${i}`), date };
  switch (kindOf(i)) {
    case "deposit":
      return {
        path: `deposits/D${i}`,
        data: {
          invoiceNumber: number,
          invoiceDate: date,
          cashedDate: date,
          supplyKind: "goods",
          lines: [DEPOSIT_LINE],
        },
        entry,
      };
    case "finalInvoice":
      return {
        path: `invoices/I${i}`,
        data: {
          content: {
            number,
            date,
            lines: [{ vatRate: "20", net: "12000.00", vat: "2400.00", gross: "14400.00" }],
            deductedDeposits: [{ depositId: "D0", number: "FA-0", date, lines: [DEPOSIT_LINE], total: DEPOSIT_TOTAL }],
          },
        },
        entry: {
          ...entry,
          kind: "final_invoice",
          journal: "VT",
          source: { kind: "finalInvoice", id: `I${i}` },
          lines: [
            { account: "411", label: "Solde à payer", debit: "10080.00", credit: "0.00" },
            { account: "4191", label: "Acomptes déduits (HT)", debit: "3600.00", credit: "0.00" },
            { account: "707", label: "Ventes (HT)", debit: "0.00", credit: "12000.00" },
            { account: "44571", label: "TVA collectée 20 %", debit: "0.00", credit: "1680.00" },
          ],
        },
      };
    case "creditNote":
      return {
        path: `creditNotes/N${i}`,
        data: { content: { number, date, lines: [DEPOSIT_LINE] } },
        entry: {
          ...entry,
          kind: "credit_note",
          journal: "VT",
          source: { kind: "creditNote", id: `N${i}` },
          lines: [
            { account: "4191", label: "Annulation de l'acompte (HT)", debit: "3600.00", credit: "0.00" },
            { account: "44571", label: "TVA collectée 20 %", debit: "720.00", credit: "0.00" },
            { account: "411", label: "Avoir client", debit: "0.00", credit: "4320.00" },
          ],
        },
      };
  }
}

async function seed(db: Firestore, documents: number): Promise<void> {
  const createdAt = Timestamp.fromDate(new Date("2026-01-15T10:00:00Z"));
  const { put, done } = batchedWrites(db);
  const start = Date.UTC(2026, 0, 1);
  for (let i = 1; i <= documents; i++) {
    const date = new Date(start + Math.floor(((i - 1) * 365) / documents) * 86_400_000).toISOString().slice(0, 10);
    const doc = documentOf(i, date);
    await put(`companies/${COMPANY}/${doc.path}`, doc.data);
    await put(`companies/${COMPANY}/journalEntries/E${pad(i)}`, {
      content: doc.entry,
      createdAt,
      series: "journal-2026",
      seq: i,
      prevHash: "",
      hash: "",
      number: `EC-2026-${pad(i)}`,
      date,
    });
  }
  await done();
}

export default async function bench(): Promise<void> {
  const emulator = await startFirestoreEmulator({ projectId: "demo-vat-bench" });
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
  const db = new Firestore({ projectId: emulator.projectId });
  try {
    const started = Date.now();
    await seed(db, DOCUMENTS);
    console.log(
      `seeded ${DOCUMENTS} VAT documents and their entries in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const run = await runMeasuredChild<Measure>(join(__dirname, "vat-return.child.ts"), [emulator.projectId, COMPANY], {
      ...process.env,
      FIRESTORE_EMULATOR_HOST: emulator.host,
    });
    for (const q of run.quarters)
      console.log(`  ${q.key}: ${q.documents} documents, VAT ${q.vat}, ${(q.ms / 1000).toFixed(1)} s`);
    console.log(
      `VAT return for a year of ${DOCUMENTS} documents (four quarterly returns): ${(run.totalMs / 1000).toFixed(1)} s, ` +
        `peak RSS ${mib(run.peakRss)} (heap limited to ${FUNCTION_HEAP_MB} MiB as deployed), peak heap ${mib(run.peakHeap)}`,
    );
  } finally {
    await db.terminate();
    await emulator.stop();
  }
}
