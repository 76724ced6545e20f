/**
 * The lease primitive on the emulator: one holder at a time, take-over once
 * it runs out, renewal and release only by the holder, all in transactions.
 */
import { Timestamp } from "@google-cloud/firestore";
import { Lease } from "../../functions/src/storage/lease";
import { testFirestore } from "../support/firestore";

const fs = testFirestore("lease");
afterAll(() => fs.close());
beforeEach(() => fs.clear());

const lease = new Lease({ owner: "holder", until: "holdUntil" }, 60_000);
const at = (iso: string) => new Date(iso);
const T0 = at("2026-03-10T10:00:00Z");
const ref = () => fs.db.collection("things").doc("one");
const acquire = (owner: string, now: Date, also = {}) =>
  fs.db.runTransaction((tx) => lease.acquire(tx, ref(), owner, now, also));

test("the first taker gets the lease, written under the document's own field names, with what it adds", async () => {
  expect(await acquire("a", T0, { state: "busy" })).toEqual({ taken: true, found: undefined });
  const stored = (await ref().get()).data();
  expect(stored).toEqual({ state: "busy", holder: "a", holdUntil: Timestamp.fromMillis(T0.getTime() + 60_000) });
});

test("another taker is refused while the lease runs, and takes over once it has run out", async () => {
  await acquire("a", T0);
  const refused = await acquire("b", at("2026-03-10T10:00:59Z"), { state: "b was here" });
  expect(refused.taken).toBe(false);
  expect((await ref().get()).data()).toMatchObject({ holder: "a" });
  expect((await ref().get()).get("state")).toBeUndefined();

  const takeOver = await acquire("b", at("2026-03-10T10:01:00Z"));
  expect(takeOver.taken).toBe(true);
  expect(takeOver.found).toMatchObject({ holder: "a" });
  expect((await ref().get()).get("holder")).toBe("b");
});

test("the holder may take its own lease again; fields made from what was found are merged in", async () => {
  await ref().set({ count: 1 });
  await acquire("a", T0);
  const again = await fs.db.runTransaction((tx) =>
    lease.acquire(tx, ref(), "a", at("2026-03-10T10:00:30Z"), (found) => ({ count: (found?.count as number) + 1 })),
  );
  expect(again.taken).toBe(true);
  expect((await ref().get()).data()).toMatchObject({ count: 2, holder: "a" });
  expect((await ref().get()).get("holdUntil").toDate()).toEqual(at("2026-03-10T10:01:30Z"));
});

test("of two takers racing at the same moment, exactly one gets the lease", async () => {
  const results = await Promise.all(["a", "b", "c"].map((owner) => acquire(owner, T0)));
  expect(results.filter((r) => r.taken)).toHaveLength(1);
  const winner = (await ref().get()).get("holder");
  expect(["a", "b", "c"]).toContain(winner);
});

test("only the holder renews, from the time it renews", async () => {
  await acquire("a", T0);
  const renew = (owner: string, now: Date) => fs.db.runTransaction((tx) => lease.renew(tx, ref(), owner, now));
  expect(await renew("b", at("2026-03-10T10:00:30Z"))).toBe(false);
  expect((await ref().get()).get("holdUntil").toDate()).toEqual(at("2026-03-10T10:01:00Z"));
  expect(await renew("a", at("2026-03-10T10:00:30Z"))).toBe(true);
  expect((await ref().get()).get("holdUntil").toDate()).toEqual(at("2026-03-10T10:01:30Z"));
  // Renewed, the lease still runs when the first term would have ended.
  expect((await acquire("b", at("2026-03-10T10:01:10Z"))).taken).toBe(false);
});

test("only the holder releases; a released lease is free at once", async () => {
  await acquire("a", T0);
  const release = (owner: string) =>
    fs.db.runTransaction((tx) => lease.release(tx, ref(), owner, { state: `released by ${owner}` }));
  expect(await release("b")).toBe(false);
  expect((await ref().get()).get("holder")).toBe("a");
  expect(await release("a")).toBe(true);
  expect((await ref().get()).data()).toEqual({ state: "released by a", holder: null, holdUntil: null });
  expect((await acquire("b", at("2026-03-10T10:00:01Z"))).taken).toBe(true);
  expect(await fs.db.runTransaction((tx) => lease.release(tx, fs.db.collection("things").doc("none"), "b"))).toBe(
    false,
  );
});

test("a run's attempt number can hold a lease: a later attempt makes the earlier one's holding moot", () => {
  const runs = new Lease({ owner: "attempt", until: "leaseExpiresAt" }, 1000);
  const doc = { attempt: 2, ...runs.grant(2, T0) };
  expect(runs.heldBy(doc, 2)).toBe(true);
  expect(runs.heldBy(doc, 1)).toBe(false);
  expect(runs.expired(doc, at("2026-03-10T10:00:00.999Z"))).toBe(false);
  expect(runs.expired(doc, at("2026-03-10T10:00:01Z"))).toBe(true);
  expect(runs.expired({}, T0)).toBe(true);
});
