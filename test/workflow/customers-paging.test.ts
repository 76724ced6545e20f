/**
 * The customer sync and the profile history at a company's scale, on the
 * emulator (docs/customers.md): the sync reads its sources a page at a time
 * and writes the records a bounded number per transaction (page sizes
 * injected small here), a run stopped midway and run again creates each
 * record once, a deposit recorded between two pages keeps its record, a
 * retried request answers the same; the history is read one page at a time,
 * the latest first.
 */
import { Timestamp } from "@google-cloud/firestore";
import { CUSTOMER_KEYS, CUSTOMER_PROFILES, CUSTOMERS, EVENTS } from "../../functions/src/model/collections";
import { customerIdOf, type CustomerDoc, type CustomerProfileDoc } from "../../functions/src/model/customer";
import type { CommittedChange } from "../../functions/src/storage/unit-of-work";
import { syncCustomers, type CustomerSyncOptions } from "../../functions/src/workflow/sync-customers";
import { snapshotAll } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER } from "./fixtures";
import { workflowSuite } from "./suite";

const suite = workflowSuite("wfcustpages");
const fs = suite.fs;
const base = `/v1/companies/${C}`;
const company = () => fs.db.collection("companies").doc(C);

const records = async () => (await company().collection(CUSTOMERS).get()).docs.map((d) => d.data() as CustomerDoc);
const createdEvents = async () =>
  (await company().collection(EVENTS).where("type", "==", "customer.created").get()).docs.map((d) => d.data());

const consumer = (i: number) => ({ name: `Client ${i}`, kind: "b2c", email: `client${i}@example.fr` });
const deposit = (customer: object, orderRef: string) =>
  suite.api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: { ...DEPOSIT_BODY, customer, orderRef } });

const COUNT = 7;
const expectedIds = () => Array.from({ length: COUNT }, (_, i) => customerIdOf(`email:client${i}@example.fr`)).sort();

/** Deposits of COUNT customers, then their records and aliases deleted: as they stood before records existed. */
async function customersWithoutRecords() {
  for (let i = 0; i < COUNT; i++) expect((await deposit(consumer(i), `CMD-${i}`)).status).toBe(201);
  const batch = fs.db.batch();
  for (const name of [CUSTOMERS, CUSTOMER_KEYS, EVENTS])
    for (const d of (await company().collection(name).get()).docs) batch.delete(d.ref);
  await batch.commit();
}

const run = (options: CustomerSyncOptions) =>
  syncCustomers(
    fs.db,
    { companyId: C, actor: ACCOUNTING, now: new Date("2026-01-15T11:00:00Z"), today: "2026-01-15" },
    { readPage: 2, groupsPerTransaction: 3, ...options },
  );

/** Records created in a committed change (their paths under customers/, not their aliases). */
const recordsIn = (change: CommittedChange) =>
  change.paths.filter((p) => /\/customers\/CLI-[0-9a-f]{16}$/.test(p)).map((p) => p.split("/").at(-1)!);

