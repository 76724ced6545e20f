/**
 * firestore.rules on the emulator: no client — anonymous, signed in, or
 * even signed in with the e-mail of an admin of the company — can read or
 * write any document; the functions (server credentials) are not affected.
 */
import { assertFails, initializeTestEnvironment, RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import {
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  setDoc,
  setLogLevel,
  updateDoc,
} from "firebase/firestore";
import { emulatorHost } from "../support/firestore";

let env: RulesTestEnvironment;
const projectId = `demo-rules-${randomBytes(4).toString("hex")}`;

const PATHS = [
  "companies/acme",
  "companies/acme/users/adam@acme.fr",
  "companies/acme/deposits/d1",
  "companies/acme/invoices/i1",
  "companies/acme/creditNotes/c1",
  "companies/acme/refunds/r1",
  "companies/acme/refunds/r1/instalments/1",
  "companies/acme/journalEntries/j1",
  "companies/acme/payments/p1",
  "companies/acme/customerCredits/k1",
  "companies/acme/events/e1",
  "companies/acme/sequences/creditNote-2026",
  "companies/acme/idempotency/x",
  "companies/acme/dashboards/2026-03-10",
  "outbox/o1",
  "jobRuns/reminders|x",
];

beforeAll(async () => {
  // Each refusal is logged as a warning by the SDK; the assertions are what matter.
  setLogLevel("silent");
  const [host, port] = emulatorHost().split(":");
  env = await initializeTestEnvironment({
    projectId,
    firestore: { rules: readFileSync(join(__dirname, "../../firestore.rules"), "utf8"), host, port: Number(port) },
  });
  // Documents written as the server would (rules bypassed), so reads have something to refuse.
  await env.withSecurityRulesDisabled(async (ctx) => {
    for (const path of PATHS)
      await setDoc(doc(ctx.firestore(), path), {
        seeded: true,
        roles: ["admin"],
        email: "adam@acme.fr",
        companyId: "acme",
      });
  });
});

afterAll(async () => {
  await env.clearFirestore();
  await env.cleanup();
});

const clients = () =>
  [
    ["anonymous", env.unauthenticatedContext().firestore()],
    [
      "signed-in stranger",
      env.authenticatedContext("stranger", { email: "eve@evil.fr", email_verified: true }).firestore(),
    ],
    [
      "signed-in admin of the company",
      env.authenticatedContext("adam", { email: "adam@acme.fr", email_verified: true }).firestore(),
    ],
  ] as const;

test.each(PATHS)("no client reads, creates, updates or deletes %s", async (path) => {
  for (const [, db] of clients()) {
    await assertFails(getDoc(doc(db, path)));
    await assertFails(setDoc(doc(db, path), { hacked: true }));
    await assertFails(updateDoc(doc(db, path), { hacked: true }));
    await assertFails(deleteDoc(doc(db, path)));
    await assertFails(setDoc(doc(db, `${path}-new`), { hacked: true }));
  }
});

test("no client lists a collection or queries a collection group", async () => {
  for (const [, db] of clients()) {
    await assertFails(getDocs(collection(db, "companies")));
    await assertFails(getDocs(collection(db, "companies/acme/refunds")));
    await assertFails(getDocs(collectionGroup(db, "instalments")));
  }
});

test("the seeded documents are untouched", async () => {
  await env.withSecurityRulesDisabled(async (ctx) => {
    for (const path of PATHS)
      expect((await getDoc(doc(ctx.firestore(), path))).data()).toEqual({
        seeded: true,
        roles: ["admin"],
        email: "adam@acme.fr",
        companyId: "acme",
      });
  });
});
