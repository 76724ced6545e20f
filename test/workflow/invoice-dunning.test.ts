import { TestApi, snapshotAll } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, SALES } from "./fixtures";

const suite = workflowSuite("wfdunning");
const { fs } = suite;
const base = `/v1/companies/${C}`;
let api: TestApi;
beforeEach(() => (api = suite.api));

/** The final invoice of the deposit's order: its full price. */
const FINAL = { orderRef: DEPOSIT_BODY.orderRef, supplyKind: DEPOSIT_BODY.supplyKind, lines: DEPOSIT_BODY.order.lines };

/** Worked example 2: deposit on 15/01, final invoice on 20/02 (10,080.00 due 22/03 at 30 days). */
async function openInvoice(extra: Record<string, unknown> = {}): Promise<{ depositInvoiceId: string; id: string }> {
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  expect(dep.status).toBe(201);
  api.setToday("2026-02-20");
  const inv = await api.call("POST", `${base}/invoices/final`, { as: ACCOUNTING, body: { ...FINAL, ...extra } });
  expect(inv.status).toBe(201);
  expect(inv.body).toMatchObject({ openAmount: "10080.00", dueDate: "2026-03-22" });
  const depositInvoice = await fs.db.collection(`companies/${C}/invoices`).where("type", "==", "deposit").get();
  return { depositInvoiceId: depositInvoice.docs[0].id, id: inv.body.id };
}

const dunningPath = (id: string) => `${base}/invoices/${id}/dunning`;

async function dunningEvents(id: string) {
  const snap = await fs.db.collection(`companies/${C}/events`).where("subject.id", "==", id).get();
  return snap.docs.map((d) => d.data()).filter((e) => e.type === "invoice.dunning_changed");
}

/** A call that must be refused with `status`/`code`, in French, changing no document. */
async function refused(path: string, options: Parameters<TestApi["call"]>[2], status: number, code: string) {
  const before = await snapshotAll(fs.db);
  const answer = await api.call("POST", path, options);
  expect(answer.status).toBe(status);
  expect(answer.body.error.code).toBe(code);
  expect(answer.body.error.message).toMatch(/[éèàêç]|vous|champ|facture|jeton|obligatoire|invalide/i);
  expect(await snapshotAll(fs.db)).toEqual(before);
  return answer.body.error;
}

test("accounting marks an open invoice disputed, then under a promise: stored, audited with before/after", async () => {
  const { id } = await openInvoice();
  const disputed = await api.call("POST", dunningPath(id), {
    as: ACCOUNTING,
    body: { disputed: true, disputeReason: "  Le client conteste la pose de la cuisine  " },
  });
  expect(disputed.status).toBe(200);
  expect(disputed.body).toEqual({
    id,
    number: "FA-2026-000002",
    dueDate: "2026-03-22",
    openAmount: "10080.00",
    dunning: {
      disputed: true,
      disputeReason: "Le client conteste la pose de la cuisine",
      promiseUntil: null,
      updatedBy: ACCOUNTING,
    },
    changed: true,
  });
  const stored = (await fs.db.doc(`companies/${C}/invoices/${id}`).get()).get("dunning");
  expect(stored).toMatchObject({
    disputed: true,
    disputeReason: "Le client conteste la pose de la cuisine",
    promiseUntil: null,
    updatedBy: ACCOUNTING,
  });
  expect(stored.updatedAt.toDate().toISOString().slice(0, 10)).toBe("2026-02-20");

  // Dispute settled, the customer promises to pay by 15/04: the reason goes, the promise stays.
  api.setToday("2026-03-25");
  const promise = await api.call("POST", dunningPath(id), {
    as: ACCOUNTING,
    body: { disputed: false, promiseUntil: "2026-04-15" },
  });
  expect(promise.status).toBe(200);
  expect(promise.body.dunning).toEqual({
    disputed: false,
    disputeReason: null,
    promiseUntil: "2026-04-15",
    updatedBy: ACCOUNTING,
  });
  // promiseUntil omitted keeps the promise; null ends it.
  const kept = await api.call("POST", dunningPath(id), { as: ACCOUNTING, body: { disputed: false } });
  expect([kept.status, kept.body.changed, kept.body.dunning.promiseUntil]).toEqual([200, false, "2026-04-15"]);
  const ended = await api.call("POST", dunningPath(id), {
    as: ACCOUNTING,
    body: { disputed: false, promiseUntil: null },
  });
  expect([ended.body.changed, ended.body.dunning.promiseUntil]).toEqual([true, null]);

  const events = (await dunningEvents(id)).sort((a, b) => a.at.toMillis() - b.at.toMillis());
  expect(events.map((e) => [e.by, e.before, e.after, e.reason ?? null])).toEqual([
    [
      ACCOUNTING,
      { disputed: false, disputeReason: null, promiseUntil: null },
      { disputed: true, disputeReason: "Le client conteste la pose de la cuisine", promiseUntil: null },
      "Le client conteste la pose de la cuisine",
    ],
    [
      ACCOUNTING,
      { disputed: true, disputeReason: "Le client conteste la pose de la cuisine", promiseUntil: null },
      { disputed: false, disputeReason: null, promiseUntil: "2026-04-15" },
      null,
    ],
    [
      ACCOUNTING,
      { disputed: false, disputeReason: null, promiseUntil: "2026-04-15" },
      { disputed: false, disputeReason: null, promiseUntil: null },
      null,
    ],
  ]);
  // The issued content is untouched: the chains still verify.
  expect((await api.call("GET", `${base}/audit/verify`, { as: ADMIN })).body.ok).toBe(true);
});

