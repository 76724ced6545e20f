/**
 * UnitOfWork.seeOwnWrites (storage/unit-of-work.ts), on the emulator: after
 * it, a command's reads see what it already queued — what lets one statement
 * import pay two instalments of one request, or settle one invoice with two
 * transfers. Reads that cannot be answered faithfully throw.
 */
import { FieldValue } from "@google-cloud/firestore";
import { UnitOfWork } from "../../functions/src/storage/unit-of-work";
import { testFirestore } from "../support/firestore";

const fs = testFirestore("uowown");
afterAll(() => fs.close());
beforeEach(async () => {
  await fs.clear();
  await fs.db.doc("companies/c/things/a").set({ n: 1, tag: "x" });
  await fs.db.doc("companies/c/things/a/parts/1").set({ paid: false });
});

/** Runs `body` in a transaction with a fresh unit of work, committing what it queued. */
const inUnit = <T>(body: (uow: UnitOfWork) => Promise<T>, ownWrites = true) =>
  fs.db.runTransaction(async (tx) => {
    const uow = new UnitOfWork(fs.db, tx, "c", "me@x.fr", new Date("2026-03-01T10:00:00Z"), "2026-03-01");
    if (ownWrites) uow.seeOwnWrites();
    const out = await body(uow);
    uow.flush();
    return out;
  });

test("a document updated or created earlier in the unit is read as the write leaves it; whole-collection queries include what was created", async () => {
  const seen = await inUnit(async (uow) => {
    const a = uow.collection("things").doc("a");
    const first = await uow.get<{ n: number }>(a);
    uow.update(a, { n: first!.n + 1 });
    const second = await uow.get<{ n: number; tag: string }>(a);
    uow.update(a, { n: second!.n + 1 });
    uow.create(uow.collection("things").doc("b"), { n: 10 });
    uow.update(a.collection("parts").doc("1"), { paid: true });
    uow.create(a.collection("parts").doc("2"), { paid: false });
    const parts = await uow.query<{ paid: boolean }>(a.collection("parts"));
    return { second, third: await uow.get(a), b: await uow.get(uow.collection("things").doc("b")), parts };
  });
  expect(seen.second).toEqual({ n: 2, tag: "x" });
  expect(seen.third).toEqual({ n: 3, tag: "x" });
  expect(seen.b).toEqual({ n: 10 });
  expect(seen.parts.map((p) => [p.id, p.data.paid]).sort()).toEqual([
    ["1", true],
    ["2", false],
  ]);
  expect((await fs.db.doc("companies/c/things/a").get()).data()).toEqual({ n: 3, tag: "x" });
});

test("without seeOwnWrites, reads are what is stored (the default every other command keeps)", async () => {
  const second = await inUnit(async (uow) => {
    const a = uow.collection("things").doc("a");
    uow.update(a, { n: 5 });
    return uow.get<{ n: number }>(a);
  }, false);
  expect(second).toEqual({ n: 1, tag: "x" });
});

test("reads the unit cannot answer faithfully throw instead of answering stale data", async () => {
  await expect(
    inUnit(async (uow) => {
      const a = uow.collection("things").doc("a");
      uow.update(a, { n: FieldValue.increment(1) });
      return uow.get(a);
    }),
  ).rejects.toThrow(/cannot merge/);
  await expect(
    inUnit(async (uow) => {
      uow.create(uow.collection("things").doc("b"), { n: 10 });
      return uow.query(uow.collection("things").where("n", ">", 5));
    }),
  ).rejects.toThrow(/filtered query on things/);
  // Nothing was committed by the failed units.
  expect((await fs.db.doc("companies/c/things/a").get()).data()).toEqual({ n: 1, tag: "x" });
  expect((await fs.db.doc("companies/c/things/b").get()).exists).toBe(false);
});
