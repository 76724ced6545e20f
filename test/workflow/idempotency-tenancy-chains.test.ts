import { TestApi, seedCompany, snapshotAll } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, refundBody } from "./fixtures";
import { verifyChains } from "../../functions/src/integrity/chain-verifier";

const suite = workflowSuite("wfidem", { approvalThreshold: "100000.00" });
const fs = suite.fs;
let api: TestApi;
const base = `/v1/companies/${C}`;
beforeEach(() => (api = suite.api));

async function approvedRefund() {
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  api.setToday("2026-03-10");
  const req = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(dep.body.id) });
  const ok = await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: ACCOUNTING });
  expect(ok.status).toBe(200);
  return { depositId: dep.body.id as string, refundId: req.body.id as string };
}

describe("idempotency", () => {
  test("a replayed deposit returns the first answer and stores nothing new", async () => {
    const first = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY, key: "dep-1" });
    expect(first.status).toBe(201);
    const before = await snapshotAll(fs.db);
    const replay = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY, key: "dep-1" });
    expect(replay).toEqual(first);
    expect(await snapshotAll(fs.db)).toEqual(before);
  });

  test("a replayed final approval returns the same credit note", async () => {
    const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
    const req = await api.call("POST", `${base}/refunds`, {
      as: REQUESTER,
      body: refundBody(dep.body.id, { kind: "single", date: "2026-01-20" }),
    });
    const first = await api.call("POST", `${base}/refunds/${req.body.id}/approve`, {
      as: ACCOUNTING,
      key: "approve-1",
    });
    const before = await snapshotAll(fs.db);
    const replays = await Promise.all(
      [1, 2, 3].map(() =>
        api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: ACCOUNTING, key: "approve-1" }),
      ),
    );
    for (const r of replays) expect(r).toEqual(first);
    expect(await snapshotAll(fs.db)).toEqual(before);
  });

  test("the same key for another call is refused (409) and changes nothing", async () => {
    await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY, key: "k" });
    const before = await snapshotAll(fs.db);
    const other = await api.call("POST", `${base}/deposits`, {
      as: ACCOUNTING,
      body: { ...DEPOSIT_BODY, orderRef: "CMD-OTHER" },
      key: "k",
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await snapshotAll(fs.db)).toEqual(before);
  });
});

describe("companies are isolated", () => {
  test("a user with every role in A gets 403/404 on B's documents and nothing of B changes", async () => {
    const B = "globex";
    const boss = "boss@acme.fr";
    await fs.db
      .doc(`companies/${C}/users/${boss}`)
      .set({ email: boss, roles: ["requester", "sales_approver", "accounting_approver", "admin"] });
    await seedCompany(fs.db, B, {
      "bea@globex.fr": ["requester"],
      "bob@globex.fr": ["accounting_approver"],
      "ben@globex.fr": ["admin"],
    });
    const bDeposit = await api.call("POST", `/v1/companies/${B}/deposits`, { as: "bob@globex.fr", body: DEPOSIT_BODY });
    const bRefund = await api.call("POST", `/v1/companies/${B}/refunds`, {
      as: "bea@globex.fr",
      body: refundBody(bDeposit.body.id, { kind: "single", date: "2026-01-31" }),
    });
    expect(bRefund.status).toBe(201);

    const b = `/v1/companies/${B}`;
    const calls: [string, string, unknown?][] = [
      ["GET", `${b}/me`],
      ["GET", `${b}/deposits/${bDeposit.body.id}`],
      ["GET", `${b}/deposits?orderRef=${DEPOSIT_BODY.orderRef}`],
      ["POST", `${b}/deposits`, DEPOSIT_BODY],
      ["POST", `${b}/refunds/quote`, refundBody(bDeposit.body.id)],
      ["POST", `${b}/refunds`, refundBody(bDeposit.body.id)],
      ["POST", `${b}/refunds/${bRefund.body.id}/approve`],
      ["POST", `${b}/refunds/${bRefund.body.id}/reject`, { reason: "non" }],
      ["POST", `${b}/refunds/${bRefund.body.id}/cancel`],
      ["POST", `${b}/refunds/${bRefund.body.id}/instalments/1/pay`],
      ["GET", `${b}/refunds/${bRefund.body.id}`],
      ["GET", `${b}/approvals/pending`],
      ["PUT", `${b}/users/${boss}`, { roles: ["admin"] }],
      ["GET", `${b}/audit/verify`],
      // A's routes with B's ids: not found in A.
      ["GET", `${base}/deposits/${bDeposit.body.id}`],
      ["POST", `${base}/refunds/${bRefund.body.id}/approve`],
      ["POST", `${base}/refunds/quote`, refundBody(bDeposit.body.id)],
    ];
    const before = await snapshotAll(fs.db);
    for (const [method, path, body] of calls) {
      const answer = await api.call(method, path, { as: boss, body });
      expect([path, [403, 404].includes(answer.status)]).toEqual([path, true]);
    }
    expect(await snapshotAll(fs.db)).toEqual(before);
  });
});

describe("inalterability", () => {
  test("verification passes on untouched chains and names a tampered credit note", async () => {
    await approvedRefund();
    const ok = await api.call("GET", `${base}/audit/verify`, { as: ADMIN });
    expect(ok.body).toMatchObject({ ok: true, firstBroken: null });
    expect(ok.body.chains.map((c: { series: string; count: number }) => [c.series, c.count])).toEqual([
      ["creditNote-2026", 1],
      ["invoice-2026", 1],
      ["journal-2026", 2],
      ["deposits", 1],
    ]);

    const note = (await fs.db.collection(`companies/${C}/creditNotes`).get()).docs[0];
    await note.ref.update({ "content.total.gross": "432.00" });
    const broken = await api.call("GET", `${base}/audit/verify`, { as: ADMIN });
    expect(broken.body.ok).toBe(false);
    expect(broken.body.firstBroken).toMatchObject({
      series: "creditNote-2026",
      id: note.id,
      number: "AV-2026-000001",
      path: note.ref.path,
    });
    expect(broken.body.firstBroken.problem).toMatch(/modifié/);
  });

  test("a deleted journal entry is reported", async () => {
    await approvedRefund();
    const last = (await fs.db.collection(`companies/${C}/journalEntries`).orderBy("seq").get()).docs[1];
    await last.ref.delete();
    const report = await verifyChains(fs.db, C);
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.series).toBe("journal-2026");
  });
});
