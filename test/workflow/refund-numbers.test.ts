/**
 * Refund requests carry a readable number in their own series
 * (RB-2026-000001…), taken in the request's transaction like invoice and
 * credit-note numbers; the refunds list finds them by any of their
 * numbers, their order or their customer, filters them (mine, approved not
 * paid, late) and totals what is left to pay (issue #12, points 2 and 3).
 */
import { TestApi } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, refundBody } from "./fixtures";

const suite = workflowSuite("refundnum", { approvalThreshold: "100000.00" });
const fs = suite.fs;
let api: TestApi;
const base = `/v1/companies/${C}`;
const OTHER_REQUESTER = "remi@acme.fr";
beforeEach(async () => {
  api = suite.api;
  await fs.db.doc(`companies/${C}/users/${OTHER_REQUESTER}`).set({ email: OTHER_REQUESTER, roles: ["requester"] });
});

const rb = (n: number) => `RB-2026-${String(n).padStart(6, "0")}`;

/** `n` deposits recorded on 15/01/2026 (FA-2026-000001…), customers and orders numbered. */
async function deposits(n: number, customer = (i: number) => `Client ${i}`): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const dep = await api.call("POST", `${base}/deposits`, {
      as: ACCOUNTING,
      body: { ...DEPOSIT_BODY, customer: { ...DEPOSIT_BODY.customer, name: customer(i) }, orderRef: `CMD-${i}` },
    });
    expect(dep.status).toBe(201);
    ids.push(dep.body.id);
  }
  return ids;
}

async function request(depositId: string, as = REQUESTER, schedule?: unknown) {
  const answer = await api.call("POST", `${base}/refunds`, { as, body: refundBody(depositId, schedule) });
  expect(answer.status).toBe(201);
  return answer.body as { id: string; number: string };
}

const list = async (query: string, as = REQUESTER) => {
  const answer = await api.call("GET", `${base}/refunds?${query}`, { as });
  expect(answer.status).toBe(200);
  return answer.body;
};

test("requests are numbered RB-2026-000001, 2… in their own series; the request answers and shows its number", async () => {
  const [a, b] = await deposits(2);
  api.setToday("2026-03-10");
  const first = await request(a);
  const second = await request(b);
  expect([first.number, second.number]).toEqual([rb(1), rb(2)]);
  const read = await api.call("GET", `${base}/refunds/${second.id}`, { as: REQUESTER });
  expect(read.body).toMatchObject({ number: rb(2), deposit: { number: "FA-2026-000002" } });
  const dep = await api.call("GET", `${base}/deposits/${b}`, { as: REQUESTER });
  expect(dep.body.refunds.map((r: { number: string }) => r.number)).toEqual([rb(2)]);
  const counter = await fs.db.doc(`companies/${C}/sequences/refundRequest-2026`).get();
  expect(counter.data()).toMatchObject({ kind: "refundRequest", last: 2, lastId: second.id, lastHash: "" });
  // A refused request takes no number: the series stays gapless.
  const refused = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(b) });
  expect(refused.status).toBe(422);
  expect((await request(await deposits(1).then(([id]) => id))).number).toBe(rb(3));
  // The integrity check walks the chained series only; the requests' counter is no chain of its own.
  const verify = await api.call("GET", `${base}/audit/verify`, { as: ADMIN });
  expect(verify.body.ok).toBe(true);
  expect(verify.body.chains.map((c: { series: string }) => c.series)).not.toContain("refundRequest-2026");
});

test("12 concurrent requests on 12 deposits: numbers RB-2026-000001 … 000012, each once, no gap", async () => {
  const ids = await deposits(12);
  api.setToday("2026-03-10");
  const answers = await Promise.all(
    ids.map((id, i) =>
      api.call("POST", `${base}/refunds`, { as: i % 2 ? REQUESTER : OTHER_REQUESTER, body: refundBody(id) }),
    ),
  );
  expect(answers.map((a) => a.status)).toEqual(ids.map(() => 201));
  const numbers = answers.map((a) => a.body.number as string).sort();
  expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => rb(i + 1)));
  const stored = await fs.db.collection(`companies/${C}/refunds`).get();
  expect(stored.docs.map((d) => d.get("number")).sort()).toEqual(numbers);
  // Commit order is number order: the counter's last request holds the last number.
  const counter = (await fs.db.doc(`companies/${C}/sequences/refundRequest-2026`).get()).data()!;
  expect(counter.last).toBe(12);
  expect(stored.docs.find((d) => d.id === counter.lastId)!.get("number")).toBe(rb(12));
}, 120_000);

