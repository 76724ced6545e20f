import { customerKey } from "../../functions/src/model/amounts";
import { customerIdOf } from "../../functions/src/model/customer";
import type { InvoiceDoc } from "../../functions/src/model/invoice";
import { invoiceRow } from "../../functions/src/sheets/sync/row-mappers";
import { FACTURES, INSURANCE_CLAIM_HEADER } from "../../functions/src/sheets/layout/workbook-spec";
import { TestApi, snapshotAll } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, SALES } from "./fixtures";

const INSURERS = [
  { name: "Allianz Trade", daysAfterDue: 60, remindDaysBefore: 10, email: "sinistres@allianz-trade.test" },
  { name: "Coface", daysAfterDue: 90, remindDaysBefore: 15 },
];
const suite = workflowSuite("wfinsurance", { insurers: INSURERS });
const { fs } = suite;
const base = `/v1/companies/${C}`;
let api: TestApi;
beforeEach(() => (api = suite.api));

const FINAL = { orderRef: DEPOSIT_BODY.orderRef, supplyKind: DEPOSIT_BODY.supplyKind, lines: DEPOSIT_BODY.order.lines };

/** Worked example 2: deposit on 15/01, final invoice FA-2026-000002 on 20/02, 10 080,00 € due 22/03. */
async function openInvoice(): Promise<{ depositInvoiceId: string; id: string }> {
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  expect(dep.status).toBe(201);
  api.setToday("2026-02-20");
  const inv = await api.call("POST", `${base}/invoices/final`, { as: ACCOUNTING, body: FINAL });
  expect(inv.status).toBe(201);
  expect(inv.body).toMatchObject({ number: "FA-2026-000002", openAmount: "10080.00", dueDate: "2026-03-22" });
  const deposit = await fs.db.collection(`companies/${C}/invoices`).where("type", "==", "deposit").get();
  return { depositInvoiceId: deposit.docs[0].id, id: inv.body.id };
}

const claimPath = (id: string) => `${base}/invoices/${id}/insurance-claim`;
const claimEvents = async (id: string) =>
  (await fs.db.collection(`companies/${C}/events`).where("subject.id", "==", id).get()).docs
    .map((d) => d.data())
    .filter((e) => e.type === "invoice.insurance_claim_changed")
    .sort((a, b) => a.at.toMillis() - b.at.toMillis());
const stored = async (id: string) => (await fs.db.doc(`companies/${C}/invoices/${id}`).get()).data() as InvoiceDoc;
const sheetCell = async (id: string) =>
  invoiceRow(id, await stored(id)).cells[FACTURES.columns.findIndex((c) => c.header === INSURANCE_CLAIM_HEADER)];

/** A call that must be refused with `status`/`code`, in French, changing no document. */
async function refused(path: string, options: Parameters<TestApi["call"]>[2], status: number, code: string) {
  const before = await snapshotAll(fs.db);
  const answer = await api.call("POST", path, options);
  expect(answer.status).toBe(status);
  expect(answer.body.error.code).toBe(code);
  expect(answer.body.error.message).toMatch(/[éèàêç]|introuvable|vous/i);
  expect(await snapshotAll(fs.db)).toEqual(before);
  return answer.body.error as { message: string; details: { path: string; message: string }[] };
}

