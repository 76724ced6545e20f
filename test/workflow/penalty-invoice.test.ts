/**
 * The penalty invoice (POST …/invoices/{id}/penalties): the late-payment
 * penalties (Code de commerce L441-10) and the €40 recovery indemnity
 * (D441-5) a company claims on a late invoice of a professional customer,
 * numbered in the invoice series, without VAT (CGI art. 256), posted
 * D411 / C7631 / C7588, open like any receivable.
 *
 * Worked example: 10 000,00 € due 31/01/2026, paid 02/03/2026 → 30 days
 * (01/02 to 02/03 inclusive) at 2,15 % (ECB, 1 January 2026) + 10 points =
 * 12,15 %: 10 000 × 12,15 % × 30 / 365 = 99,863… → 99,86 €, + 40,00 € = 139,86 €.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FEC_FIELDS, checkFecText, money, type Money } from "../../functions/src/domain";
import type { Reminder } from "../../functions/src/domain/reminders/reminder";
import type { JournalEntryDoc } from "../../functions/src/model/journal-entry";
import { reminderSettingsSchema } from "../../functions/src/domain/reminders/reminder-settings";
import { firestoreReminderSource } from "../../functions/src/jobs/firestore-reminder-source";
import { wordingProblems } from "../support/french-wording";
import { TestApi, snapshotAll } from "../support/workflow-api";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, SALES, refundBody } from "./fixtures";
import { workflowSuite } from "./suite";

const suite = workflowSuite("wfpenalty");
const fs = suite.fs;
let api: TestApi;
const base = `/v1/companies/${C}`;
beforeEach(() => (api = suite.api));

const CUSTOMER = { name: "Garage Dupuis SAS", kind: "b2b", siren: "732829320" };
/** 10 000,00 € TTC issued by the company's ERP on 01/01/2026, due 31/01/2026. */
const LATE = {
  number: "2026-F-0001",
  date: "2026-01-01",
  customer: CUSTOMER,
  orderRef: "ERP-5000",
  lines: [{ vatRate: "20", net: "8333.33", vat: "1666.67" }],
  dueDate: "2026-01-31",
};
const penalties = (id: string) => `${base}/invoices/${id}/penalties`;

async function lateInvoice(body: Record<string, unknown> = LATE): Promise<string> {
  const res = await api.call("POST", `${base}/invoices/external`, { as: ACCOUNTING, body });
  expect(res.status).toBe(201);
  expect(res.body.openAmount).toBe("10000.00");
  return res.body.id;
}

async function pay(invoiceIds: string[], amount: string, date: string, customer = CUSTOMER) {
  const res = await api.call("POST", `${base}/payments`, {
    as: ACCOUNTING,
    body: { customer, date, amount, means: "virement", invoiceIds },
  });
  expect(res.status).toBe(201);
}

const journal = async () =>
  (await fs.db.collection(`companies/${C}/journalEntries`).get()).docs.map((d) => ({
    id: d.id,
    ...(d.data() as JournalEntryDoc),
  }));
const penaltyInvoices = async () =>
  (await fs.db.collection(`companies/${C}/invoices`).where("type", "==", "penalty").orderBy("number").get()).docs.map(
    (d) => d.data(),
  );

/** A call that must be refused with `status`/`code`, in French, changing no document. */
async function refused(path: string, options: Parameters<TestApi["call"]>[2], status: number, code: string) {
  const before = await snapshotAll(fs.db);
  const answer = await api.call("POST", path, options);
  expect([answer.status, answer.body.error.code]).toEqual([status, code]);
  expect(answer.body.error.message).toMatch(/[éèàêç]|facture|obligatoire/i);
  const texts: string[] = [
    answer.body.error.message,
    ...answer.body.error.details.map((d: { message: string }) => d.message),
  ];
  expect(texts.flatMap(wordingProblems)).toEqual([]);
  expect(await snapshotAll(fs.db)).toEqual(before);
  return answer.body.error;
}

