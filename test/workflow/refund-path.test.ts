import { TestApi, snapshotAll } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, SALES, refundBody } from "./fixtures";
import { money } from "../../functions/src/domain";

const suite = workflowSuite("wfpath", { approvalThreshold: "4000.00" });
const fs = suite.fs;
let api: TestApi;
const base = `/v1/companies/${C}`;
beforeEach(() => (api = suite.api));

function sum(values: string[]): string {
  return values.reduce((a, v) => a.plus(money(v)), money(0)).toFixed(2);
}

async function journal() {
  const snap = await fs.db.collection(`companies/${C}/journalEntries`).orderBy("seq").get();
  return snap.docs.map((d) => d.data());
}

test("deposit → quote → request → two approvals → credit note → instalments paid → refunded", async () => {
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  expect(dep.status).toBe(201);
  expect(dep.body).toMatchObject({
    number: "FA-2026-000001",
    date: "2026-01-15",
    refundableBalance: "4320.00",
    total: { net: "3600.00", vat: "720.00", gross: "4320.00" },
  });
  const depositId = dep.body.id;

  let entries = await journal();
  expect(entries).toHaveLength(1);
  expect(entries[0].content.lines).toEqual([
    expect.objectContaining({ account: "512", debit: "4320.00", credit: "0.00" }),
    expect.objectContaining({ account: "4191", debit: "0.00", credit: "3600.00" }),
    expect.objectContaining({ account: "44571", debit: "0.00", credit: "720.00" }),
  ]);

  api.setToday("2026-03-10");
  const quote = await api.call("POST", `${base}/refunds/quote`, { as: REQUESTER, body: refundBody(depositId) });
  expect(quote.status).toBe(200);
  expect(quote.body.creditNote.cites.reference).toBe("FA-2026-000001 du 15/01/2026");
  expect(quote.body.schedule).toEqual([
    { n: 1, dueDate: "2026-03-31", amount: "2160.00" },
    { n: 2, dueDate: "2026-04-30", amount: "2160.00" },
  ]);
  expect((await fs.db.collection(`companies/${C}/refunds`).get()).size).toBe(0);

  const req = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(depositId) });
  expect(req.status).toBe(201);
  expect(req.body).toMatchObject({ status: "submitted", awaiting: ["sales_approver", "accounting_approver"] });
  const refundId = req.body.id;
  expect((await fs.db.doc(`companies/${C}/deposits/${depositId}`).get()).get("refundableBalance")).toBe("0.00");

  const pendingForAccounting = await api.call("GET", `${base}/approvals/pending`, { as: ACCOUNTING });
  expect(pendingForAccounting.body.map((p: { id: string }) => p.id)).toEqual([refundId]);

  const first = await api.call("POST", `${base}/refunds/${refundId}/approve`, { as: ACCOUNTING });
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ status: "accounting_approved", awaiting: ["sales_approver"], creditNote: null });
  expect((await fs.db.collection(`companies/${C}/creditNotes`).get()).size).toBe(0);

  const second = await api.call("POST", `${base}/refunds/${refundId}/approve`, { as: SALES });
  expect(second.status).toBe(200);
  expect(second.body).toMatchObject({
    status: "approved",
    creditNote: { number: "AV-2026-000001", date: "2026-03-10" },
  });

  const notes = await fs.db.collection(`companies/${C}/creditNotes`).get();
  expect(notes.size).toBe(1);
  expect(notes.docs[0].get("content")).toMatchObject({
    typeCode: "503",
    number: "AV-2026-000001",
    cites: { number: "FA-2026-000001", date: "2026-01-15" },
    lines: [{ vatRate: "20", net: "3600.00", vat: "720.00", gross: "4320.00" }],
    total: { net: "3600.00", vat: "720.00", gross: "4320.00" },
    customer: { siren: "732829320" },
  });
  const instalments = await fs.db.collection(`companies/${C}/refunds/${refundId}/instalments`).orderBy("number").get();
  expect(instalments.docs.map((d) => [d.get("amount"), d.get("dueDate"), d.get("status")])).toEqual([
    ["2160.00", "2026-03-31", "due"],
    ["2160.00", "2026-04-30", "due"],
  ]);

  entries = await journal();
  expect(entries[1].content).toMatchObject({ pieceRef: "AV-2026-000001", number: "EC-2026-000002" });
  expect(
    entries[1].content.lines.map((l: { account: string; debit: string; credit: string }) => [
      l.account,
      l.debit,
      l.credit,
    ]),
  ).toEqual([
    ["4191", "3600.00", "0.00"],
    ["44571", "720.00", "0.00"],
    ["411", "0.00", "4320.00"],
  ]);

  api.setToday("2026-03-31");
  // A payment dated before the approval (10/03/2026) is a typing error: refused, nothing recorded.
  const before = await snapshotAll(fs.db);
  const early = await api.call("POST", `${base}/refunds/${refundId}/instalments/1/pay`, {
    as: ACCOUNTING,
    body: { paidOn: "2026-03-09" },
  });
  expect([early.status, early.body.error.details]).toEqual([
    400,
    [
      {
        path: "paidOn",
        message: "Date de paiement : au plus tôt le 10/03/2026, jour de l'approbation (vous avez saisi le 09/03/2026).",
      },
    ],
  ]);
  expect(await snapshotAll(fs.db)).toEqual(before);
  const pay1 = await api.call("POST", `${base}/refunds/${refundId}/instalments/1/pay`, { as: ACCOUNTING });
  expect(pay1.status).toBe(200);
  expect(pay1.body.status).toBe("approved");
  api.setToday("2026-04-30");
  const pay2 = await api.call("POST", `${base}/refunds/${refundId}/instalments/2/pay`, { as: ACCOUNTING });
  expect(pay2.body.status).toBe("refunded");

  entries = await journal();
  expect(entries.map((e) => e.number)).toEqual([
    "EC-2026-000001",
    "EC-2026-000002",
    "EC-2026-000003",
    "EC-2026-000004",
  ]);
  for (const e of entries) {
    const lines = e.content.lines as { debit: string; credit: string }[];
    expect(sum(lines.map((l) => l.debit))).toBe(sum(lines.map((l) => l.credit)));
  }
  // Net effect on the accounts: 4191 and 44571 back to zero, bank 0 (cashed then paid back), customer 0.
  const byAccount = new Map<string, string>();
  for (const e of entries)
    for (const l of e.content.lines)
      byAccount.set(l.account, sum([byAccount.get(l.account) ?? "0", l.debit, `-${l.credit}`]));
  expect(Object.fromEntries(byAccount)).toEqual({ "512": "0.00", "4191": "0.00", "44571": "0.00", "411": "0.00" });

  const deposit = await api.call("GET", `${base}/deposits/${depositId}`, { as: REQUESTER });
  expect(deposit.body).toMatchObject({
    status: "refunded",
    refundableBalance: "0.00",
    refunds: [{ id: refundId, status: "refunded" }],
    creditNotes: [{ number: "AV-2026-000001" }],
  });

  const full = await api.call("GET", `${base}/refunds/${refundId}`, { as: REQUESTER });
  expect(full.body.history.map((h: { type: string; by: string }) => [h.type, h.by])).toEqual([
    ["refund.requested", REQUESTER],
    ["refund.approved_step", ACCOUNTING],
    ["refund.approved", SALES],
    ["instalment.paid", ACCOUNTING],
    ["instalment.paid", ACCOUNTING],
  ]);
  expect(full.body.history.map((h: { after: string }) => h.after)).toEqual([
    "submitted",
    "accounting_approved",
    "approved",
    "approved",
    "refunded",
  ]);
  expect(full.body.schedule.map((s: { status: string; paidAt: string }) => [s.status, s.paidAt])).toEqual([
    ["paid", "2026-03-31"],
    ["paid", "2026-04-30"],
  ]);

  const events = await fs.db.collection(`companies/${C}/events`).get();
  expect(events.docs.map((d) => d.get("type")).sort()).toEqual(
    [
      // The deposit's customer had no record: its first deposit creates it (docs/customers.md).
      "customer.created",
      "deposit.recorded",
      "refund.requested",
      "refund.approved_step",
      "refund.approved",
      "creditNote.issued",
      "instalment.paid",
      "instalment.paid",
    ].sort(),
  );
});

