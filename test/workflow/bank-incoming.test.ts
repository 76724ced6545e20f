/**
 * Incoming bank entries (issue #15, docs/bank.md): a statement's credits
 * settle the open final, external and penalty invoices they name or point
 * to — by document number or structured reference, by amount with the
 * payer's name or a known IBAN — through the payment workflow on the
 * booking date (ledger D512 / C411, lettering, open amounts). What is
 * ambiguous or unknown waits « À rapprocher » with ranked suggestions; a
 * person matches it (« Rapprocher ») or undoes a match (reversing entry,
 * audit event). Statements are generated and validated against the
 * camt.053.001.08 schema.
 */
import { camtStatement, type FakeEntry } from "../../functions/testing/bank/camt-statement";
import { validateAgainstSchema } from "../../functions/testing/bank/xmllint";
import { BANK_ENTRIES, COMPANIES, CUSTOMERS, EVENTS, INVOICES, PAYMENTS } from "../../functions/src/model/collections";
import type { PaymentDoc } from "../../functions/src/model/payment";
import { customerIdOf } from "../../functions/src/model/customer";
import { seedCompany, snapshotAll, type CallOptions, type CallResult, type TestApi } from "../support/workflow-api";
import { wordingProblems } from "../support/french-wording";
import { workflowSuite } from "./suite";
import { journalLines } from "./journal-lines";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, SALES, USERS } from "./fixtures";

const COMPANY_IBAN = "FR7630006000011234567890189";
const GARAGE_IBAN = "FR1420041010050500013M02606";
const OTHER = "autre";

const suite = workflowSuite("wfbankin", { bankIban: COMPANY_IBAN });
const fs = suite.fs;
let api: TestApi;
const base = `/v1/companies/${C}`;
beforeEach(() => (api = suite.api));

const GARAGE = { name: "Garage Dupuis SAS", kind: "b2b", siren: "552100554" };
const BAKERY = { name: "Boulangerie Martin", kind: "b2b", siren: "403052111" };
const CATERER = { name: "Traiteur Lenoir", kind: "b2b", siren: "784671695" };
const STUDIO = { name: "Atelier Blanc", kind: "b2b", siren: "351355839" };

/** An invoice issued by another tool, open for `gross` (all at 20 %: net + VAT = gross). */
async function external(number: string, customer: object, gross: string, company = C) {
  const net = (Math.round((Number(gross) / 1.2) * 100) / 100).toFixed(2);
  const vat = (Math.round((Number(gross) - Number(net)) * 100) / 100).toFixed(2);
  const res = await api.call("POST", `/v1/companies/${company}/invoices/external`, {
    as: ACCOUNTING,
    body: {
      number,
      date: "2026-02-01",
      customer,
      orderRef: `CMD-${number}`,
      lines: [{ vatRate: "20", net, vat }],
      dueDate: "2026-03-03",
    },
  });
  expect([res.status, res.body.error?.message, res.body.openAmount]).toEqual([201, undefined, gross]);
  return res.body.id as string;
}

function statementFile(id: string, entries: FakeEntry[]) {
  const xml = camtStatement({ id, iban: COMPANY_IBAN, createdAt: "2026-04-02T06:00:00", entries });
  const verdict = validateAgainstSchema(xml, "camt.053.001.08.xsd");
  expect([verdict.ok, verdict.output]).toEqual([true, expect.any(String)]);
  return xml;
}

const importStatement = (file: string, options: CallOptions = {}) =>
  api.call("POST", `${base}/bank/statements`, { as: ACCOUNTING, body: { file }, ...options });
const match = (entryId: string, allocations: unknown[], options: CallOptions = {}) =>
  api.call("POST", `${base}/bank/entries/${entryId}/match`, { as: ACCOUNTING, body: { allocations }, ...options });
const unmatch = (entryId: string, reason: string, options: CallOptions = {}) =>
  api.call("POST", `${base}/bank/entries/${entryId}/unmatch`, { as: ACCOUNTING, body: { reason }, ...options });