test("worked example: one penalty invoice, numbered once under a retried key, posted balanced, audited", async () => {
  const id = await lateInvoice();
  api.setToday("2026-03-05");
  await pay([id], "10000.00", "2026-03-02");

  const first = await api.call("POST", penalties(id), { as: ACCOUNTING, body: {}, key: "penalites-2026-F-0001" });
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({
    number: "FA-2026-000001",
    type: "penalty",
    issuedOn: "2026-03-05",
    // 30 days of payment terms (the company's default).
    dueDate: "2026-04-04",
    gross: "139.86",
    openAmount: "139.86",
    paidOn: null,
    content: {
      type: "penalty",
      typeCode: "380",
      customer: CUSTOMER,
      lines: [],
      total: { net: "139.86", vat: "0.00", gross: "139.86" },
      amountDue: "139.86",
      penaltyClaim: {
        invoiceId: id,
        number: "2026-F-0001",
        date: "2026-01-01",
        dueDate: "2026-01-31",
        amountDue: "10000.00",
        tranches: [
          {
            amount: "10000.00",
            until: "2026-03-02",
            paid: true,
            daysLate: 30,
            segments: [{ from: "2026-02-01", to: "2026-03-02", days: 30, rate: "12.15", amount: "99.86" }],
            penalties: "99.86",
          },
        ],
        earlierClaims: [],
        penalties: "99.86",
        indemnity: "40.00",
        legalBasis: expect.stringMatching(/L441-10.*D441-5/),
        vatTreatment: expect.stringMatching(/^Hors champ de la TVA \(CGI art\. 256\)/),
      },
    },
  });

  // The retry with the same key answers the same invoice and writes nothing: the number was taken once.
  const after = await snapshotAll(fs.db);
  const replay = await api.call("POST", penalties(id), { as: ACCOUNTING, body: {}, key: "penalites-2026-F-0001" });
  expect(replay).toEqual(first);
  expect(await snapshotAll(fs.db)).toEqual(after);
  expect((await penaltyInvoices()).map((i) => i.number)).toEqual(["FA-2026-000001"]);

  // One entry in the sales journal: D411 139,86 / C7631 99,86 (penalties) / C7588 40,00 (indemnity), no VAT line.
  const entries = (await journal()).filter((e) => e.content.source.kind === "penaltyInvoice");
  expect(entries).toHaveLength(1);
  const entry = entries[0].content;
  expect([entry.journal, entry.kind, entry.pieceRef, entry.source.id]).toEqual([
    "VT",
    "penalty_invoice",
    "FA-2026-000001",
    first.body.id,
  ]);
  expect(entry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
    ["411", "139.86", "0.00"],
    ["7631", "0.00", "99.86"],
    ["7588", "0.00", "40.00"],
  ]);
  const total = (k: "debit" | "credit") => entry.lines.reduce<Money>((sum, l) => sum.plus(l[k]), money("0")).toFixed(2);
  expect(total("debit")).toBe(total("credit"));
  expect(first.body.journalEntry).toEqual({ id: entries[0].id, number: entries[0].content.number, lines: entry.lines });

  const events = await fs.db.collection(`companies/${C}/events`).where("type", "==", "invoice.penalties_claimed").get();
  expect(events.docs.map((d) => [d.get("by"), d.get("subject.id"), d.get("after")])).toEqual([
    [
      ACCOUNTING,
      first.body.id,
      {
        number: "FA-2026-000001",
        invoice: "2026-F-0001",
        penalties: "99.86",
        indemnity: "40.00",
        amountDue: "139.86",
        dueDate: "2026-04-04",
      },
    ],
  ]);

  // Nothing accrued since the payment: a new key is refused, nothing written.
  const nothing = await refused(penalties(id), { as: ADMIN, body: {} }, 422, "NOTHING_TO_CLAIM");
  expect(nothing.message).toMatch(/déjà facturées \(FA-2026-000001 du 05\/03\/2026\)/);
  expect((await api.call("GET", `${base}/audit/verify`, { as: ADMIN })).body.ok).toBe(true);
});