test("idempotent: a replay answers the first answer and writes nothing; the key with another body is refused", async () => {
  const { id } = await openInvoice();
  const body = { disputed: true, disputeReason: "Livraison incomplète" };
  const first = await api.call("POST", dunningPath(id), { as: ACCOUNTING, body, key: "litige-1" });
  expect(first.status).toBe(200);
  const after = await snapshotAll(fs.db);
  const replay = await api.call("POST", dunningPath(id), { as: ACCOUNTING, body, key: "litige-1" });
  expect(replay).toEqual(first);
  expect(await snapshotAll(fs.db)).toEqual(after);
  expect(await dunningEvents(id)).toHaveLength(1);
  await refused(
    dunningPath(id),
    { as: ACCOUNTING, body: { disputed: false }, key: "litige-1" },
    409,
    "IDEMPOTENCY_KEY_REUSED",
  );
  await refused(dunningPath(id), { as: ACCOUNTING, body, key: null }, 400, "VALIDATION_FAILED");
});

test("roles: only accounting; unauthenticated 401; nothing changes", async () => {
  const { id } = await openInvoice();
  const body = { disputed: true, disputeReason: "Prix contesté" };
  for (const who of [REQUESTER, SALES, ADMIN, "stranger@elsewhere.fr"])
    await refused(dunningPath(id), { as: who, body }, 403, "FORBIDDEN");
  await refused(dunningPath(id), { token: null, body }, 401, "UNAUTHENTICATED");
});

test("validation: French messages naming the field, nothing changes", async () => {
  const { id } = await openInvoice();
  const path = dunningPath(id);
  const as = ACCOUNTING;
  const detail = async (body: unknown) => (await refused(path, { as, body }, 400, "VALIDATION_FAILED")).details;

  expect(await detail({ disputed: true })).toEqual([
    expect.objectContaining({ path: "disputeReason", message: expect.stringMatching(/litige doit être motivé/) }),
  ]);
  expect(await detail({ disputed: true, disputeReason: "   " })).toEqual([
    expect.objectContaining({ path: "disputeReason", message: expect.stringMatching(/ne peut pas être vide/) }),
  ]);
  expect(await detail({})).toEqual([
    expect.objectContaining({ path: "disputed", message: expect.stringMatching(/obligatoire/) }),
  ]);
  expect(await detail({ disputed: "oui" })).toEqual([
    expect.objectContaining({ path: "disputed", message: expect.stringMatching(/booléen/) }),
  ]);
  expect(await detail({ disputed: false, promiseUntil: "2026-02-30" })).toEqual([
    expect.objectContaining({ path: "promiseUntil", message: expect.stringMatching(/date invalide/) }),
  ]);
  expect(await detail({ disputed: false, promiseUntil: "2026-02-19" })).toEqual([
    expect.objectContaining({ path: "promiseUntil", message: expect.stringMatching(/19\/02\/2026 est passé/) }),
  ]);
  expect((await detail({ disputed: false, relance: "non" })).map((d: { path: string }) => d.path)).toEqual(["relance"]);
  // A promise ending today is still running.
  const today = await api.call("POST", path, { as, body: { disputed: false, promiseUntil: "2026-02-20" } });
  expect(today.status).toBe(200);
});

test("409 on a paid invoice (and on a deposit invoice, issued paid); 404 on an unknown one", async () => {
  const { id, depositInvoiceId } = await openInvoice();
  const body = { disputed: false, promiseUntil: "2026-03-31" };
  const deposit = await refused(dunningPath(depositInvoiceId), { as: ACCOUNTING, body }, 409, "ALREADY_PAID");
  expect(deposit.message).toMatch(/FA-2026-000001 est déjà réglée \(le 15\/01\/2026\)/);

  const pay = await api.call("POST", `${base}/payments`, {
    as: ACCOUNTING,
    body: {
      customer: DEPOSIT_BODY.customer,
      date: "2026-02-20",
      amount: "10080.00",
      means: "virement",
      invoiceIds: [id],
    },
  });
  expect(pay.status).toBe(201);
  const paid = await refused(dunningPath(id), { as: ACCOUNTING, body }, 409, "ALREADY_PAID");
  expect(paid.message).toMatch(/FA-2026-000002 est déjà réglée/);
  await refused(dunningPath("inconnue"), { as: ACCOUNTING, body }, 404, "NOT_FOUND");
});

test("final invoice: the contract penalty rate is validated, printed and copied for the reminders job", async () => {
  await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  api.setToday("2026-02-20");
  for (const penaltyRate of ["douze", "-3", "12.345", "150", 12])
    await refused(
      `${base}/invoices/final`,
      { as: ACCOUNTING, body: { ...FINAL, penaltyRate } },
      400,
      "VALIDATION_FAILED",
    );
  const inv = await api.call("POST", `${base}/invoices/final`, {
    as: ACCOUNTING,
    body: { ...FINAL, penaltyRate: "12.50" },
  });
  expect(inv.status).toBe(201);
  expect(inv.body.content.penaltyRate).toBe("12.50");
  const doc = await fs.db.doc(`companies/${C}/invoices/${inv.body.id}`).get();
  expect([doc.get("content.penaltyRate"), doc.get("contractPenaltyRate")]).toEqual(["12.50", "12.50"]);
  expect((await api.call("GET", `${base}/audit/verify`, { as: ADMIN })).body.ok).toBe(true);
});
