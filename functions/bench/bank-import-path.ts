/**
 * The import path of bank matching on the real emulator: one statement of
 * STATEMENT_MAX_NEW_ENTRIES entries (the most one import records) imported
 * by `importStatement` in one Firestore transaction against `invoices` open
 * invoices, counting the documents the transaction reads. The open invoices
 * (and the known payers) are read once per import, by one query; the rest
 * is what each entry reads: its bankEntries document, the invoices it pays,
 * the series counters. `BENCH_BANK_IMPORT_INVOICES` changes the size.
 */
import { Firestore, Timestamp, type Transaction } from "@google-cloud/firestore";
import { performance } from "node:perf_hooks";
import { parseCamt053 } from "../src/bank/camt053";
import type { CompanyDoc } from "../src/model/company";
import { COMPANIES, INVOICES } from "../src/model/collections";
import { customerKey } from "../src/model/amounts";
import { UnitOfWork } from "../src/storage/unit-of-work";
import { importStatement, STATEMENT_MAX_NEW_ENTRIES } from "../src/workflow/import-statement";
import { camtStatement, type FakeEntry } from "../testing/bank/camt-statement";
import { startFirestoreEmulator } from "../testing/firestore-emulator";
import { DEFAULT_SETTINGS } from "../testing/local-api";
import { batchedWrites } from "./batched-writes";

const COMPANY_ID = "bench";
const IBAN = "FR7630006000011234567890189";
const ACTOR = "alice@bench.test";

export interface ImportPathMeasure {
  invoices: number;
  entries: number;
  ms: number;
  reads: { total: number; openQuery: number; perEntry: number };
  byStatus: Record<string, number>;
}

const customer = (i: number) => ({
  name: `Client ${i % 5000} SARL`,
  kind: "b2b" as const,
  email: `c${i % 5000}@x.test`,
});
const number = (i: number) => `EXT-${String(i).padStart(7, "0")}`;
const gross = (i: number) => `${100 + (i % 9000)}.${String(i % 100).padStart(2, "0")}`;

/** Open invoices as another tool's imports leave them: the fields the import and the payment read. */
async function seed(db: Firestore, invoices: number): Promise<void> {
  const company: Partial<CompanyDoc> = { settings: { ...DEFAULT_SETTINGS, bankIban: IBAN } } as never;
  await db
    .collection(COMPANIES)
    .doc(COMPANY_ID)
    .set({ ...company, createdAt: Timestamp.now() });
  const writes = batchedWrites(db);
  for (let i = 0; i < invoices; i++) {
    const c = customer(i);
    await writes.put(`${COMPANIES}/${COMPANY_ID}/${INVOICES}/inv${i}`, {
      type: "final",
      origin: "external",
      number: number(i),
      gross: gross(i),
      issuedOn: "2026-01-10",
      dueDate: "2026-02-09",
      customerKey: customerKey(c),
      openAmount: gross(i),
      paidOn: null,
      content: { type: "final", number: number(i), date: "2026-01-10", customer: c, origin: "external" },
    });
  }
  await writes.done();
}

/** Half the entries cite an invoice, a quarter pay one by amount and name, a quarter are unknown. */
function statement(invoices: number): string {
  const entries: FakeEntry[] = [];
  for (let k = 0; k < STATEMENT_MAX_NEW_ENTRIES; k++) {
    const i = (k * 7919) % invoices;
    const kind = k % 4;
    entries.push({
      ref: `BENCH-${k}`,
      direction: "credit",
      bookingDate: "2026-03-02",
      amount: kind === 3 ? "1.23" : gross(i),
      ...(kind < 2 ? { remittance: [`Facture ${number(i)}`] } : {}),
      ...(kind === 2 ? { counterpartyName: customer(i).name } : {}),
    });
  }
  return camtStatement({ id: "REL-BENCH", iban: IBAN, entries });
}

/** Counts the documents a transaction's reads return. */
function counting(tx: Transaction, count: { docs: number; queries: number[] }): Transaction {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === "getAll")
        return async (...refs: Parameters<Transaction["getAll"]>) => {
          count.docs += refs.length;
          return target.getAll(...refs);
        };
      if (prop === "get")
        return async (q: Parameters<Transaction["get"]>[0]) => {
          const snap = (await target.get(q as never)) as unknown as { size?: number };
          const n = snap.size ?? 1;
          count.docs += n;
          count.queries.push(n);
          return snap;
        };
      return Reflect.get(target, prop, receiver);
    },
  });
}

export async function measureImportPath(invoices: number): Promise<ImportPathMeasure> {
  const emulator = await startFirestoreEmulator({ projectId: "demo-bench-bank" });
  const db = new Firestore({ projectId: emulator.projectId, host: emulator.host, ssl: false });
  try {
    await seed(db, invoices);
    const read = parseCamt053(statement(invoices));
    const company = (await db.collection(COMPANIES).doc(COMPANY_ID).get()).data() as CompanyDoc;
    const access = { companyId: COMPANY_ID, email: ACTOR, roles: ["accounting_approver" as const], company };
    const count = { docs: 0, queries: [] as number[] };
    const started = performance.now();
    const result = await db.runTransaction(async (tx) => {
      count.docs = 0;
      count.queries = [];
      const uow = new UnitOfWork(
        db,
        counting(tx, count),
        COMPANY_ID,
        ACTOR,
        new Date("2026-03-03T09:00:00Z"),
        "2026-03-03",
      );
      const imported = await importStatement(uow, access, read);
      uow.flush();
      return imported;
    });
    const ms = performance.now() - started;
    const byStatus: Record<string, number> = {};
    for (const c of result.created) byStatus[c.doc.status] = (byStatus[c.doc.status] ?? 0) + 1;
    // The open-invoice query is the largest query of the import; the payers' is the other.
    const openQuery = Math.max(0, ...count.queries);
    const entries = result.created.length;
    return {
      invoices,
      entries,
      ms,
      reads: { total: count.docs, openQuery, perEntry: (count.docs - openQuery) / entries },
      byStatus,
    };
  } finally {
    await db.terminate();
    await emulator.stop();
  }
}
