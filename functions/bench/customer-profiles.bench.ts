/**
 * The customer profile refresh at scale, on the real emulator (issue #16):
 * 100,000 customer records; 1,000 invoices and then 1,000 payments recorded
 * through the real api among them. Each payment marks its customer's record
 * stale in its own transaction; the refresh then reads only the stale
 * records. Goal: customer documents read ≤ 1.1 × the customers concerned.
 * Seeding stops at the size reached after SEED_BUDGET_MS (printed) when the
 * machine is too slow for 100,000.
 */
import { Firestore, Timestamp } from "@google-cloud/firestore";
import { startFirestoreEmulator } from "../testing/firestore-emulator";
import { seedCompany, startTestApi, type TestApi } from "../testing/local-api";
import { CUSTOMER_KEYS, CUSTOMERS } from "../src/model/collections";
import { customerIdOf, customerKeyDocId, type CustomerDoc } from "../src/model/customer";
import { refreshProfiles } from "../src/workflow/refresh-profiles";
import { batchedWrites } from "./batched-writes";

const CUSTOMER_COUNT = 100_000;
const PAYMENTS = 1_000;
/** Every 10th payment goes to a customer already paid: 1,000 payments, 900 customers concerned. */
const REPEAT_EVERY = 10;
const SEED_BUDGET_MS = 3 * 60_000;
const COMPANY = "bench";
const ACCOUNTANT = "compta@bench.test";
const TODAY = "2026-06-30";
const CONCURRENCY = 8;

const keyOf = (i: number) => `email:client${i}@bench.test`;
const customerOf = (i: number) => ({ name: `Client ${i}`, kind: "b2c", email: `client${i}@bench.test` });

/** Customer records and their aliases; answers how many were written (fewer when the budget ran out). */
async function seedCustomers(db: Firestore): Promise<number> {
  const writes = batchedWrites(db);
  const c = `companies/${COMPANY}`;
  const at = Timestamp.fromDate(new Date(`${TODAY}T00:00:00Z`));
  const started = Date.now();
  let i = 0;
  for (; i < CUSTOMER_COUNT; i++) {
    if (i % 10_000 === 0 && Date.now() - started > SEED_BUDGET_MS) break;
    const key = keyOf(i);
    const id = customerIdOf(key);
    const record: CustomerDoc = {
      id,
      name: `Client ${i}`,
      kind: "b2c",
      email: `client${i}@bench.test`,
      keys: [key],
      profileStale: false,
      createdAt: at,
      updatedAt: at,
    };
    await writes.put(`${c}/${CUSTOMERS}/${id}`, record);
    await writes.put(`${c}/${CUSTOMER_KEYS}/${customerKeyDocId(key)}`, { customerKey: key, customerId: id });
  }
  await writes.done();
  return i;
}

/** Runs `work` on 0..n-1, `CONCURRENCY` at a time. */
async function pool(n: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) await work(next++);
    }),
  );
}

async function call(api: TestApi, path: string, body: object): Promise<{ id: string }> {
  const answer = await api.call("POST", `/v1/companies/${COMPANY}${path}`, { as: ACCOUNTANT, body });
  if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { id: string };
}

export default async function bench(): Promise<void> {
  const emulator = await startFirestoreEmulator({ projectId: "demo-profiles-bench" });
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
  const db = new Firestore({ projectId: emulator.projectId });
  await seedCompany(db, COMPANY, { [ACCOUNTANT]: ["accounting_approver"], "ventes@bench.test": ["sales_approver"] });
  const api = await startTestApi(db);
  api.setToday(TODAY);
  try {
    let started = Date.now();
    const customers = await seedCustomers(db);
    console.log(
      `seeded ${customers} customer records (+ their aliases) in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        (customers < CUSTOMER_COUNT
          ? ` — stopped at the ${SEED_BUDGET_MS / 60000}-minute budget, figures at this size`
          : ""),
    );

    // The customers concerned, spread over the whole range; each 10th payment repeats the previous customer.
    const distinct = PAYMENTS - PAYMENTS / REPEAT_EVERY;
    const step = Math.floor(customers / distinct);
    const payer = (p: number) => {
      const n = p - Math.floor((p + 1) / REPEAT_EVERY);
      return n * step;
    };
    const invoices: string[] = [];
    started = Date.now();
    await pool(PAYMENTS, async (p) => {
      const i = payer(p);
      const { id } = await call(api, "/invoices/external", {
        number: `EXT-${p}`,
        date: "2026-04-01",
        dueDate: "2026-05-01",
        customer: customerOf(i),
        total: { net: "1000.00", vat: "200.00" },
      });
      invoices[p] = id;
    });
    console.log(
      `${PAYMENTS} external invoices recorded through the api in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const first = await refreshProfiles(db, COMPANY, new Date(`${TODAY}T12:00:00Z`));
    console.log(
      `refresh after the invoices: ${first.refreshed} profiles, ${first.customersRead} customer documents read`,
    );

    started = Date.now();
    await pool(PAYMENTS, async (p) => {
      // Paid 20 days late, or on time, so profiles and signals vary.
      await call(api, "/payments", {
        customer: customerOf(payer(p)),
        date: p % 3 === 0 ? "2026-05-21" : "2026-05-01",
        amount: "1200.00",
        means: "virement",
        invoiceIds: [invoices[p]],
      });
    });
    console.log(`${PAYMENTS} payments recorded through the api in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const concerned = new Set(Array.from({ length: PAYMENTS }, (_, p) => payer(p))).size;

    started = Date.now();
    const result = await refreshProfiles(db, COMPANY, new Date(`${TODAY}T18:00:00Z`));
    const ms = Date.now() - started;
    const ratio = result.customersRead / concerned;
    console.log(
      `profile refresh: ${result.refreshed} profiles of ${concerned} customers concerned among ${customers}, ` +
        `${(ms / 1000).toFixed(1)} s, ${result.signalsQueued} weak signals queued, ${result.failed.length} failed; ` +
        `customer documents read ${result.customersRead} = ${ratio.toFixed(3)} × concerned (goal ≤ 1.1) ${ratio <= 1.1 ? "OK" : "MISSED"}`,
    );
    const again = await refreshProfiles(db, COMPANY, new Date(`${TODAY}T19:00:00Z`));
    console.log(
      `refresh rerun: ${again.refreshed} profiles, ${again.customersRead} customer documents read (0 expected)`,
    );
  } finally {
    await api.close();
    await db.terminate();
    await emulator.stop();
  }
}