test("the list finds a request by its number, its deposit invoice, its credit note, its order or its customer", async () => {
  const [a, b, c] = await deposits(3, (i) => ["Boulangerie Dupont", "Hôtel Émeraude", "Dupont Frères"][i]);
  api.setToday("2026-03-10");
  const ra = await request(a);
  const rbq = await request(b);
  const rc = await request(c);
  const approved = await api.call("POST", `${base}/refunds/${rbq.id}/approve`, { as: ACCOUNTING });
  expect(approved.body.creditNote.number).toBe("AV-2026-000001");

  const numbersOf = (body: { items: { number: string }[] }) => body.items.map((i) => i.number);
  expect(numbersOf(await list(`q=${rb(1)}`))).toEqual([ra.number]);
  expect(numbersOf(await list(`q=rb-2026-000003`))).toEqual([rc.number]);
  expect(numbersOf(await list(`q=FA-2026-000002`))).toEqual([rbq.number]);
  expect(numbersOf(await list(`q=AV-2026-000001`))).toEqual([rbq.number]);
  expect(numbersOf(await list(`q=CMD-0`))).toEqual([ra.number]);
  // Customer: any word, any beginning of a word, accents and case aside; every word typed must match.
  expect(numbersOf(await list(`q=dupont`))).toEqual([rc.number, ra.number]);
  expect(numbersOf(await list(`q=${encodeURIComponent("émer")}`))).toEqual([rbq.number]);
  expect(numbersOf(await list(`q=EMERAUDE`))).toEqual([rbq.number]);
  expect(numbersOf(await list(`q=${encodeURIComponent("dupont fr")}`))).toEqual([rc.number]);
  expect(numbersOf(await list(`q=FA-2026-000009`))).toEqual([]);
  const found = (await list(`q=AV-2026-000001`)).items[0];
  expect(found).toMatchObject({
    id: rbq.id,
    customerName: "Hôtel Émeraude",
    depositNumber: "FA-2026-000002",
    creditNoteNumber: "AV-2026-000001",
    orderRef: "CMD-1",
    status: "approved",
  });
});

test("filters « mes demandes », « approuvées, non payées », « en retard », and the total left to pay", async () => {
  const ids = await deposits(5);
  api.setToday("2026-03-10");
  const single = (date: string) => ({ kind: "single", date });
  // 4,320.00 each (worked example 1).
  const mine1 = await request(ids[0], REQUESTER, single("2026-03-20"));
  const mine2 = await request(ids[1], REQUESTER, single("2026-04-30"));
  const theirs1 = await request(ids[2], OTHER_REQUESTER, single("2026-03-20"));
  const theirs2 = await request(ids[3], OTHER_REQUESTER, single("2026-03-20"));
  const cancelled = await request(ids[4], REQUESTER);
  for (const r of [mine1, mine2, theirs1])
    expect((await api.call("POST", `${base}/refunds/${r.id}/approve`, { as: ACCOUNTING })).status).toBe(200);
  expect((await api.call("POST", `${base}/refunds/${cancelled.id}/cancel`, { as: REQUESTER })).status).toBe(200);
  api.setToday("2026-03-25");
  // theirs1 paid; mine1's instalment (20/03) is now late; mine2's (30/04) is not; theirs2 awaits approval.
  expect((await api.call("POST", `${base}/refunds/${theirs1.id}/instalments/1/pay`, { as: ACCOUNTING })).status).toBe(
    200,
  );

  const view = async (query: string, as = REQUESTER) => {
    const body = await list(query, as);
    return { numbers: body.items.map((i: { number: string }) => i.number), left: body.leftToPay, open: body.openCount };
  };
  expect(await view("filter=all")).toEqual({
    numbers: [cancelled, theirs2, theirs1, mine2, mine1].map((r) => r.number),
    left: "12960.00",
    open: 3,
  });
  expect(await view("filter=mine")).toEqual({
    numbers: [cancelled, mine2, mine1].map((r) => r.number),
    left: "8640.00",
    open: 2,
  });
  expect(await view("filter=mine", OTHER_REQUESTER)).toEqual({
    numbers: [theirs2, theirs1].map((r) => r.number),
    left: "4320.00",
    open: 1,
  });
  expect(await view("filter=approved_unpaid")).toEqual({
    numbers: [mine2, mine1].map((r) => r.number),
    left: "8640.00",
    open: 2,
  });
  expect(await view("filter=late")).toEqual({ numbers: [mine1.number], left: "4320.00", open: 1 });
  const late = (await list("filter=late")).items[0];
  expect(late).toMatchObject({ late: true, nextDueDate: "2026-03-20", leftToPay: "4320.00", total: "4320.00" });
  // A search and a filter together.
  expect(await view(`filter=mine&q=Client`)).toEqual({
    numbers: [cancelled, mine2, mine1].map((r) => r.number),
    left: "8640.00",
    open: 2,
  });
});