const company = () => fs.db.collection(COMPANIES).doc(C);
async function invoice(id: string) {
  const d = (await company().collection(INVOICES).doc(id).get()).data()!;
  return { openAmount: d.openAmount, paidOn: d.paidOn, letters: d.letters ?? [] };
}
/** Each journal entry's lines as [account, debit, credit], in validation order. */
const bankLines = () => journalLines(fs.db, C);
const payments = async () =>
  (await company().collection(PAYMENTS).get()).docs.map((d) => ({ id: d.id, ...(d.data() as PaymentDoc) }));

type Imported = { id: string; entryRef: string; status: string; explanation: string };
const byRef = (answer: CallResult) =>
  Object.fromEntries(answer.body.entries.map((e: Imported) => [e.entryRef, e])) as Record<string, Imported>;

/** A refused call: its status, a French message, and not one document changed. */
async function refusedUnchanged(call: () => Promise<CallResult>, status: number) {
  const before = await snapshotAll(fs.db);
  const answer = await call();
  expect([answer.status, answer.body.error?.code]).toEqual([status, expect.any(String)]);
  const texts = [answer.body.error.message, ...answer.body.error.details.map((d: { message: string }) => d.message)];
  expect(texts.flatMap((t) => wordingProblems(t))).toEqual([]);
  expect(await snapshotAll(fs.db)).toEqual(before);
  return answer.body.error;
}

async function verifyChains() {
  const res = await api.call("GET", `${base}/audit/verify`, { as: ADMIN });
  expect(res.status).toBe(200);
  return res.body.findings.map((f: { problem: string }) => f.problem);
}

