/**
 * Invoices issued by another tool (POST …/invoices/external): their own
 * number, no number of our FA- series, no journal entry, an open
 * receivable that payments letter and dunning picks up.
 */
import { reminderSettingsSchema } from "../../functions/src/domain/reminders/reminder-settings";
import { firestoreReminderSource } from "../../functions/src/jobs/firestore-reminder-source";
import { TestApi } from "../support/workflow-api";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER } from "./fixtures";
import { workflowSuite } from "./suite";

const suite = workflowSuite("wfextinv");
const fs = suite.fs;
let api: TestApi;
const base = `/v1/companies/${C}`;
beforeEach(() => (api = suite.api));

const CUSTOMER = { name: "Garage Dupuis SAS", kind: "b2b", siren: "552100554" };
const EXTERNAL = {
  number: "2025-F-0917",
  date: "2025-12-10",
  customer: CUSTOMER,
  orderRef: "ERP-4411",
  lines: [
    { vatRate: "20", net: "1000.00", vat: "200.00" },
    { vatRate: "5.5", net: "200.00", vat: "11.00" },
  ],
  dueDate: "2026-01-09",
};

const invoices = () => fs.db.collection(`companies/${C}/invoices`).get();

test("records the invoice under its own number, outside our series, as an open final invoice with an audit event", async () => {
  const res = await api.call("POST", `${base}/invoices/external`, { as: ACCOUNTING, body: EXTERNAL });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({
    number: "2025-F-0917",
    type: "final",
    origin: "external",
    issuedOn: "2025-12-10",
    dueDate: "2026-01-09",
    gross: "1411.00",
    openAmount: "1411.00",
    paidOn: null,
    series: "external",
    content: {
      typeCode: "380",
      total: { net: "1200.00", vat: "211.00", gross: "1411.00" },
      lines: [
        { vatRate: "20", net: "1000.00", vat: "200.00", gross: "1200.00" },
        { vatRate: "5.5", net: "200.00", vat: "11.00", gross: "211.00" },
      ],
    },
  });
  // No number taken from the FA- series, no journal entry: the other tool issued and booked it.
  const sequences = await fs.db.collection(`companies/${C}/sequences`).get();
  expect(sequences.docs.map((d) => d.id)).toEqual([]);
  expect((await fs.db.collection(`companies/${C}/journalEntries`).get()).size).toBe(0);
  const events = await fs.db.collection(`companies/${C}/events`).where("type", "==", "invoice.imported").get();
  expect(events.docs.map((d) => [d.get("by"), d.get("subject.id"), d.get("after.number")])).toEqual([
    [ACCOUNTING, res.body.id, "2025-F-0917"],
  ]);

  // Our own series still starts at 1 and the chains still verify.
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  expect(dep.body.number).toBe("FA-2026-000001");
  const verify = await api.call("GET", `${base}/audit/verify`, { as: ADMIN });
  expect(verify.body.ok).toBe(true);
});

test("a replay records once; the same number again is refused", async () => {
  const key = "ext-key-1";
  const first = await api.call("POST", `${base}/invoices/external`, { as: ACCOUNTING, body: EXTERNAL, key });
  const again = await api.call("POST", `${base}/invoices/external`, { as: ACCOUNTING, body: EXTERNAL, key });
  expect(again).toMatchObject({ status: 201, body: { id: first.body.id } });
  const other = await api.call("POST", `${base}/invoices/external`, {
    as: ACCOUNTING,
    body: { ...EXTERNAL, dueDate: "2026-01-20" },
  });
  expect(other.status).toBe(409);
  expect(other.body.error).toMatchObject({ code: "EXTERNAL_INVOICE_EXISTS" });
  expect(other.body.error.message).toContain("2025-F-0917");
  expect((await invoices()).size).toBe(1);
});

test("totals only, deposits deducted, due date from the company's terms", async () => {
  const res = await api.call("POST", `${base}/invoices/external`, {
    as: ACCOUNTING,
    body: {
      number: "AVX-77",
      date: "2026-01-05",
      customer: { name: "M. Petit", kind: "b2c" },
      total: { net: "500.00", vat: "100.00", gross: "600.00" },
      depositsDeducted: "150.00",
      amountDue: "450.00",
    },
  });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ gross: "450.00", openAmount: "450.00", dueDate: "2026-02-04" });
  expect(res.body.content).toMatchObject({ lines: [], externalDepositsDeducted: "150.00", orderRef: "" });
});