test("below the threshold one accounting approval issues the credit note; sales cannot approve it", async () => {
  const dep = await api.call("POST", `${base}/deposits`, {
    as: ACCOUNTING,
    body: { ...DEPOSIT_BODY, deposit: { amount: "1200.00" } },
  });
  api.setToday("2026-03-10");
  const req = await api.call("POST", `${base}/refunds`, {
    as: REQUESTER,
    body: refundBody(dep.body.id, { kind: "single", date: "2026-03-20" }),
  });
  expect(req.body.awaiting).toEqual(["accounting_approver"]);
  const bySales = await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: SALES });
  expect(bySales.status).toBe(403);
  const byAccounting = await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: ACCOUNTING });
  expect(byAccounting.body).toMatchObject({ status: "approved", creditNote: { number: "AV-2026-000001" } });
});

test("B2C arrhes forfeited by the customer: the credit note cancels the VAT, the amount becomes compensation income, nothing is paid out", async () => {
  const body = {
    ...DEPOSIT_BODY,
    customer: { name: "Claire Dupont", kind: "b2c" },
    kind: undefined,
    order: { lines: [{ vatRate: "20", net: "1000.00" }] },
  };
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body });
  expect(dep.body).toMatchObject({ kind: "arrhes", total: { gross: "360.00" } });
  api.setToday("2026-02-01");
  const req = await api.call("POST", `${base}/refunds`, {
    as: REQUESTER,
    body: { ...refundBody(dep.body.id, { kind: "single", date: "2026-02-01" }), reason: "customer_cancels" },
  });
  expect(req.body.quote).toMatchObject({
    total: "0.00",
    compensation: [{ kind: "arrhes_forfeited", amount: "360.00", direction: "kept" }],
  });
  const ok = await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: ACCOUNTING });
  expect(ok.body).toMatchObject({ status: "refunded", creditNote: { number: "AV-2026-000001" }, schedule: [] });
  const entries = await journal();
  expect(
    entries
      .slice(1)
      .map((e) =>
        e.content.lines.map(
          (l: { account: string; debit: string; credit: string }) => `${l.account} ${l.debit}/${l.credit}`,
        ),
      ),
  ).toEqual([
    ["4191 300.00/0.00", "44571 60.00/0.00", "411 0.00/360.00"],
    ["411 360.00/0.00", "7588 0.00/360.00"],
  ]);
  expect((await fs.db.collection(`companies/${C}/refunds/${req.body.id}/instalments`).get()).size).toBe(0);
});