test("declared, indemnified, closed: each step stored on the invoice's state, audited, shown in Factures; the chains still verify", async () => {
  const { id } = await openInvoice();
  api.setToday("2026-05-12");
  const declared = await api.call("POST", claimPath(id), {
    as: ACCOUNTING,
    body: { status: "declared", on: "2026-05-12", reference: "SIN-778", amount: "10080.00" },
  });
  expect(declared.status).toBe(200);
  expect(declared.body).toEqual({
    id,
    number: "FA-2026-000002",
    dueDate: "2026-03-22",
    openAmount: "10080.00",
    insuranceClaim: {
      status: "declared",
      declaredOn: "2026-05-12",
      reference: "SIN-778",
      steps: [{ status: "declared", on: "2026-05-12", reference: "SIN-778", amount: "10080.00" }],
    },
    changed: true,
  });
  expect(await sheetCell(id)).toMatchObject({ v: "Déclarée le 12/05/2026 (10\u202f080,00\u00a0€), réf. SIN-778" });

  api.setToday("2026-07-03");
  const indemnified = await api.call("POST", claimPath(id), {
    as: ADMIN,
    body: { status: "indemnified", on: "2026-07-03", amount: "9072" },
  });
  expect(indemnified.status).toBe(200);
  expect(indemnified.body.insuranceClaim).toMatchObject({ status: "indemnified", reference: "SIN-778" });
  expect(indemnified.body.insuranceClaim.steps[1]).toEqual({
    status: "indemnified",
    on: "2026-07-03",
    reference: null,
    amount: "9072.00",
  });
  api.setToday("2026-07-10");
  const closed = await api.call("POST", claimPath(id), {
    as: ACCOUNTING,
    body: { status: "closed", on: "2026-07-10" },
  });
  expect(closed.status).toBe(200);

  const doc = await stored(id);
  expect(doc.insuranceClaim).toMatchObject({ status: "closed", declaredOn: "2026-05-12", updatedBy: ACCOUNTING });
  expect(doc.insuranceClaim!.steps.map((s) => s.status)).toEqual(["declared", "indemnified", "closed"]);
  // The receivable itself is untouched: an indemnity is not the customer's payment.
  expect(doc.openAmount).toBe("10080.00");
  expect(await sheetCell(id)).toMatchObject({ v: "Clôturée le 10/07/2026 – déclarée le 12/05/2026, réf. SIN-778" });

  const audit = await claimEvents(id);
  expect(audit.map((e) => [e.before.status, e.after.status])).toEqual([
    [null, "declared"],
    ["declared", "indemnified"],
    ["indemnified", "closed"],
  ]);
  expect(audit.map((e) => e.by)).toEqual([ACCOUNTING, ADMIN, ACCOUNTING]);
  expect((await api.call("GET", `${base}/audit/verify`, { as: ADMIN })).body.ok).toBe(true);
});

test("idempotent: a replay answers the first answer; the same step again changes nothing; a refusal leads nowhere", async () => {
  const { id } = await openInvoice();
  api.setToday("2026-05-12");
  const body = { status: "refused", on: "2026-05-12" };
  const declare = { status: "declared", on: "2026-05-12", reference: "SIN-1" };
  const first = await api.call("POST", claimPath(id), { as: ACCOUNTING, body: declare, key: "declare-1" });
  expect(first.status).toBe(200);
  const after = await snapshotAll(fs.db);
  expect(await api.call("POST", claimPath(id), { as: ACCOUNTING, body: declare, key: "declare-1" })).toEqual(first);
  expect(await snapshotAll(fs.db)).toEqual(after);

  // Sent again under another key (a person clicking twice): answered unchanged, no event, claim as it was.
  const again = await api.call("POST", claimPath(id), { as: ACCOUNTING, body: declare, key: "declare-2" });
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ changed: false, insuranceClaim: first.body.insuranceClaim });
  expect(await claimEvents(id)).toHaveLength(1);

  expect((await api.call("POST", claimPath(id), { as: ACCOUNTING, body })).status).toBe(200);
  const error = await refused(
    claimPath(id),
    { as: ACCOUNTING, body: { status: "indemnified", on: "2026-05-12", amount: "100.00" } },
    409,
    "INVALID_STATE",
  );
  expect(error.message).toBe(
    "Assurance-crédit de la facture FA-2026-000002 : après l'étape « refusée », « indemnisée » ne peut pas suivre : étape suivante possible « clôturée ».",
  );
  expect(error.details).toEqual([
    {
      path: "status",
      message:
        "Statut : après l'étape « refusée », « indemnisée » ne peut pas suivre : étape suivante possible « clôturée ».",
    },
  ]);
});