test("every incoming case: reference, structured reference, amount and name, partial and several transfers for one invoice, one transfer for several invoices, ambiguous and unknown; a learned IBAN matches the next statement", async () => {
  // A final invoice of ours (goods: VAT on debits), and invoices imported from another tool.
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  expect(dep.status).toBe(201);
  api.setToday("2026-02-20");
  const final = await api.call("POST", `${base}/invoices/final`, {
    as: ACCOUNTING,
    body: {
      orderRef: DEPOSIT_BODY.orderRef,
      supplyKind: "goods",
      lines: [{ vatRate: "20", net: "12000.00", label: "Agencement salle" }],
    },
  });
  expect([final.status, final.body.number, final.body.openAmount]).toEqual([201, "FA-2026-000002", "10080.00"]);
  const f1 = await external("2026-F-0001", GARAGE, "1200.00");
  const f2 = await external("2026-F-0002", GARAGE, "600.00");
  const f3 = await external("2026-F-0003", GARAGE, "300.00");
  const bakery = await external("2026-B-0100", BAKERY, "840.00");
  const g1 = await external("2026-G-0001", STUDIO, "250.00");
  const g2 = await external("2026-G-0002", STUDIO, "150.00");
  const lenoirA = await external("2026-L-0001", CATERER, "450.00");
  const lenoirB = await external("2026-L-0002", CATERER, "450.00");

  api.setToday("2026-04-02");
  const journalBefore = (await bankLines()).length;
  const first = await importStatement(
    statementFile("REL-2026-03", [
      // The number in the remittance, as the customer typed it, from an IBAN Acompte does not know yet.
      {
        ref: "IN-1",
        amount: "1200.00",
        direction: "credit",
        bookingDate: "2026-03-10",
        remittance: ["Reglement fact 2026 F 0001"],
        counterpartyName: "GARAGE DUPUIS",
        counterpartyIban: GARAGE_IBAN,
      },
      // The number as structured creditor reference (SCOR).
      {
        ref: "IN-2",
        amount: "10080.00",
        direction: "credit",
        bookingDate: "2026-03-11",
        creditorReference: "FA-2026-000002",
        counterpartyName: "HOTEL BELLEVUE",
      },
      // No reference: the amount and the payer's name.
      {
        ref: "IN-3",
        amount: "840.00",
        direction: "credit",
        bookingDate: "2026-03-12",
        counterpartyName: "BOULANGERIE MARTIN",
      },
      // Two transfers for one invoice: a partial payment, then the rest.
      {
        ref: "IN-4",
        amount: "100.00",
        direction: "credit",
        bookingDate: "2026-03-13",
        remittance: ["Acompte sur facture 2026-F-0003"],
      },
      {
        ref: "IN-5",
        amount: "200.00",
        direction: "credit",
        bookingDate: "2026-03-20",
        remittance: ["Solde facture 2026-F-0003"],
      },
      // One transfer for two invoices named in the remittance.
      {
        ref: "IN-6",
        amount: "400.00",
        direction: "credit",
        bookingDate: "2026-03-21",
        remittance: ["Factures 2026-G-0001 et 2026-G-0002"],
        counterpartyName: "ATELIER BLANC",
      },
      // Ambiguous: two invoices of the same customer and amount.
      {
        ref: "IN-7",
        amount: "450.00",
        direction: "credit",
        bookingDate: "2026-03-22",
        counterpartyName: "TRAITEUR LENOIR",
      },
      // Unknown.
      { ref: "IN-8", amount: "77.77", direction: "credit", bookingDate: "2026-03-23", counterpartyName: "M DURAND" },
    ]),
  );
  expect([first.status, first.body.error?.message, first.body.created]).toEqual([201, undefined, 8]);
  const entries = byRef(first);
  for (const e of Object.values(entries)) expect(wordingProblems(e.explanation)).toEqual([]);
  expect(Object.values(entries).map((e) => [e.entryRef, e.status])).toEqual([
    ["IN-1", "applied"],
    ["IN-2", "applied"],
    ["IN-3", "applied"],
    ["IN-4", "applied"],
    ["IN-5", "applied"],
    ["IN-6", "applied"],
    ["IN-7", "to_reconcile"],
    ["IN-8", "to_reconcile"],
  ]);
  expect(entries["IN-4"].explanation).toMatch(/payée en partie : 100,00\s€, reste 200,00\s€ dû/);
  expect(entries["IN-8"].explanation).toContain("aucune pièce ouverte ne correspond");

  // Open amounts and payment dates: the booking dates.
  expect(await invoice(f1)).toMatchObject({ openAmount: "0.00", paidOn: "2026-03-10" });
  expect(await invoice(final.body.id)).toMatchObject({ openAmount: "0.00", paidOn: "2026-03-11" });
  expect(await invoice(bakery)).toMatchObject({ openAmount: "0.00", paidOn: "2026-03-12" });
  expect(await invoice(f3)).toMatchObject({ openAmount: "0.00", paidOn: "2026-03-20" });
  expect((await invoice(f3)).letters).toHaveLength(2);
  expect(await invoice(g1)).toMatchObject({ openAmount: "0.00", paidOn: "2026-03-21" });
  expect(await invoice(g2)).toMatchObject({ openAmount: "0.00", paidOn: "2026-03-21" });
  for (const id of [f2, lenoirA, lenoirB]) expect((await invoice(id)).paidOn).toBeNull();

  // One payment per transfer (the two invoices of IN-6 in one), each posted D512 / C411 for the transfer's amount.
  const paid = await payments();
  expect(paid.map((p) => [p.date, p.amount, p.allocations.map((a: { number: string }) => a.number)]).sort()).toEqual([
    ["2026-03-10", "1200.00", ["2026-F-0001"]],
    ["2026-03-11", "10080.00", ["FA-2026-000002"]],
    ["2026-03-12", "840.00", ["2026-B-0100"]],
    ["2026-03-13", "100.00", ["2026-F-0003"]],
    ["2026-03-20", "200.00", ["2026-F-0003"]],
    ["2026-03-21", "400.00", ["2026-G-0001", "2026-G-0002"]],
  ]);
  const posted = (await bankLines()).slice(journalBefore);
  expect(posted.map((e) => e.kind)).toEqual(Array(6).fill("payment_received"));
  expect(posted.map((e) => e.lines)).toEqual(
    ["1200.00", "10080.00", "840.00", "100.00", "200.00", "400.00"].map((a) => [
      ["411", "0.00", a],
      ["512", a, "0.00"],
    ]),
  );
  // Each entry keeps what it settled and the payment it recorded.
  const stored = (await company().collection(BANK_ENTRIES).doc(entries["IN-6"].id).get()).data()!;
  expect(stored.allocations.map((a: { reference: string; amount: string }) => [a.reference, a.amount])).toEqual([
    ["2026-G-0001", "250.00"],
    ["2026-G-0002", "150.00"],
  ]);
  expect(stored.payments).toEqual([paid.find((p) => p.amount === "400.00")!.id]);
  expect(paid.every((p) => typeof p.bankEntryId === "string")).toBe(true);

  // Ambiguous: ranked suggestions, the two invoices of the customer named first; listed to reconcile.
  const waiting = await api.call("GET", `${base}/bank/entries?status=to_reconcile`, { as: ACCOUNTING });
  expect(waiting.status).toBe(200);
  expect(waiting.body.entries.map((e: { entryRef: string }) => e.entryRef)).toEqual(["IN-7", "IN-8"]);
  const ambiguous = waiting.body.entries[0];
  expect(ambiguous).toMatchObject({
    amount: "450.00",
    direction: "credit",
    counterpartyName: "TRAITEUR LENOIR",
    status: "to_reconcile",
    statusLabel: "À rapprocher",
    allocations: [],
  });
  expect(
    ambiguous.suggestions.map((s: { score: number; allocations: { reference: string }[] }) => [
      s.score,
      s.allocations.map((a) => a.reference),
    ]),
  ).toEqual([
    [40, ["2026-L-0001"]],
    [40, ["2026-L-0002"]],
  ]);
  expect(ambiguous.explanation).toContain("plusieurs pièces correspondent autant");
  expect(waiting.body.entries[1].suggestions).toEqual([]);

  // The next statement: 600.00 from the IBAN the garage paid from, under another name, settles its invoice.
  const second = await importStatement(
    statementFile("REL-2026-04", [
      {
        ref: "IN-9",
        amount: "600.00",
        direction: "credit",
        bookingDate: "2026-03-30",
        counterpartyName: "DUPUIS HOLDING",
        counterpartyIban: GARAGE_IBAN,
      },
    ]),
  );
  expect(byRef(second)["IN-9"]).toMatchObject({ status: "applied" });
  expect(byRef(second)["IN-9"].explanation).toContain("même IBAN");
  expect(await invoice(f2)).toMatchObject({ openAmount: "0.00", paidOn: "2026-03-30" });
  expect(await verifyChains()).toEqual([]);
});

