/**
 * The customer dashboard at scale (issue #16): 100,000 customer records —
 * each with a stored risk profile (a fixture made with the pure riskProfile,
 * its exposure varied), a credit limit on one in two, a credit-insurance
 * cover on one in four, factoring on one in ten (its invoice assigned to
 * the factor) — and one invoice each
 * (a third of them open), on the real emulator; then, in a fresh process
 * with the heap limit the functions are deployed with, what the dashboard
 * job does for the company, writing « Tableau clients » (100,000 rows) and
 * « Tableau de bord » on the local Sheets server. Three runs: the median
 * time and the highest peak RSS. Goal: peak RSS ≤ 256 MiB.
 * `BENCH_CUSTOMERS` changes the size.
 */
import { join } from "node:path";
import { Firestore, Timestamp } from "@google-cloud/firestore";
import { riskProfile } from "../src/domain";
import { batchedWrites } from "./batched-writes";
import { percentile } from "./percentile";
import { FUNCTION_HEAP_MB, runMeasuredChild } from "./support/measured-child";
import { withWorkbookStack } from "./support/workbook-stack";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const RUNS = 3;
const COMPANY = "bench";
const AS_OF = "2026-03-31";
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

interface Measure {
  ms: number;
  sheetMs: number;
  peakRss: number;
  peakHeap: number;
  startRss: number;
  documentsRead: number;
  rows: number;
  customers: number;
  receivables: Record<string, string | null>;
  top: string;
  storedBytes: number;
}

/** A profile as the refresh stores it: one customer 20 days late on an open invoice, the exposure set per customer. */
const PROFILE = riskProfile({
  asOf: AS_OF,
  invoices: [
    {
      invoiceId: "F",
      number: "F",
      issuedOn: "2026-02-01",
      dueDate: "2026-03-11",
      gross: "1200.00",
      openAmount: "1200.00",
      payments: [],
      disputed: false,
      promiseUntil: null,
      dunningLevel: 1,
    },
  ],
  ordersInProgress: "0.00",
  depositsHeld: "0.00",
  creditLimit: null,
  insuredLimit: null,
});

async function seed(db: Firestore): Promise<void> {
  const at = Timestamp.fromDate(new Date("2026-01-15T10:00:00Z"));
  const { put, done } = batchedWrites(db);
  const c = `companies/${COMPANY}`;
  await db.doc(c).set({ name: "Bench SA" });
  for (let i = 0; i < CUSTOMERS; i++) {
    const siren = String(100_000_000 + i);
    const key = `siren:${siren}`;
    const open = i % 3 === 0;
    await put(`${c}/invoices/F${i}`, {
      type: "final",
      number: `FA-2026-${String(i).padStart(6, "0")}`,
      customerKey: key,
      gross: "1200.00",
      openAmount: open ? "1200.00" : "0.00",
      issuedOn: "2026-02-01",
      dueDate: "2026-03-11",
      paidOn: open ? null : "2026-03-10",
      // The copy issuance seals for an invoice of a customer assigned to a factor: the factored share reads it.
      ...(i % 10 === 0 ? { factor: "Bench Factor" } : {}),
    });
    await put(`${c}/customers/CLI-${siren}`, {
      id: `CLI-${siren}`,
      name: `Client ${i} SARL`,
      kind: "b2b",
      siren,
      keys: [key],
      ...(i % 2 === 0 ? { creditLimit: "5000.00" } : {}),
      ...(i % 4 === 0 ? { insurance: { insurer: "Allianz Trade", limit: "800.00", grantedOn: "2026-01-02" } } : {}),
      factoring: { status: i % 10 === 0 ? "assigned" : "none" },
      riskClass: PROFILE.riskClass,
      profile: { ...PROFILE, exposure: `${(i % 9973) + (open ? 1200 : 0)}.00` },
      createdAt: at,
      updatedAt: at,
    });
  }
  await done();
}

export default async function bench(): Promise<void> {
  await withWorkbookStack(
    "demo-customer-dashboard-bench",
    seed,
    async ({ emulator, sheetsServer, spreadsheetId, childEnv: env, seededSeconds }) => {
      console.log(
        `seeded ${CUSTOMERS} customers and ${CUSTOMERS} invoices in ${seededSeconds} s (batches of 400, 8 in flight)`,
      );
      const runs: Measure[] = [];
      for (let r = 0; r < RUNS; r++) {
        sheetsServer.resetCalls();
        runs.push(
          await runMeasuredChild<Measure>(
            join(__dirname, "customer-dashboard.child.ts"),
            [emulator.projectId, COMPANY, spreadsheetId, AS_OF],
            env,
          ),
        );
        if (r === 0) console.log(`  Sheets API calls of a run: ${JSON.stringify(sheetsServer.calls())}`);
      }
      const last = runs[runs.length - 1];
      const peakRss = Math.max(...runs.map((m) => m.peakRss));
      console.log(
        `customer dashboard: ${last.customers} customers, ${last.rows} rows in « Tableau clients », ${last.documentsRead} documents read; ` +
          `median of ${RUNS} runs ${(
            percentile(
              runs.map((m) => m.ms),
              50,
            ) / 1000
          ).toFixed(1)} s ` +
          `(${runs.map((m) => (m.ms / 1000).toFixed(1)).join(" / ")} s; of which writing the two sheets ` +
          `${runs.map((m) => (m.sheetMs / 1000).toFixed(1)).join(" / ")} s)`,
      );
      console.log(
        `  peak RSS ${mib(peakRss)} (goal ≤ 256 MiB, heap limited to ${FUNCTION_HEAP_MB} MiB as deployed; ${mib(last.startRss)} before the run) ` +
          `${peakRss <= 256 * 1024 * 1024 ? "OK" : "MISSED"}, peak heap ${mib(Math.max(...runs.map((m) => m.peakHeap)))}; ` +
          `dashboard document ${(last.storedBytes / 1024).toFixed(1)} KiB`,
      );
      console.log(`  receivables ${JSON.stringify(last.receivables)}, largest exposure ${last.top}`);
    },
  );
}
