/**
 * A refund has one shape (contract `Refund`): each command on a request
 * answers exactly what `GET …/refunds/{id}` then shows, history aside —
 * request, each approval, the instalment payments, a rejection and a
 * cancellation (issue #11: approve and GET answered two shapes).
 */
import type { Refund } from "../../functions/src/contract";
import { TestApi } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, SALES, refundBody } from "./fixtures";

const suite = workflowSuite("refundshape", { approvalThreshold: "4000.00" });
let api: TestApi;
const base = `/v1/companies/${C}`;
beforeEach(() => (api = suite.api));

/** The answer of a command on a request, and the same request read back without its history. */
async function answerAndRead(answer: { status: number; body: Refund }): Promise<{ answered: Refund; read: Refund }> {
  expect(answer.status).toBeLessThan(300);
  const read = await api.call("GET", `${base}/refunds/${answer.body.id}`, { as: REQUESTER });
  expect(read.status).toBe(200);
  const { history, ...withoutHistory } = read.body;
  expect(Array.isArray(history)).toBe(true);
  return { answered: answer.body, read: withoutHistory };
}

test("request, approvals and payments answer the refund exactly as GET shows it", async () => {
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  api.setToday("2026-03-10");
  const body = { ...refundBody(dep.body.id), comment: "Client" };
  const requested = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body });
  const id = requested.body.id;
  let pair = await answerAndRead(requested);
  expect(pair.answered).toEqual(pair.read);
  pair = await answerAndRead(await api.call("POST", `${base}/refunds/${id}/approve`, { as: ACCOUNTING }));
  expect(pair.answered).toEqual(pair.read);
  expect(pair.answered).toMatchObject({ status: "accounting_approved", comment: "Client", schedule: [] });

  const final = await api.call("POST", `${base}/refunds/${id}/approve`, { as: SALES });
  pair = await answerAndRead(final);
  expect(pair.answered).toEqual(pair.read);
  expect(pair.answered).toMatchObject({
    status: "approved",
    creditNote: { number: "AV-2026-000001" },
    deposit: { number: "FA-2026-000001", date: "2026-01-15" },
  });
  expect(pair.answered.schedule.map((s) => s.status)).toEqual(["due", "due"]);

  api.setToday("2026-03-31");
  pair = await answerAndRead(await api.call("POST", `${base}/refunds/${id}/instalments/1/pay`, { as: ACCOUNTING }));
  expect(pair.answered).toEqual(pair.read);
  expect(pair.answered.schedule.map((s) => [s.status, s.paidAt])).toEqual([
    ["paid", "2026-03-31"],
    ["due", null],
  ]);
  pair = await answerAndRead(await api.call("POST", `${base}/refunds/${id}/instalments/2/pay`, { as: ACCOUNTING }));
  expect(pair.answered).toEqual(pair.read);
  expect(pair.answered.status).toBe("refunded");
});

test("the request's answer, a rejection and a cancellation have the same shape as GET", async () => {
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  api.setToday("2026-03-10");
  const body = { ...refundBody(dep.body.id), scope: { kind: "amount", amount: "100.00" } };
  const first = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body });
  let pair = await answerAndRead(first);
  expect(pair.answered).toEqual(pair.read);
  pair = await answerAndRead(
    await api.call("POST", `${base}/refunds/${first.body.id}/reject`, { as: ACCOUNTING, body: { reason: "Doublon" } }),
  );
  expect(pair.answered).toEqual(pair.read);
  expect(pair.answered.rejection).toMatchObject({ by: ACCOUNTING, reason: "Doublon" });

  const second = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body });
  pair = await answerAndRead(await api.call("POST", `${base}/refunds/${second.body.id}/cancel`, { as: REQUESTER }));
  expect(pair.answered).toEqual(pair.read);
  expect(pair.answered.status).toBe("cancelled");
});