test.each([
  [{ ...EXTERNAL, lines: undefined }, 400, "VALIDATION_FAILED", "soit les montants par taux"],
  [
    { ...EXTERNAL, lines: [{ vatRate: "19.6", net: "10.00", vat: "1.96" }] },
    400,
    "VALIDATION_FAILED",
    "taux de TVA inconnu",
  ],
  [{ ...EXTERNAL, number: "FA-2026-000001" }, 400, "VALIDATION_FAILED", "numéros d'Acompte"],
  [{ ...EXTERNAL, date: "2026-02-01", dueDate: "2026-03-01" }, 400, "VALIDATION_FAILED", "futur"],
  [{ ...EXTERNAL, dueDate: "2025-12-01" }, 400, "VALIDATION_FAILED", "échéance ne peut pas précéder"],
  [{ ...EXTERNAL, customer: { name: "X", kind: "b2b" } }, 400, "VALIDATION_FAILED", "SIREN est obligatoire"],
  [{ ...EXTERNAL, amountDue: "1400.00" }, 422, "AMOUNT_DUE_MISMATCH", "1\u202f411,00\u00a0€"],
  [{ ...EXTERNAL, depositsDeducted: "2000.00" }, 422, "DEPOSITS_ABOVE_INVOICE", "dépassent"],
  [
    { ...EXTERNAL, lines: undefined, total: { net: "10.00", vat: "2.00", gross: "12.50" } },
    400,
    "VALIDATION_FAILED",
    "HT plus la TVA",
  ],
])("refuses %j in French and records nothing", async (body, status, code, text) => {
  const res = await api.call("POST", `${base}/invoices/external`, { as: ACCOUNTING, body });
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(JSON.stringify(res.body.error)).toContain(text);
  expect((await invoices()).size).toBe(0);
});

test("accounting role required; an order with an open deposit in Acompte is refused", async () => {
  const asRequester = await api.call("POST", `${base}/invoices/external`, { as: REQUESTER, body: EXTERNAL });
  expect(asRequester.status).toBe(403);
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  const res = await api.call("POST", `${base}/invoices/external`, {
    as: ACCOUNTING,
    body: { ...EXTERNAL, date: "2026-01-15", dueDate: undefined, orderRef: DEPOSIT_BODY.orderRef },
  });
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe("DEPOSITS_OPEN");
  expect(res.body.error.message).toContain(dep.body.number);
  expect((await invoices()).size).toBe(1);
});

test("a payment letters it (partly, then fully) and dunning picks it up while it is open", async () => {
  const inv = await api.call("POST", `${base}/invoices/external`, { as: ACCOUNTING, body: EXTERNAL });
  const pay = (amount: string, date: string) =>
    api.call("POST", `${base}/payments`, {
      as: ACCOUNTING,
      body: { customer: CUSTOMER, date, amount, means: "virement", invoiceIds: [inv.body.id] },
    });

  const settings = reminderSettingsSchema.parse({
    companyName: "Acme",
    recipients: { treasury: ["t@acme.fr"], accounting: ["c@acme.fr"] },
  });
  const due = async (today: string) => {
    const out = [];
    for await (const r of firestoreReminderSource(fs.db).dueReminders({ companyId: C, settings }, today)) out.push(r);
    return out.filter((r) => r.rule === "customer-overdue");
  };

  const part = await pay("411.00", "2026-01-10");
  expect(part.status).toBe(201);
  expect(part.body.allocations).toEqual([{ invoiceId: inv.body.id, number: "2025-F-0917", amount: "411.00" }]);
  expect(await due("2026-01-15")).toEqual([]); // level 1 is due date + 7 days
  const overdue = await due("2026-01-16");
  expect(overdue).toHaveLength(1);
  expect(overdue[0].target).toContain(inv.body.id);
  expect(overdue[0].text).toContain("2025-F-0917");

  api.setToday("2026-01-16");
  expect((await pay("1000.00", "2026-01-16")).status).toBe(201);
  const doc = await fs.db.doc(`companies/${C}/invoices/${inv.body.id}`).get();
  expect([doc.get("openAmount"), doc.get("paidOn"), doc.get("letters")?.length]).toEqual(["0.00", "2026-01-16", 2]);
  expect(await due("2026-01-20")).toEqual([]);
});

test("a refund of the same customer's deposit offsets the imported invoice (proposed, then lettered at approval)", async () => {
  const inv = await api.call("POST", `${base}/invoices/external`, {
    as: ACCOUNTING,
    body: { ...EXTERNAL, customer: DEPOSIT_BODY.customer, orderRef: "ERP-9" },
  });
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  const quoteBody = {
    depositId: dep.body.id,
    scope: { kind: "full" },
    reason: "seller_cancels",
    schedule: { kind: "single", date: "2026-01-20" },
  };
  const quote = await api.call("POST", `${base}/refunds/quote`, { as: REQUESTER, body: quoteBody });
  expect(quote.status).toBe(200);
  expect(quote.body.settlement).toMatchObject({
    offset: [{ invoiceNumber: "2025-F-0917", amount: "1411.00" }],
    paidOut: "2909.00",
  });
  const request = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: quoteBody });
  expect(request.status).toBe(201);
  const approved = await api.call("POST", `${base}/refunds/${request.body.id}/approve`, { as: ACCOUNTING, body: {} });
  expect(approved.body.status).toBe("approved");
  const doc = await fs.db.doc(`companies/${C}/invoices/${inv.body.id}`).get();
  expect([doc.get("openAmount"), doc.get("letters")?.length]).toEqual(["0.00", 1]);
});

test("the same number sent twice at once is recorded once", async () => {
  const answers = await Promise.all(
    [0, 1, 2].map((i) =>
      api.call("POST", `${base}/invoices/external`, { as: ACCOUNTING, body: { ...EXTERNAL, orderRef: `ERP-${i}` } }),
    ),
  );
  expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
  expect((await invoices()).size).toBe(1);
});