describe("the sync by pages", () => {
  test("reads by pages, writes at most a page of records per transaction, and a second run writes nothing", async () => {
    await customersWithoutRecords();
    const pages: string[][] = [];
    const first = await run({ afterCommit: (change) => void pages.push(recordsIn(change)) });
    expect(first.customers).toBe(COUNT);
    expect([...first.created].sort()).toEqual(expectedIds());
    expect(first).toMatchObject({ linked: 0, possibleDuplicates: [] });
    // 7 groups, 3 per transaction: three commits of 3, 3 and 1 records, together every record once.
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat().sort()).toEqual(expectedIds());
    expect((await records()).map((r) => r.id).sort()).toEqual(expectedIds());
    expect(await createdEvents()).toHaveLength(COUNT);

    const before = await snapshotAll(fs.db);
    const again: CommittedChange[] = [];
    const second = await run({ afterCommit: (change) => void again.push(change) });
    expect(second).toEqual({ created: [], linked: 0, possibleDuplicates: [], customers: COUNT });
    expect(again).toEqual([]);
    expect(await snapshotAll(fs.db)).toEqual(before);
  });

  test("a run stopped after its first transaction, run again, creates each record once", async () => {
    await customersWithoutRecords();
    let commits = 0;
    await expect(
      run({
        afterCommit: () => {
          if (++commits === 1) throw new Error("process stopped");
        },
      }),
    ).rejects.toThrow("process stopped");
    const half = (await records()).map((r) => r.id);
    expect(half).toHaveLength(3);

    const rerun = await run({});
    expect(rerun.created).toHaveLength(COUNT - 3);
    expect(rerun.created.filter((id) => half.includes(id))).toEqual([]);
    expect((await records()).map((r) => r.id).sort()).toEqual(expectedIds());
    const events = await createdEvents();
    expect(events.map((e) => e.subject.id).sort()).toEqual(expectedIds());
    expect(events.every((e) => e.after.source === "sync")).toBe(true);
  });

  test("a deposit recording a customer between two pages keeps its record: the sync neither creates it again nor overwrites it", async () => {
    await customersWithoutRecords();
    let depositedId: string | null = null;
    const result = await run({
      afterCommit: async () => {
        if (depositedId) return;
        // A customer of a later page, recorded by a deposit with a new address before the sync reaches it.
        const done = new Set((await records()).map((r) => r.id));
        const i = Array.from({ length: COUNT }, (_, j) => j).find(
          (j) => !done.has(customerIdOf(`email:client${j}@example.fr`)),
        )!;
        expect(
          (await deposit({ ...consumer(i), address: "1 rue de la Paix, 75002 Paris" }, `CMD-NEW-${i}`)).status,
        ).toBe(201);
        depositedId = customerIdOf(`email:client${i}@example.fr`);
      },
    });
    expect(depositedId).not.toBeNull();
    expect(result.created).not.toContain(depositedId);
    expect(result.created).toHaveLength(COUNT - 1);
    const kept = (await records()).find((r) => r.id === depositedId)!;
    expect(kept.billingAddress).toBe("1 rue de la Paix, 75002 Paris");
    const events = await createdEvents();
    expect(events.filter((e) => e.subject.id === depositedId).map((e) => e.after.source)).toEqual(["deposit"]);
    expect(events).toHaveLength(COUNT);
  });

  test("POST …/customers/sync retried with its key answers the same, and changes nothing more", async () => {
    await customersWithoutRecords();
    const first = await suite.api.call("POST", `${base}/customers/sync`, { as: ACCOUNTING, key: "sync-1", body: {} });
    expect(first.status).toBe(200);
    expect([...first.body.created].sort()).toEqual(expectedIds());
    const before = await snapshotAll(fs.db);
    const retry = await suite.api.call("POST", `${base}/customers/sync`, { as: ACCOUNTING, key: "sync-1", body: {} });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await snapshotAll(fs.db)).toEqual(before);
  });

  test("a requester is refused before any page is written", async () => {
    await customersWithoutRecords();
    const answer = await suite.api.call("POST", `${base}/customers/sync`, { as: REQUESTER, body: {} });
    expect(answer.status).toBe(403);
    expect(await records()).toEqual([]);
  });
});

describe("GET …/customers/{id}/profiles by pages", () => {
  const DAYS = ["2026-01-05", "2026-02-10", "2026-03-15", "2026-04-20", "2026-05-25"];
  const CLASSES = ["B", "C", "D", "C", "B"] as const;

  /** A record and its history as the refresh leaves them, one profile per day its class changed. */
  async function withHistory(): Promise<string> {
    expect((await deposit(consumer(1), "CMD-1")).status).toBe(201);
    const id = customerIdOf("email:client1@example.fr");
    const history = company().collection(CUSTOMERS).doc(id).collection(CUSTOMER_PROFILES);
    for (const [i, asOf] of DAYS.entries()) {
      const doc = {
        profile: { asOf, riskClass: CLASSES[i], reasons: [`Classe ${CLASSES[i]} au ${asOf}`] },
        previousClass: i === 0 ? null : CLASSES[i - 1],
        recordedAt: Timestamp.fromDate(new Date(`${asOf}T02:00:00Z`)),
      } as unknown as CustomerProfileDoc;
      await history.doc(asOf).set(doc);
    }
    return id;
  }

  test("the latest first, two at a time, each page's `next` giving the following one", async () => {
    const id = await withHistory();
    const seen: [string, string, string | null][] = [];
    let before: string | null = null;
    for (let page = 0; page < 5; page++) {
      const query: string = `?limit=2${before ? `&before=${before}` : ""}`;
      const answer = await suite.api.call("GET", `${base}/customers/${id}/profiles${query}`, { as: REQUESTER });
      expect(answer.status).toBe(200);
      expect(answer.body.profiles.length).toBeLessThanOrEqual(2);
      for (const p of answer.body.profiles) seen.push([p.asOf, p.riskClass, p.previousClass]);
      before = answer.body.next;
      if (before === null) break;
    }
    const latestFirst = [...DAYS].reverse();
    expect(seen.map(([day]) => day)).toEqual(latestFirst);
    expect(seen.map(([, riskClass]) => riskClass)).toEqual([...CLASSES].reverse());
    expect(seen[0][2]).toBe("C");
    expect(before).toBeNull();

    const whole = await suite.api.call("GET", `${base}/customers/${id}/profiles`, { as: REQUESTER });
    expect(whole.body.profiles.map((p: { asOf: string }) => p.asOf)).toEqual(latestFirst);
    expect(whole.body.next).toBeNull();
  });

  test("a bad page size or day is a French 400", async () => {
    const id = await withHistory();
    const tooMany = await suite.api.call("GET", `${base}/customers/${id}/profiles?limit=0`, { as: REQUESTER });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toMatch(/doit être un nombre entier de 1 à 500/);
    const badDay = await suite.api.call("GET", `${base}/customers/${id}/profiles?before=hier`, { as: REQUESTER });
    expect(badDay.status).toBe(400);
    expect(JSON.stringify(badDay.body)).toMatch(/doit être une date AAAA-MM-JJ/);
  });
});