test("a second claim invoices only the new days, never the indemnity again; the penalty invoice is paid like any other", async () => {
  const id = await lateInvoice();
  // Unpaid on 02/03/2026: 30 days → 99,86 € + 40,00 €.
  api.setToday("2026-03-02");
  const first = await api.call("POST", penalties(id), { as: ADMIN, body: {} });
  expect([first.status, first.body.content.penaltyClaim.tranches[0].paid, first.body.gross]).toEqual([
    201,
    false,
    "139.86",
  ]);

  // Paid 31/03/2026: 59 days → 10 000 × 12,15 % × 59 / 365 = 196,397… → 196,40 €, of which 99,86 € already invoiced.
  api.setToday("2026-04-02");
  await pay([id], "10000.00", "2026-03-31");
  const second = await api.call("POST", penalties(id), { as: ACCOUNTING, body: {} });
  expect(second.status).toBe(201);
  expect(second.body).toMatchObject({ number: "FA-2026-000002", gross: "96.54", openAmount: "96.54" });
  expect(second.body.content.penaltyClaim).toMatchObject({
    accruedPenalties: "196.40",
    alreadyInvoiced: "99.86",
    earlierClaims: [{ number: "FA-2026-000001", date: "2026-03-02" }],
    penalties: "96.54",
    indemnity: "0.00",
  });
  const entry = (await journal()).find((e) => e.content.pieceRef === "FA-2026-000002")!.content;
  expect(entry.lines.map((l) => l.account)).toEqual(["411", "7631"]);

  // The customer pays both penalty invoices: they are receivables like the others (lettrage, paid at zero).
  await pay([first.body.id, second.body.id], "236.40", "2026-04-02");
  const stored = await penaltyInvoices();
  expect(stored.map((i) => [i.number, i.openAmount, i.paidOn])).toEqual([
    ["FA-2026-000001", "0.00", "2026-04-02"],
    ["FA-2026-000002", "0.00", "2026-04-02"],
  ]);
  // No penalties on a penalty invoice.
  const onPenalty = await refused(penalties(first.body.id), { as: ACCOUNTING, body: {} }, 422, "PENALTY_ON_PENALTY");
  expect(onPenalty.message).toMatch(/FA-2026-000001 est elle-même une facture de pénalités/);
  expect((await api.call("GET", `${base}/audit/verify`, { as: ADMIN })).body.ok).toBe(true);
});

test("a refund set against the late invoice counts as settled on the day it was approved", async () => {
  // The customer's deposit of 4 320,00 € (15/01) is refunded on 10/02 by offset against the late invoice.
  const dep = await api.call("POST", `${base}/deposits`, {
    as: ACCOUNTING,
    body: { ...DEPOSIT_BODY, customer: CUSTOMER },
  });
  expect(dep.status).toBe(201);
  const id = await lateInvoice();
  api.setToday("2026-02-10");
  const request = await api.call("POST", `${base}/refunds`, {
    as: REQUESTER,
    body: { ...refundBody(dep.body.id), schedule: { kind: "single", date: "2026-03-31" } },
  });
  expect(request.body.quote.settlement.offset).toEqual([{ invoiceNumber: "2026-F-0001", amount: "4320.00" }]);
  expect((await api.call("POST", `${base}/refunds/${request.body.id}/approve`, { as: ACCOUNTING })).status).toBe(200);

  // 4 320,00 € settled 10/02: 10 days → 4 320 × 12,15 % × 10 / 365 = 14,380… → 14,38 €;
  // 5 680,00 € unpaid on 02/03: 30 days → 5 680 × 12,15 % × 30 / 365 = 56,722… → 56,72 €. 71,10 € + 40,00 €.
  api.setToday("2026-03-02");
  const claim = await api.call("POST", penalties(id), { as: ACCOUNTING, body: {} });
  expect(claim.status).toBe(201);
  const tranches = claim.body.content.penaltyClaim.tranches as { amount: string; until: string; penalties: string }[];
  expect(tranches.map((t) => [t.amount, t.until, t.penalties])).toEqual([
    ["4320.00", "2026-02-10", "14.38"],
    ["5680.00", "2026-03-02", "56.72"],
  ]);
  expect([claim.body.content.penaltyClaim.penalties, claim.body.gross]).toEqual(["71.10", "111.10"]);
});

test("the indemnity can be left out, then claimed later; the penalty invoice's dunning letter claims no penalties on it", async () => {
  const id = await lateInvoice();
  api.setToday("2026-03-02");
  const without = await api.call("POST", penalties(id), { as: ACCOUNTING, body: { claimIndemnity: false } });
  expect([without.status, without.body.gross, without.body.content.penaltyClaim.indemnity]).toEqual([
    201,
    "99.86",
    "0.00",
  ]);
  expect(
    (await journal()).find((e) => e.content.pieceRef === "FA-2026-000001")!.content.lines.map((l) => l.account),
  ).toEqual(["411", "7631"]);
  const later = await api.call("POST", penalties(id), { as: ACCOUNTING, body: {} });
  expect([later.status, later.body.gross, later.body.content.penaltyClaim.penalties]).toEqual([201, "40.00", "0.00"]);

  const settings = reminderSettingsSchema.parse({
    companyName: "Acme",
    recipients: { treasury: ["t@acme.fr"], accounting: ["c@acme.fr"] },
  });
  const letters: Reminder[] = [];
  for await (const r of firestoreReminderSource(fs.db).dueReminders({ companyId: C, settings }, "2026-04-15"))
    if (r.rule === "customer-overdue") letters.push(r);
  const byTarget = (invoiceId: string) => letters.find((r) => r.target === `invoice/${invoiceId}`)!;
  expect(byTarget(id).text).toContain("L441-10");
  expect(byTarget(without.body.id).text).toContain("FA-2026-000001");
  expect(byTarget(without.body.id).text).not.toContain("pénalités de retard sont dues");
});