test("steps out of order, bad days and amounts are French 4xx that change nothing", async () => {
  const { id, depositInvoiceId } = await openInvoice();
  api.setToday("2026-05-12");
  const as = ACCOUNTING;
  const closedFirst = await refused(
    claimPath(id),
    { as, body: { status: "closed", on: "2026-05-12" } },
    409,
    "INVALID_STATE",
  );
  expect(closedFirst.message).toMatch(
    /une créance non déclarée ne peut pas passer à « clôturée » : déclarez-la d'abord/,
  );
  const future = await refused(
    claimPath(id),
    { as, body: { status: "declared", on: "2026-05-13" } },
    400,
    "VALIDATION_FAILED",
  );
  expect(future.details).toEqual([
    { path: "on", message: "Date : le 13/05/2026 est à venir, indiquez une date passée ou aujourd'hui." },
  ]);
  const above = await refused(
    claimPath(id),
    { as, body: { status: "declared", on: "2026-05-12", amount: "10080.01" } },
    400,
    "VALIDATION_FAILED",
  );
  expect(above.details[0]).toMatchObject({ path: "amount" });
  expect(above.message).toMatch(/dépasse le total de la facture FA-2026-000002 \(10\u202f080,00\u00a0€\)/);
  const badStatus = await refused(
    claimPath(id),
    { as, body: { status: "paid", on: "2026-05-12" } },
    400,
    "VALIDATION_FAILED",
  );
  expect(badStatus.details[0].message).toMatch(/^Statut : doit valoir declared \(déclarée\)/);
  const noIndemnity = await refused(
    claimPath(id),
    { as, body: { status: "indemnified", on: "2026-05-12" } },
    400,
    "VALIDATION_FAILED",
  );
  expect(noIndemnity.details).toEqual([
    { path: "amount", message: "Montant : indiquez le montant de l'indemnité reçue." },
  ]);

  expect((await api.call("POST", claimPath(id), { as, body: { status: "declared", on: "2026-05-10" } })).status).toBe(
    200,
  );
  await refused(claimPath(id), { as, body: { status: "closed", on: "2026-05-12" } }, 409, "INVALID_STATE");
  const redeclared = await refused(
    claimPath(id),
    { as, body: { status: "declared", on: "2026-05-11" } },
    409,
    "INVALID_STATE",
  );
  expect(redeclared.message).toMatch(/l'étape « déclarée » est déjà enregistrée au 10\/05\/2026/);
  const before = await refused(
    claimPath(id),
    { as, body: { status: "refused", on: "2026-05-09" } },
    400,
    "VALIDATION_FAILED",
  );
  expect(before.details[0].message).toBe("Date : le 09/05/2026 précède l'étape « déclarée » du 10/05/2026.");

  // A deposit invoice is issued paid: nothing to declare.
  await refused(
    claimPath(depositInvoiceId),
    { as, body: { status: "declared", on: "2026-05-12" } },
    409,
    "ALREADY_PAID",
  );
  await refused(claimPath("inconnue"), { as, body: { status: "declared", on: "2026-05-12" } }, 404, "NOT_FOUND");
});

test("roles: accounting approvers and admins only; unauthenticated 401", async () => {
  const { id } = await openInvoice();
  const body = { status: "declared", on: "2026-02-20" };
  for (const who of [REQUESTER, SALES]) await refused(claimPath(id), { as: who, body }, 403, "FORBIDDEN");
  await refused(claimPath(id), { token: null, body }, 401, "UNAUTHENTICATED");
});

test("GET …/invoices/{id}/insurance-claim: the claim as stored with the invoice's total, null before any step; accounting and admins only", async () => {
  const { id } = await openInvoice();
  const read = (as: string) => api.call("GET", claimPath(id), { as });
  const before = await read(ACCOUNTING);
  expect(before.status).toBe(200);
  expect(before.body).toEqual({
    id,
    number: "FA-2026-000002",
    customer: DEPOSIT_BODY.customer.name,
    gross: "10080.00",
    dueDate: "2026-03-22",
    openAmount: "10080.00",
    insuranceClaim: null,
    summary: null,
  });
  api.setToday("2026-05-12");
  const declared = await api.call("POST", claimPath(id), {
    as: ACCOUNTING,
    body: { status: "declared", on: "2026-05-12", reference: "SIN-778" },
  });
  expect(declared.status).toBe(200);
  const after = await read(ADMIN);
  expect(after.body).toMatchObject({
    insuranceClaim: declared.body.insuranceClaim,
    summary: "Déclarée le 12/05/2026, réf. SIN-778",
  });
  // The phrase of the `Factures` sheet's « Assurance-crédit ».
  expect(await sheetCell(id)).toMatchObject({ v: after.body.summary });
  for (const who of [REQUESTER, SALES]) expect((await read(who)).status).toBe(403);
  const missing = await api.call("GET", claimPath("nope"), { as: ACCOUNTING });
  expect(missing.status).toBe(404);
  expect(missing.body.error.message).toBe("Facture introuvable : nope.");
});

describe("a customer's cover names a configured insurer", () => {
  const record = customerIdOf(customerKey(DEPOSIT_BODY.customer as never));
  const cover = (insurer: string) => ({ insurance: { insurer, limit: "20000.00", grantedOn: "2026-01-02" } });

  test("stored under the configured name, whatever the case typed; another insurer is refused in French", async () => {
    await openInvoice();
    const ok = await api.call("POST", `${base}/customers/${record}`, { as: ACCOUNTING, body: cover("allianz TRADE") });
    expect(ok.status).toBe(200);
    expect(ok.body.insurance).toEqual({ insurer: "Allianz Trade", limit: "20000.00", grantedOn: "2026-01-02" });
    const error = await refused(
      `${base}/customers/${record}`,
      { as: ACCOUNTING, body: cover("Atradius") },
      400,
      "VALIDATION_FAILED",
    );
    expect(error.details).toEqual([
      {
        path: "insurance.insurer",
        message:
          "Assureur : l'assureur Atradius n'est pas configuré pour la société (assureurs configurés : Allianz Trade, Coface).",
      },
    ]);
    const created = await refused(
      `${base}/customers`,
      { as: SALES, body: { name: "Garage Dupuis SAS", kind: "b2b", siren: "552100554", ...cover("Atradius") } },
      400,
      "VALIDATION_FAILED",
    );
    expect(created.details[0].path).toBe("insurance.insurer");
  });
});

test("GET …/insurance-claims lists the invoices with a claim, by step, page by page; accounting and admins only", async () => {
  const { id } = await openInvoice();
  const other = await api.call("POST", `${base}/invoices/final`, {
    as: ACCOUNTING,
    body: { ...FINAL, orderRef: "CMD-2026-099", customer: DEPOSIT_BODY.customer, paymentTermsDays: 30 },
  });
  expect(other.status).toBe(201);
  api.setToday("2026-05-12");
  for (const invoice of [id, other.body.id])
    expect(
      (await api.call("POST", claimPath(invoice), { as: ACCOUNTING, body: { status: "declared", on: "2026-05-12" } }))
        .status,
    ).toBe(200);
  expect(
    (
      await api.call("POST", claimPath(other.body.id), {
        as: ACCOUNTING,
        body: { status: "refused", on: "2026-05-12" },
      })
    ).status,
  ).toBe(200);

  const list = (query: string, as = ACCOUNTING) => api.call("GET", `${base}/insurance-claims${query}`, { as });
  const declared = await list("?status=declared");
  expect(declared.status).toBe(200);
  expect(declared.body).toEqual({
    claims: [
      {
        id,
        number: "FA-2026-000002",
        customer: "Hôtel Bellevue SARL",
        dueDate: "2026-03-22",
        openAmount: "10080.00",
        insuranceClaim: {
          status: "declared",
          declaredOn: "2026-05-12",
          reference: null,
          steps: [{ status: "declared", on: "2026-05-12", reference: null, amount: null }],
        },
      },
    ],
    next: null,
  });
  const first = await list("?limit=1");
  expect(first.body.claims).toHaveLength(1);
  expect(first.body.next).toBe(first.body.claims[0].id);
  const second = await list(`?limit=1&after=${first.body.next}`);
  expect(second.body.next).toBeNull();
  expect([first.body.claims[0].id, second.body.claims[0].id].sort()).toEqual([id, other.body.id].sort());
  expect(
    second.body.claims
      .concat(first.body.claims)
      .map((c: { insuranceClaim: { status: string } }) => c.insuranceClaim.status)
      .sort(),
  ).toEqual(["declared", "refused"]);

  const bad = await list("?status=payee");
  expect(bad.status).toBe(400);
  expect(bad.body.error.details[0].message).toMatch(/^Statut : doit valoir declared/);
  expect((await list("", SALES)).status).toBe(403);
  expect((await list("", ADMIN)).status).toBe(200);
});
