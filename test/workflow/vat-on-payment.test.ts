/**
 * VAT on payment for services (CGI art. 269-2-c) on the emulator: a company
 * without the option for debits invoices services; the VAT waits on 44574
 * until the customer pays, each payment (or a refund set against the
 * invoice) moves its share to 44571 in the same transaction, and each
 * month's VAT return equals that month's 44571 movements.
 */
import Decimal from "decimal.js";
import { FEC_FIELDS, checkFecText, type VatReturn } from "../../functions/src/domain";
import type { InvoiceDoc } from "../../functions/src/model/invoice";
import type { JournalEntryDoc } from "../../functions/src/model/journal-entry";
import { TestApi } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER } from "./fixtures";

const suite = workflowSuite("wfvop", { approvalThreshold: "10000.00" });
const fs = suite.fs;
let api: TestApi;
const base = `/v1/companies/${C}`;
beforeEach(() => (api = suite.api));

const CUSTOMER = DEPOSIT_BODY.customer;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of several routes
async function ok(res: { status: number; body: any }, status: number) {
  expect([res.status, res.body.error?.message]).toEqual([status, undefined]);
  return res;
}

async function journal(): Promise<JournalEntryDoc[]> {
  const snap = await fs.db.collection(`companies/${C}/journalEntries`).get();
  return snap.docs.map((d) => d.data() as JournalEntryDoc);
}

/** Credit − debit on an account of the entries dated in [start, end], read straight from Firestore. */
async function movement(account: string, start = "2000-01-01", end = "2999-12-31"): Promise<string> {
  let total = new Decimal(0);
  for (const e of await journal()) {
    if (e.date < start || e.date > end) continue;
    for (const l of e.content.lines) if (l.account === account) total = total.plus(l.credit).minus(l.debit);
  }
  return total.toFixed(2);
}

async function servicesInvoice(orderRef: string, net = "2000.00") {
  return ok(
    await api.call("POST", `${base}/invoices/final`, {
      as: ACCOUNTING,
      body: { orderRef, customer: CUSTOMER, supplyKind: "services", lines: [{ vatRate: "20", net, label: "Conseil" }] },
    }),
    201,
  );
}

async function pay(invoiceId: string, date: string, amount: string) {
  api.setToday(date);
  return ok(
    await api.call("POST", `${base}/payments`, {
      as: ACCOUNTING,
      body: { customer: CUSTOMER, date, amount, means: "virement", invoiceIds: [invoiceId] },
    }),
    201,
  );
}

async function vatReturn(month: string): Promise<VatReturn> {
  return (await ok(await api.call("GET", `${base}/vat-return?month=${month}`, { as: ACCOUNTING }), 200)).body;
}

async function invoiceDoc(id: string): Promise<InvoiceDoc> {
  return (await fs.db.doc(`companies/${C}/invoices/${id}`).get()).data() as InvoiceDoc;
}

test("a services invoice of March paid in April and May: March declares none of its VAT, April and May their shares, each equal to 44571", async () => {
  // 2,000.00 + 400.00 VAT invoiced 05/03, paid 1,000.00 on 10/04 and 1,400.00 on 05/05. CGI art. 269-2-c: chargeable
  // on payment, for what is paid: 400.00 × 1,000 / 2,400 = 166.666… → 166.67 in April, the rest 233.33 in May.
  api.setToday("2026-03-05");
  const inv = await servicesInvoice("CMD-2026-050");
  const id = inv.body.id as string;
  expect([await movement("44574"), await movement("44571")]).toEqual(["400.00", "0.00"]);

  const march = await vatReturn("2026-03");
  expect([march.total.vat, march.ledgerVat, march.documents, march.warnings]).toEqual([
    "0.00",
    await movement("44571", "2026-03-01", "2026-03-31"),
    0,
    [],
  ]);

  const april = await pay(id, "2026-04-10", "1000.00");
  const aprilReturn = await vatReturn("2026-04");
  expect([aprilReturn.total.vat, aprilReturn.ledgerVat]).toEqual([
    "166.67",
    await movement("44571", "2026-04-01", "2026-04-30"),
  ]);
  const figure = aprilReturn.rates[0].sources.find((s) => s.source === "payment")!;
  expect(figure.label).toBe("Prestations encaissées (TVA sur les encaissements)");
  expect(figure.documents).toEqual([
    {
      number: `PAI-${april.body.id.slice(0, 8)}`,
      date: "2026-04-10",
      invoice: inv.body.number,
      postedOn: "2026-04-10",
      chargeability: "payment",
      chargeableOn: "2026-04-10",
      base: "833.33",
      vat: "166.67",
    },
  ]);
  expect(aprilReturn.warnings).toEqual([]);

  await pay(id, "2026-05-05", "1400.00");
  const may = await vatReturn("2026-05");
  expect([may.total.vat, may.total.base, may.ledgerVat]).toEqual([
    "233.33",
    "1166.67",
    await movement("44571", "2026-05-01", "2026-05-31"),
  ]);

  // Paid: nothing waits on 44574; the invoice keeps what was transferred, equal to what it made due.
  expect([await movement("44574"), await movement("44571")]).toEqual(["0.00", "400.00"]);
  const stored = await invoiceDoc(id);
  expect(stored.vatOnPayment?.transferred).toEqual(stored.vatOnPayment?.due);
  expect(stored.vatOnPayment?.transfers.map((t) => [t.paidOn, t.lines[0].vat])).toEqual([
    ["2026-04-10", "166.67"],
    ["2026-05-05", "233.33"],
  ]);
  // Each transfer: D44574 / C44571, balanced, in the miscellaneous journal, naming the invoice.
  const transfers = (await journal()).filter((e) => e.content.kind === "vat_on_payment");
  expect(transfers.map((e) => [e.content.journal, e.content.label, e.content.source.id])).toEqual([
    ["OD", `TVA exigible à l'encaissement ${inv.body.number}`, id],
    ["OD", `TVA exigible à l'encaissement ${inv.body.number}`, id],
  ]);
  for (const e of await journal()) {
    const debit = e.content.lines.reduce((t, l) => t.plus(l.debit), new Decimal(0));
    expect(debit.toFixed(2)).toBe(e.content.lines.reduce((t, l) => t.plus(l.credit), new Decimal(0)).toFixed(2));
  }

  // The FEC names the new account and passes the tax office's checks.
  api.setToday("2027-01-10");
  const fec = await ok(await api.call("GET", `${base}/fec?year=2026`, { as: ADMIN }), 200);
  expect(checkFecText(fec.body as string, { start: "2026-01-01", end: "2026-12-31" })).toEqual([]);
  const rows = (fec.body as string)
    .split("\r\n")
    .slice(1, -1)
    .map((l) => l.split("|"));
  const at = (f: (typeof FEC_FIELDS)[number]) => FEC_FIELDS.indexOf(f);
  expect(new Set(rows.filter((r) => r[at("CompteNum")] === "44574").map((r) => r[at("CompteLib")]))).toEqual(
    new Set(["TVA collectée sur encaissements (en attente)"]),
  );
});