test("refusals in French that change nothing: consumer, not late, unknown invoice, roles, body", async () => {
  const consumer = await lateInvoice({ ...LATE, number: "2026-F-0002", customer: { name: "M. Petit", kind: "b2c" } });
  const b2b = await lateInvoice();
  api.setToday("2026-01-31");
  const notLate = await refused(penalties(b2b), { as: ACCOUNTING, body: {} }, 422, "NOT_LATE");
  expect(notLate.message).toMatch(/2026-F-0001 n'est pas en retard : son échéance est le 31\/01\/2026/);

  api.setToday("2026-03-02");
  const b2c = await refused(penalties(consumer), { as: ACCOUNTING, body: {} }, 422, "PENALTIES_B2B_ONLY");
  expect(b2c.message).toMatch(/2026-F-0002 est adressée à un particulier/);
  await refused(penalties("inconnue"), { as: ACCOUNTING, body: {} }, 404, "NOT_FOUND");
  for (const who of [REQUESTER, SALES, "stranger@elsewhere.fr"])
    await refused(penalties(b2b), { as: who, body: {} }, 403, "FORBIDDEN");
  await refused(penalties(b2b), { token: null, body: {} }, 401, "UNAUTHENTICATED");
  await refused(penalties(b2b), { as: ACCOUNTING, body: {}, key: null }, 400, "VALIDATION_FAILED");
  const wrong = await refused(
    penalties(b2b),
    { as: ACCOUNTING, body: { claimIndemnity: "oui" } },
    400,
    "VALIDATION_FAILED",
  );
  expect(wrong.details).toEqual([
    expect.objectContaining({
      path: "claimIndemnity",
      message: expect.stringMatching(/Indemnité forfaitaire réclamée.*booléen/),
    }),
  ]);
  // Nothing was numbered: the next invoice of the series is still the first.
  expect((await fs.db.collection(`companies/${C}/sequences`).get()).size).toBe(0);
});

test("the penalty invoice is in the FEC (customer on 411, lettered with its payment) and left for review in test-artifacts/penalties/", async () => {
  const id = await lateInvoice();
  api.setToday("2026-03-05");
  await pay([id], "10000.00", "2026-03-02");
  const claimed = await api.call("POST", penalties(id), { as: ACCOUNTING, body: {} });
  expect(claimed.status).toBe(201);
  api.setToday("2026-03-20");
  await pay([claimed.body.id], "139.86", "2026-03-20");

  api.setToday("2027-01-10");
  const res = await api.call("GET", `${base}/fec?year=2026`, { as: ADMIN });
  expect(res.status).toBe(200);
  const text = res.body as string;
  expect(checkFecText(text, { start: "2026-01-01", end: "2026-12-31" })).toEqual([]);
  const rows = text
    .split("\r\n")
    .slice(1, -1)
    .map((l) => l.split("|"));
  const field = (r: string[], f: (typeof FEC_FIELDS)[number]) => r[FEC_FIELDS.indexOf(f)];
  const piece = rows.filter((r) => field(r, "PieceRef") === "FA-2026-000001");
  expect(
    piece.map((r) => [
      field(r, "JournalCode"),
      field(r, "CompteNum"),
      field(r, "CompteLib"),
      field(r, "CompAuxNum"),
      field(r, "Debit"),
      field(r, "Credit"),
    ]),
  ).toEqual([
    ["VT", "411", "Clients", "C732829320", "139,86", "0,00"],
    ["VT", "7631", "Revenus des créances commerciales", "", "0,00", "99,86"],
    ["VT", "7588", "Autres produits divers de gestion courante", "", "0,00", "40,00"],
  ]);
  // Paid by one payment: the penalty invoice's 411 line is lettered like a final invoice's.
  expect(field(piece[0], "EcritureLet")).not.toBe("");
  expect(field(piece[0], "DateLet")).toBe("20260320");

  const dir = "test-artifacts/penalties";
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "FA-2026-000001.json"), JSON.stringify(claimed.body, null, 2) + "\n");
  writeFileSync(
    join(dir, "FA-2026-000001-ecriture.txt"),
    [text.split("\r\n")[0], ...piece.map((r) => r.join("|"))].join("\r\n") + "\r\n",
  );
});
