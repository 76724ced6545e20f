/**
 * A consumer's refund paid later than its schedule planned, on the
 * emulator: the increase (Code de la consommation L216-7, L241-4) and the
 * L214-2 interest are recomputed on the actual payment date; the difference
 * is recorded once as a further amount owed (posted D6588 / D6618 – C411, a
 * new instalment to pay it, shown on the refund), and the approvers are told
 * once through the outbox, whatever the retries.
 */
import type { OutboxEntry } from "../../functions/src/model/outbox-entry";
import { OUTBOX } from "../../functions/src/model/collections";
import type { RefundDoc } from "../../functions/src/model/refund";
import { refundRow } from "../../functions/src/sheets/sync/row-mappers";
import { REMBOURSEMENTS } from "../../functions/src/sheets/layout/workbook-spec";
import { rawValue } from "../../functions/src/sheets/cell";
import { TestApi, snapshotAll } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER } from "./fixtures";

const suite = workflowSuite("wflate");
const { fs } = suite;
const base = `/v1/companies/${C}`;
let api: TestApi;
beforeEach(() => (api = suite.api));

const CONSUMER = { name: "Mme Claire Martin", kind: "b2c", email: "claire.martin@example.fr" };

async function outbox(): Promise<OutboxEntry[]> {
  const snap = await fs.db.collection(OUTBOX).where("companyId", "==", C).get();
  return snap.docs.map((d) => d.data() as OutboxEntry);
}

/** The supplements' entries (the quote's own compensation is posted with the credit note at approval). */
async function supplementEntries(pieceRef: string) {
  const snap = await fs.db.collection(`companies/${C}/journalEntries`).where("content.pieceRef", "==", pieceRef).get();
  return snap.docs
    .map(
      (d) =>
        d.get("content") as {
          kind: string;
          source: { id: string };
          lines: { account: string; debit: string; credit: string }[];
        },
    )
    .filter((e) => e.source.id.endsWith("/supplement"))
    .map((e) => [e.kind, e.lines.map((l) => [l.account, l.debit, l.credit])])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/**
 * 4 320,00 € cashed 15/01/2026 for goods; the consumer terminates for non-delivery on 01/03/2026 (refund due
 * by 15/03/2026, L216-7); the request of 10/03 plans one payment on 25/03: 10 days late, +10 % = 432,00 €
 * (L241-4), no L214-2 interest yet (three months end on 15/04). Owed: 4 752,00 €. Approved the same day.
 */
async function approvedLateRefund(): Promise<{ id: string; number: string; creditNote: string }> {
  const dep = await api.call("POST", `${base}/deposits`, {
    as: ACCOUNTING,
    body: { ...DEPOSIT_BODY, customer: CONSUMER },
  });
  expect(dep.status).toBe(201);
  api.setToday("2026-03-10");
  const req = await api.call("POST", `${base}/refunds`, {
    as: REQUESTER,
    body: {
      depositId: dep.body.id,
      scope: { kind: "full" },
      reason: "non_delivery",
      terminationDate: "2026-03-01",
      schedule: { kind: "single", date: "2026-03-25" },
    },
  });
  expect(req.status).toBe(201);
  expect(req.body.quote.compensation).toEqual([
    expect.objectContaining({ kind: "late_refund_increase", amount: "432.00" }),
  ]);
  expect(req.body.quote.total).toBe("4752.00");
  // Under the company's threshold one approval (accounting) is final.
  const approved = await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: ACCOUNTING });
  expect(approved.body.status).toBe("approved");
  return { id: req.body.id, number: req.body.number, creditNote: approved.body.creditNote.number };
}