test("« Rapprocher » then unmatch: the payment recorded on the booking date, then reversed with an audit event; refusals change nothing", async () => {
  api.setToday("2026-02-20");
  const lenoirA = await external("2026-L-0001", CATERER, "450.00");
  const lenoirB = await external("2026-L-0002", CATERER, "450.00");
  const settled = await external("2026-L-0003", CATERER, "90.00");
  await seedCompany(fs.db, OTHER, USERS as never, { bankIban: COMPANY_IBAN });
  const foreign = await external("2026-X-0001", CATERER, "77.77", OTHER);
  await api.call("POST", `${base}/payments`, {
    as: ACCOUNTING,
    body: { customer: CATERER, date: "2026-02-10", amount: "90.00", means: "virement", invoiceIds: [settled] },
  });

  api.setToday("2026-04-02");
  const imported = await importStatement(
    statementFile("REL-2026-03", [
      { ref: "IN-7", amount: "450.00", direction: "credit", bookingDate: "2026-03-22", counterpartyName: "LENOIR" },
      { ref: "IN-8", amount: "77.77", direction: "credit", bookingDate: "2026-03-23" },
      // A transfer of ours returned without our reference: not a customer's payment.
      { ref: "IN-9", amount: "450.00", direction: "credit", bookingDate: "2026-03-24", reversal: true },
    ]),
  );
  const { "IN-7": ambiguous, "IN-8": unknown, "IN-9": returned } = byRef(imported);
  expect(returned.status).toBe("to_reconcile");
  const notPayment = await refusedUnchanged(
    () => match(returned.id, [{ itemKind: "external_invoice", itemId: lenoirA, amount: "450.00" }]),
    422,
  );
  expect(notPayment.message).toContain("virement retourné");
  expect([ambiguous.status, unknown.status]).toEqual(["to_reconcile", "to_reconcile"]);

  // Refused, nothing changed: more than the entry, an item settled, another company's, an instalment for a credit.
  const over = await refusedUnchanged(
    () => match(unknown.id, [{ itemKind: "external_invoice", itemId: lenoirA, amount: "100.00" }]),
    422,
  );
  expect(over.message).toMatch(/dépassent l'opération \(77,77\s€\)/);
  const closed = await refusedUnchanged(
    () => match(unknown.id, [{ itemKind: "external_invoice", itemId: settled, amount: "50.00" }]),
    422,
  );
  expect(closed.message).toContain("déjà soldée");
  const elsewhere = await refusedUnchanged(
    () => match(unknown.id, [{ itemKind: "external_invoice", itemId: foreign, amount: "77.77" }]),
    422,
  );
  expect(elsewhere.message).toContain("introuvable");
  await refusedUnchanged(() => match(unknown.id, [{ itemKind: "instalment", itemId: "abc-1", amount: "77.77" }]), 422);
  for (const who of [REQUESTER, SALES])
    await refusedUnchanged(
      () => match(ambiguous.id, [{ itemKind: "external_invoice", itemId: lenoirB, amount: "450.00" }], { as: who }),
      403,
    );

  // A person picks the second invoice.
  const journalBefore = (await bankLines()).length;
  const picked = await match(ambiguous.id, [{ itemKind: "external_invoice", itemId: lenoirB, amount: "450.00" }], {
    key: "match-in7",
  });
  expect([picked.status, picked.body.error?.message]).toEqual([200, undefined]);
  expect(picked.body).toMatchObject({
    id: ambiguous.id,
    status: "applied",
    statusLabel: "Rapprochée",
    allocations: [{ itemKind: "external_invoice", itemId: lenoirB, reference: "2026-L-0002", amount: "450.00" }],
  });
  expect(wordingProblems(picked.body.explanation)).toEqual([]);
  const retried = await match(ambiguous.id, [{ itemKind: "external_invoice", itemId: lenoirB, amount: "450.00" }], {
    key: "match-in7",
  });
  expect(retried.body).toEqual(picked.body);
  expect(await invoice(lenoirB)).toMatchObject({ openAmount: "0.00", paidOn: "2026-03-22" });
  expect(await invoice(lenoirA)).toMatchObject({ openAmount: "450.00", paidOn: null });
  expect((await bankLines()).slice(journalBefore).map((e) => e.lines)).toEqual([
    [
      ["411", "0.00", "450.00"],
      ["512", "450.00", "0.00"],
    ],
  ]);
  const listed = await api.call("GET", `${base}/bank/entries?status=to_reconcile`, { as: ACCOUNTING });
  expect(listed.body.entries.map((e: { entryRef: string }) => e.entryRef)).toEqual(["IN-8", "IN-9"]);

  // Matched twice: refused.
  const twice = await refusedUnchanged(
    () => match(ambiguous.id, [{ itemKind: "external_invoice", itemId: lenoirA, amount: "450.00" }]),
    409,
  );
  expect(twice.code).toBe("BANK_ENTRY_MATCHED");
  await refusedUnchanged(() => unmatch(unknown.id, "erreur"), 409);

  // Undone: the invoice open again, the payment cancelled and reversed D411 / C512, an audit event with the reason.
  // As if the profiles were refreshed since the match: undoing the payment marks the caterer's profile again.
  const caterer = company().collection(CUSTOMERS).doc(customerIdOf("siren:784671695"));
  await caterer.update({ profileStale: false });
  const undone = await unmatch(ambiguous.id, "Virement du traiteur pour une autre commande");
  expect((await caterer.get()).get("profileStale")).toBe(true);
  expect([undone.status, undone.body.error?.message]).toEqual([200, undefined]);
  expect(undone.body).toMatchObject({ status: "unmatched", statusLabel: "Rapprochement annulé", allocations: [] });
  expect(wordingProblems(undone.body.explanation)).toEqual([]);
  expect(await invoice(lenoirB)).toMatchObject({ openAmount: "450.00", paidOn: null, letters: [] });
  const lines = (await bankLines()).slice(journalBefore);
  expect(lines.map((e) => [e.kind, e.lines])).toEqual([
    [
      "payment_received",
      [
        ["411", "0.00", "450.00"],
        ["512", "450.00", "0.00"],
      ],
    ],
    [
      "bank_match_reversed",
      [
        ["411", "450.00", "0.00"],
        ["512", "0.00", "450.00"],
      ],
    ],
  ]);
  const cancelled = (await payments()).find((p) => p.bankEntryId === ambiguous.id)!;
  expect(cancelled.cancelled).toMatchObject({ by: ACCOUNTING, reason: "Virement du traiteur pour une autre commande" });
  const events = await company().collection(EVENTS).where("type", "==", "bank_entry.unmatched").get();
  expect(events.docs.map((d) => [d.get("by"), d.get("subject.id"), d.get("reason")])).toEqual([
    [ACCOUNTING, ambiguous.id, "Virement du traiteur pour une autre commande"],
  ]);
  const again = await api.call("GET", `${base}/bank/entries?status=to_reconcile`, { as: ACCOUNTING });
  expect(again.body.entries.map((e: { entryRef: string; status: string }) => [e.entryRef, e.status])).toEqual([
    ["IN-7", "unmatched"],
    ["IN-8", "to_reconcile"],
    ["IN-9", "to_reconcile"],
  ]);

  // Matched again, to the first invoice this time.
  const rematched = await match(ambiguous.id, [{ itemKind: "external_invoice", itemId: lenoirA, amount: "450.00" }]);
  expect([rematched.status, rematched.body.status]).toEqual([200, "applied"]);
  expect(await invoice(lenoirA)).toMatchObject({ openAmount: "0.00", paidOn: "2026-03-22" });
  expect(await verifyChains()).toEqual([]);
});

test("the same statement imported twice at once: each credit recorded once, each invoice paid once", async () => {
  api.setToday("2026-02-20");
  const f1 = await external("2026-F-0001", GARAGE, "1200.00");
  api.setToday("2026-04-02");
  const file = statementFile("REL-C", [
    { ref: "IN-1", amount: "700.00", direction: "credit", bookingDate: "2026-03-10", remittance: ["2026-F-0001"] },
    { ref: "IN-2", amount: "500.00", direction: "credit", bookingDate: "2026-03-11", remittance: ["2026-F-0001"] },
  ]);
  const answers = await Promise.all([importStatement(file), importStatement(file, { as: ADMIN })]);
  expect(answers.map((a) => a.status)).toEqual([201, 201]);
  expect(answers.map((a) => a.body.created).sort()).toEqual([0, 2]);
  expect(await invoice(f1)).toMatchObject({ openAmount: "0.00", paidOn: "2026-03-11" });
  expect((await payments()).map((p) => p.amount).sort()).toEqual(["500.00", "700.00"]);
  expect((await bankLines()).filter((e) => e.kind === "payment_received")).toHaveLength(2);
});

test("a penalty invoice (L441-10 penalties and the D441-5 indemnity, worked example of penalty-invoice.test.ts) is settled by the transfer naming it", async () => {
  // 10 000,00 € due 31/01/2026, paid 02/03/2026: 99,86 € of penalties + 40,00 € = 139,86 €.
  const late = await api.call("POST", `${base}/invoices/external`, {
    as: ACCOUNTING,
    body: {
      number: "2026-F-0001",
      date: "2026-01-01",
      customer: GARAGE,
      orderRef: "ERP-5000",
      lines: [{ vatRate: "20", net: "8333.33", vat: "1666.67" }],
      dueDate: "2026-01-31",
    },
  });
  expect(late.status).toBe(201);
  api.setToday("2026-03-05");
  const paidLate = await api.call("POST", `${base}/payments`, {
    as: ACCOUNTING,
    body: { customer: GARAGE, date: "2026-03-02", amount: "10000.00", means: "virement", invoiceIds: [late.body.id] },
  });
  expect(paidLate.status).toBe(201);
  const penalty = await api.call("POST", `${base}/invoices/${late.body.id}/penalties`, { as: ACCOUNTING, body: {} });
  expect([penalty.status, penalty.body.type, penalty.body.openAmount]).toEqual([201, "penalty", "139.86"]);

  api.setToday("2026-04-02");
  const imported = await importStatement(
    statementFile("REL-PEN", [
      {
        ref: "IN-P",
        amount: "139.86",
        direction: "credit",
        bookingDate: "2026-03-30",
        remittance: [`Penalites ${penalty.body.number}`],
        counterpartyName: "GARAGE DUPUIS",
      },
    ]),
  );
  const entry = byRef(imported)["IN-P"];
  expect(entry.status).toBe("applied");
  expect(entry.explanation).toContain(`facture de pénalités ${penalty.body.number}`);
  expect(await invoice(penalty.body.id)).toMatchObject({ openAmount: "0.00", paidOn: "2026-03-30" });
  expect((await bankLines()).at(-1)!.lines).toEqual([
    ["411", "0.00", "139.86"],
    ["512", "139.86", "0.00"],
  ]);
});

test("« Rapprocher » with a picked invoice and no amount: what it still owes, within what the entry has left", async () => {
  api.setToday("2026-02-20");
  const small = await external("2026-F-0101", STUDIO, "300.00");
  const large = await external("2026-F-0102", STUDIO, "900.00");
  api.setToday("2026-04-02");
  const imported = await importStatement(
    statementFile("REL-PICK", [
      { ref: "IN-P1", amount: "500.00", direction: "credit", bookingDate: "2026-03-12" },
      { ref: "IN-P2", amount: "250.00", direction: "credit", bookingDate: "2026-03-13" },
    ]),
  );
  expect(imported.status).toBe(201);
  const { "IN-P1": first, "IN-P2": second } = byRef(imported);
  expect([first.status, second.status]).toEqual(["to_reconcile", "to_reconcile"]);

  // 500,00 € picked for an invoice owing 300,00 €: it takes 300,00 €, 200,00 € stay unallocated.
  const one = await match(first.id, [{ itemKind: "external_invoice", itemId: small }]);
  expect([one.status, one.body.error?.message]).toEqual([200, undefined]);
  expect(one.body.allocations.map((a: { amount: string }) => a.amount)).toEqual(["300.00"]);
  expect(one.body.explanation).toContain("200,00\u00a0€ de l'opération restent non rapprochés");
  expect(await invoice(small)).toMatchObject({ openAmount: "0.00", paidOn: "2026-03-12" });

  // 250,00 € picked for an invoice owing 900,00 €: a partial payment of 250,00 €.
  const two = await match(second.id, [{ itemKind: "external_invoice", itemId: large }]);
  expect([two.status, two.body.error?.message]).toEqual([200, undefined]);
  expect(await invoice(large)).toMatchObject({ openAmount: "650.00", paidOn: null });
  expect((await payments()).map((p) => p.amount).sort()).toEqual(["250.00", "300.00"]);
});