test("a refund set against the services invoice pays it: its VAT moves to 44571 on the approval day, the credit note as piece", async () => {
  api.setToday("2026-02-02");
  // A goods deposit of another order: 30 % of 12,000.00 + VAT = 4,320.00.
  const dep = await ok(
    await api.call("POST", `${base}/deposits`, {
      as: ACCOUNTING,
      body: { ...DEPOSIT_BODY, orderRef: "CMD-2026-060", cashedDate: "2026-02-02" },
    }),
    201,
  );
  api.setToday("2026-02-10");
  const inv = await servicesInvoice("CMD-2026-061", "1000.00"); // 1,200.00 due, 200.00 VAT waiting
  api.setToday("2026-03-12");
  const req = await ok(
    await api.call("POST", `${base}/refunds`, {
      as: REQUESTER,
      body: {
        depositId: dep.body.id,
        scope: { kind: "full" },
        reason: "seller_cancels",
        schedule: { kind: "single", date: "2026-03-31" },
      },
    }),
    201,
  );
  expect(req.body.quote.settlement.offset).toEqual([{ invoiceNumber: inv.body.number, amount: "1200.00" }]);
  const approved = await ok(await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: ACCOUNTING }), 200);
  const stored = await invoiceDoc(inv.body.id);
  expect([stored.openAmount, stored.vatOnPayment?.transfers.map((t) => [t.paidOn, t.by.kind, t.lines[0].vat])]).toEqual(
    ["0.00", [["2026-03-12", "refund", "200.00"]]],
  );
  const march = await vatReturn("2026-03");
  const payment = march.rates[0].sources.find((s) => s.source === "payment")!;
  const notes = await fs.db.collection(`companies/${C}/creditNotes`).get();
  expect(notes.docs.map((d) => d.get("content.refundId"))).toEqual([approved.body.id ?? req.body.id]);
  expect(payment.documents.map((d) => [d.number, d.invoice, d.base, d.vat, d.chargeableOn])).toEqual([
    [notes.docs[0].get("content.number"), inv.body.number, "1000.00", "200.00", "2026-03-12"],
  ]);
  // March: +200.00 on payment, −720.00 for the credit note of the deposit = the 44571 movement.
  expect([march.total.vat, march.ledgerVat]).toEqual(["-520.00", await movement("44571", "2026-03-01", "2026-03-31")]);
  expect(await movement("44574")).toBe("0.00");
});

test("goods, and services under the option for debits, still credit 44571 at the invoice date; their payments move no VAT", async () => {
  api.setToday("2026-02-20");
  await ok(
    await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: { ...DEPOSIT_BODY, cashedDate: "2026-02-20" } }),
    201,
  );
  const goods = await ok(
    await api.call("POST", `${base}/invoices/final`, {
      as: ACCOUNTING,
      body: { orderRef: DEPOSIT_BODY.orderRef, supplyKind: "goods", lines: DEPOSIT_BODY.order.lines },
    }),
    201,
  );
  // Worked example 2: 2,400.00 − 720.00 of the deposit = 1,680.00 on 44571 at the invoice date.
  expect(await movement("44571", "2026-02-20", "2026-02-20")).toBe("2400.00");
  await fs.db.doc(`companies/${C}`).update({ "settings.vatOnDebits": true });
  api.setToday("2026-02-21");
  const debits = await servicesInvoice("CMD-2026-070");
  expect(await movement("44571", "2026-02-21", "2026-02-21")).toBe("400.00");
  await pay(goods.body.id, "2026-03-02", "10080.00");
  await pay(debits.body.id, "2026-03-03", "2400.00");
  expect(await movement("44574")).toBe("0.00");
  expect((await journal()).filter((e) => e.content.kind === "vat_on_payment")).toEqual([]);
  for (const id of [goods.body.id, debits.body.id]) expect((await invoiceDoc(id)).vatOnPayment).toBeUndefined();
  const feb = await vatReturn("2026-02");
  expect([feb.total.vat, feb.ledgerVat]).toEqual(["2800.00", await movement("44571", "2026-02-01", "2026-02-28")]);
  expect((await vatReturn("2026-03")).total.vat).toBe("0.00");
});