test("worked example: paid on 20/04 instead of 25/03, the customer is owed 1 731,95 € more, posted, added to the schedule, the approver told once", async () => {
  const refund = await approvedLateRefund();
  const before = (await outbox()).length;
  api.setToday("2026-04-20");
  const pay = () =>
    api.call("POST", `${base}/refunds/${refund.id}/instalments/1/pay`, { as: ACCOUNTING, key: "pay-late-1" });
  const paid = await pay();
  expect(paid.status).toBe(200);
  // Paid 20/04/2026: 36 days after the 15/03 deadline → +50 % (L241-4) = 2 160,00 €, 1 728,00 € more than the
  // 432,00 € granted; L214-2 interest 16/04 → 20/04 = 5 days at 6,67 %: 4 320,00 × 6,67 % × 5 / 365 = 3,9472…
  // → 3,95 €. Supplement: 1 731,95 €, a second instalment due at once; the request is not refunded yet.
  expect(paid.body.status).toBe("approved");
  expect(paid.body.supplements).toEqual([
    expect.objectContaining({
      kind: "advance_interest",
      legalBasis: "Code de la consommation L214-2",
      recomputed: "3.95",
      alreadyGranted: "0.00",
      amount: "3.95",
      paidInstalment: 1,
      paidOn: "2026-04-20",
      instalment: 2,
    }),
    expect.objectContaining({
      kind: "late_refund_increase",
      legalBasis: "Code de la consommation L216-7, L241-4",
      label: expect.stringContaining("Majoration de 50 % pour remboursement tardif (36 jours après le 15/03/2026"),
      recomputed: "2160.00",
      alreadyGranted: "432.00",
      amount: "1728.00",
    }),
  ]);
  expect(paid.body.totalOwed).toBe("6483.95");
  expect(paid.body.schedule).toEqual([
    { n: 1, dueDate: "2026-03-25", amount: "4752.00", status: "paid", paidAt: "2026-04-20" },
    { n: 2, dueDate: "2026-04-20", amount: "1731.95", status: "due", paidAt: null, supplementFor: 1 },
  ]);
  expect(await supplementEntries(refund.creditNote)).toEqual([
    [
      "compensation_paid",
      [
        ["411", "0.00", "1728.00"],
        ["6588", "1728.00", "0.00"],
      ],
    ],
    [
      "compensation_paid",
      [
        ["411", "0.00", "3.95"],
        ["6618", "3.95", "0.00"],
      ],
    ],
  ]);

  // The approver who approved is told, the requester in copy.
  const notices = (await outbox()).filter((m) => m.subject.includes("complément dû"));
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatchObject({ to: [ACCOUNTING], cc: [REQUESTER] });
  expect(notices[0].subject).toBe(
    `Demande de remboursement ${refund.number} payée en retard : complément dû – Mme Claire Martin – 1\u202f731,95\u00a0€`,
  );
  expect(notices[0].text).toContain("a été payée le 20/04/2026 (échéance 1), plus tard que prévu");
  expect(notices[0].text).toContain("(Code de la consommation L216-7, L241-4) : 1\u202f728,00\u00a0€");
  expect(notices[0].text).toContain("Total dû au client : 6\u202f483,95\u00a0€");
  expect(notices[0].text).toContain("2/2 le 20/04/2026 : 1\u202f731,95\u00a0€");

  // A retry of the same call answers the same and writes nothing; another payment of it is refused.
  const snapshot = await snapshotAll(fs.db);
  expect(await pay()).toEqual(paid);
  expect(await snapshotAll(fs.db)).toEqual(snapshot);
  const again = await api.call("POST", `${base}/refunds/${refund.id}/instalments/1/pay`, { as: ACCOUNTING });
  expect(again.status).toBe(409);
  expect(await snapshotAll(fs.db)).toEqual(snapshot);
  expect((await outbox()).length).toBe(before + 1);

  // The Suivi list and GET refund show the same: what is owed in all and what is left to pay.
  const listed = await api.call("GET", `${base}/refunds?filter=approved_unpaid`, { as: REQUESTER });
  expect(listed.body.items).toEqual([
    expect.objectContaining({ number: refund.number, total: "6483.95", leftToPay: "1731.95" }),
  ]);
  const shown = await api.call("GET", `${base}/refunds/${refund.id}`, { as: REQUESTER });
  expect(shown.body.supplements).toEqual(paid.body.supplements);
  // The Remboursements sheet's « Total dû au client » says the same.
  const stored = (await fs.db.doc(`companies/${C}/refunds/${refund.id}`).get()).data() as RefundDoc;
  const row = refundRow(refund.id, stored);
  const owedCell = row.cells[REMBOURSEMENTS.columns.findIndex((c) => c.header === "Total dû au client")];
  expect(owedCell === null ? null : rawValue(owedCell)).toBe(6483.95);

  // Paying the supplement (D411 / C512) closes the request: it does not recompute again.
  api.setToday("2026-04-27");
  const last = await api.call("POST", `${base}/refunds/${refund.id}/instalments/2/pay`, { as: ACCOUNTING });
  expect(last.status).toBe(200);
  expect(last.body.status).toBe("refunded");
  expect(last.body.supplements).toHaveLength(2);
  const payout = await fs.db
    .collection(`companies/${C}/journalEntries`)
    .where("content.source.id", "==", `${refund.id}/2`)
    .get();
  expect(
    payout.docs.map((d) => [
      d.get("content.label"),
      d
        .get("content.lines")
        .map((l: { account: string; debit: string; credit: string }) => [l.account, l.debit, l.credit]),
    ]),
  ).toEqual([
    [
      `Versement du complément ${refund.creditNote} (échéance 2, retard de l'échéance 1)`,
      [
        ["411", "1731.95", "0.00"],
        ["512", "0.00", "1731.95"],
      ],
    ],
  ]);
  const deposit = await api.call("GET", `${base}/deposits/${shown.body.depositId}`, { as: REQUESTER });
  expect(deposit.body.statusLabel).toBe("Remboursé");
  expect((await api.call("GET", `${base}/audit/verify`, { as: ADMIN })).body.ok).toBe(true);
});

test("paid on the planned day, nothing more is owed and nobody is told", async () => {
  const refund = await approvedLateRefund();
  const before = (await outbox()).length;
  api.setToday("2026-03-25");
  const paid = await api.call("POST", `${base}/refunds/${refund.id}/instalments/1/pay`, { as: ACCOUNTING });
  expect(paid.status).toBe(200);
  expect(paid.body).toMatchObject({ status: "refunded", supplements: [], totalOwed: "4752.00" });
  expect(await supplementEntries(refund.creditNote)).toEqual([]);
  expect((await outbox()).length).toBe(before);
});
