import { watchTransactions } from "../../functions/testing/transaction-watch";
import { TestApi } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, refundBody } from "./fixtures";

const suite = workflowSuite("wfconc", { approvalThreshold: "100000.00" });
const fs = suite.fs;
const transactions = watchTransactions(fs.db);
let api: TestApi;
const base = `/v1/companies/${C}`;
beforeEach(() => (api = suite.api));

async function submittedRequests(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const dep = await api.call("POST", `${base}/deposits`, {
      as: ACCOUNTING,
      body: { ...DEPOSIT_BODY, orderRef: `CMD-${i}` },
    });
    expect(dep.status).toBe(201);
    api.setToday("2026-03-10");
    const req = await api.call("POST", `${base}/refunds`, {
      as: REQUESTER,
      body: refundBody(dep.body.id, { kind: "single", date: "2026-03-20" }),
    });
    expect(req.status).toBe(201);
    ids.push(req.body.id);
    api.setToday("2026-01-15");
  }
  api.setToday("2026-03-10");
  return ids;
}

test("20 concurrent approvals of 20 requests: credit notes n+1 … n+20, one journal series without gaps, no transaction retried", async () => {
  // n = 1: one credit note already issued before the burst.
  const [firstId, ...ids] = await submittedRequests(21);
  expect(
    (await api.call("POST", `${base}/refunds/${firstId}/approve`, { as: ACCOUNTING })).body.creditNote.number,
  ).toBe("AV-2026-000001");

  const attemptsBefore = transactions.attempts;
  const answers = await Promise.all(
    ids.map((id) => api.call("POST", `${base}/refunds/${id}/approve`, { as: ACCOUNTING })),
  );
  expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
  // One api instance queues a company's commands (docs/contention.md): each commits at its first attempt.
  expect(transactions.attempts - attemptsBefore).toBe(20);
  const numbers = answers.map((a) => a.body.creditNote.number as string).sort();
  expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `AV-2026-${String(i + 2).padStart(6, "0")}`));

  const notes = await fs.db.collection(`companies/${C}/creditNotes`).orderBy("seq").get();
  expect(notes.docs.map((d) => d.get("seq"))).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  const entries = await fs.db.collection(`companies/${C}/journalEntries`).orderBy("seq").get();
  expect(entries.docs.map((d) => d.get("seq"))).toEqual(Array.from({ length: 42 }, (_, i) => i + 1));
  const verify = await api.call("GET", `${base}/audit/verify`, { as: "adam@acme.fr" });
  expect(verify.body.ok).toBe(true);
}, 180_000);

test("10 concurrent approvals of one request: one credit note, the others refused with 409", async () => {
  const [id] = await submittedRequests(1);
  const approvers = Array.from({ length: 10 }, (_, i) => `acc${i}@acme.fr`);
  for (const email of approvers)
    await fs.db.doc(`companies/${C}/users/${email}`).set({ email, roles: ["accounting_approver"] });

  const answers = await Promise.all(
    approvers.map((email) => api.call("POST", `${base}/refunds/${id}/approve`, { as: email })),
  );
  expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
  const refused = answers.filter((a) => a.status !== 200);
  expect(refused.map((a) => a.status)).toEqual(Array(9).fill(409));
  for (const r of refused) expect(r.body.error.message).toMatch(/déjà approuvée/);
  expect((await fs.db.collection(`companies/${C}/creditNotes`).get()).size).toBe(1);
  expect((await fs.db.collection(`companies/${C}/refunds/${id}/instalments`).get()).size).toBe(1);
}, 120_000);

test("10 concurrent deposits: invoice numbers 1…10 without gaps, journal entries likewise, chains intact", async () => {
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: { ...DEPOSIT_BODY, orderRef: `PAR-${i}` } }),
    ),
  );
  expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
  expect(answers.map((a) => a.body.number as string).sort()).toEqual(
    Array.from({ length: 10 }, (_, i) => `FA-2026-${String(i + 1).padStart(6, "0")}`),
  );
  const entries = await fs.db.collection(`companies/${C}/journalEntries`).orderBy("seq").get();
  expect(entries.docs.map((d) => d.get("number"))).toEqual(
    Array.from({ length: 10 }, (_, i) => `EC-2026-${String(i + 1).padStart(6, "0")}`),
  );
  expect((await api.call("GET", `${base}/audit/verify`, { as: "adam@acme.fr" })).body.ok).toBe(true);
}, 120_000);

test("5 concurrent full refund requests on one deposit: one is accepted, the others find nothing left (422)", async () => {
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  const answers = await Promise.all(
    Array.from({ length: 5 }, () =>
      api.call("POST", `${base}/refunds`, {
        as: REQUESTER,
        body: refundBody(dep.body.id, { kind: "single", date: "2026-01-31" }),
      }),
    ),
  );
  expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422, 422]);
  expect((await fs.db.collection(`companies/${C}/refunds`).get()).size).toBe(1);
  expect((await fs.db.doc(`companies/${C}/deposits/${dep.body.id}`).get()).get("refundableBalance")).toBe("0.00");
}, 120_000);