test("pages of `limit` requests, newest first, `next` until the last page; a bad parameter is a French 400", async () => {
  const ids = await deposits(5);
  api.setToday("2026-03-10");
  for (const id of ids) await request(id);
  const pages: string[][] = [];
  let after: string | null = null;
  do {
    const body = await list(`filter=all&limit=2${after ? `&after=${after}` : ""}`);
    pages.push(body.items.map((i: { number: string }) => i.number));
    after = body.next;
  } while (after);
  expect(pages).toEqual([[rb(5), rb(4)], [rb(3), rb(2)], [rb(1)]]);
  // In-memory pages (a search) follow the same rule.
  const first = await list("q=Client&limit=3");
  expect(first.items.map((i: { number: string }) => i.number)).toEqual([rb(5), rb(4), rb(3)]);
  expect(first.next).toBe(rb(3));
  const rest = await list(`q=Client&limit=3&after=${first.next}`);
  expect(rest.items.map((i: { number: string }) => i.number)).toEqual([rb(2), rb(1)]);
  expect(rest.next).toBeNull();

  expect((await list("filter=all&limit=100")).items).toHaveLength(5);
  // Without `limit`, 25 a page (docs/api.md): the five fit in one.
  expect((await list("filter=all")).next).toBeNull();
  for (const bad of ["filter=everything", "limit=0", "limit=101", "limit=500", "limit=abc", "limit=2.5"]) {
    const answer = await api.call("GET", `${base}/refunds?${bad}`, { as: REQUESTER });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/Paramètre « (filter|limit) »/);
    if (bad.startsWith("limit"))
      expect(answer.body.error.details).toEqual([
        { path: "limit", message: "Paramètre « limit » : doit être un nombre entier de 1 à 100." },
      ]);
  }
});

test("a document dated before the last of its series is refused in French, dates written the French way, and takes no number", async () => {
  api.setToday("2026-02-10");
  await deposits(1);
  api.setToday("2026-02-01");
  const late = await api.call("POST", `${base}/deposits`, {
    as: ACCOUNTING,
    body: { ...DEPOSIT_BODY, orderRef: "CMD-LATE" },
  });
  expect(late.status).toBe(409);
  expect(late.body.error).toMatchObject({
    code: "CHRONOLOGY",
    message:
      "Numérotation chronologique : le document daté du 01/02/2026 ne peut pas suivre un document daté du 10/02/2026.",
  });
  api.setToday("2026-02-10");
  const next = await api.call("POST", `${base}/deposits`, {
    as: ACCOUNTING,
    body: { ...DEPOSIT_BODY, orderRef: "CMD-NEXT" },
  });
  expect([next.status, next.body.number]).toEqual([201, "FA-2026-000002"]);
});
