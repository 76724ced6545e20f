/**
 * Two requests cannot count on one invoice's balance: a request's proposed
 * offsets are taken off the invoice for the next request at request time,
 * so the second approval never fails on a stale settlement.
 */
import { TestApi, snapshotAll } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, SALES } from "./fixtures";
import { workflowSuite } from "./suite";

const suite = workflowSuite("wfoffsets");
const { fs } = suite;
const base = `/v1/companies/${C}`;
let api: TestApi;
beforeEach(() => (api = suite.api));

const deposit = async (orderRef: string, percent: string): Promise<string> => {
  const dep = await api.call("POST", `${base}/deposits`, {
    as: ACCOUNTING,
    body: { ...DEPOSIT_BODY, orderRef, deposit: { percent } },
  });
  expect(dep.status).toBe(201);
  return dep.body.id;
};
const refund = (depositId: string, settlement?: unknown) => ({
  depositId,
  scope: { kind: "full" },
  reason: "seller_cancels",
  schedule: { kind: "single", date: "2026-03-31" },
  ...(settlement ? { settlement } : {}),
});

test("a second request offsets only what the first left on the invoice, and both approvals go through", async () => {
  // Order A delivered: its final invoice FA-2026-000004 leaves 10 080,00 € open.
  await deposit(DEPOSIT_BODY.orderRef, "30");
  const depositB = await deposit("CMD-2026-018", "30"); // 4 320,00 €
  const depositC = await deposit("CMD-2026-019", "50"); // 7 200,00 €
  api.setToday("2026-02-20");
  const final = await api.call("POST", `${base}/invoices/final`, {
    as: ACCOUNTING,
    body: { orderRef: DEPOSIT_BODY.orderRef, supplyKind: "goods", lines: DEPOSIT_BODY.order.lines },
  });
  expect(final.body).toMatchObject({ number: "FA-2026-000004", openAmount: "10080.00" });
  api.setToday("2026-03-10");

  const first = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refund(depositB) });
  expect(first.status).toBe(201);
  expect(first.body.quote.settlement).toMatchObject({
    offset: [{ invoiceNumber: "FA-2026-000004", amount: "4320.00" }],
    paidOut: "0.00",
  });

  // What the customer's first request offsets is no longer there to offset.
  const chosen = { offsets: [{ invoiceNumber: "FA-2026-000004", amount: "7200.00" }] };
  const before = await snapshotAll(fs.db);
  const tooMuch = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refund(depositC, chosen) });
  expect(tooMuch.status).toBe(422);
  expect(tooMuch.body.error.code).toBe("OFFSET_ABOVE_OUTSTANDING");
  expect(tooMuch.body.error.message).toBe(
    "La compensation sur FA-2026-000004 dépasse son reste dû (5\u202f760,00\u00a0€).",
  );
  expect(await snapshotAll(fs.db)).toEqual(before);

  const second = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refund(depositC) });
  expect(second.status).toBe(201);
  expect(second.body.quote.settlement).toMatchObject({
    offset: [{ invoiceNumber: "FA-2026-000004", amount: "5760.00" }],
    paidOut: "1440.00",
  });

  // 7 200,00 € needs both approvals (above the 5 000,00 € threshold), 4 320,00 € accounting only.
  const approvals: [string, string][] = [
    [second.body.id, SALES],
    [second.body.id, ACCOUNTING],
    [first.body.id, ACCOUNTING],
  ];
  for (const [id, as] of approvals)
    expect((await api.call("POST", `${base}/refunds/${id}/approve`, { as })).status).toBe(200);
  const invoice = await fs.db.doc(`companies/${C}/invoices/${final.body.id}`).get();
  expect(invoice.get("openAmount")).toBe("0.00");
});

test("a rejected request gives its offset back to the next one", async () => {
  await deposit(DEPOSIT_BODY.orderRef, "30");
  const depositB = await deposit("CMD-2026-018", "30");
  api.setToday("2026-02-20");
  await api.call("POST", `${base}/invoices/final`, {
    as: ACCOUNTING,
    body: { orderRef: DEPOSIT_BODY.orderRef, supplyKind: "goods", lines: DEPOSIT_BODY.order.lines },
  });
  api.setToday("2026-03-10");
  const first = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refund(depositB) });
  expect(first.body.quote.settlement.offset).toEqual([{ invoiceNumber: "FA-2026-000003", amount: "4320.00" }]);
  const rejected = await api.call("POST", `${base}/refunds/${first.body.id}/reject`, {
    as: SALES,
    body: { reason: "Le client préfère un virement" },
  });
  expect(rejected.status).toBe(200);
  const quote = await api.call("POST", `${base}/refunds/quote`, { as: REQUESTER, body: refund(depositB) });
  expect(quote.body.settlement.offset).toEqual([{ invoiceNumber: "FA-2026-000003", amount: "4320.00" }]);
});
