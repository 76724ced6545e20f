/**
 * #12 points 4–6 against the emulator: each step of a request puts its
 * French notice in the outbox in the step's own transaction (once, whatever
 * the retries) and the outbox delivers it over real SMTP; the approval
 * card's facts; the total owed apart from the credit note's TTC; the
 * deposit's status following its instalments.
 */
import { OUTBOX } from "../../functions/src/model/collections";
import type { OutboxEntry } from "../../functions/src/model/outbox-entry";
import { deliverDueReminders } from "../../functions/src/outbox/deliver";
import { smtpTransport } from "../../functions/src/mail/smtp-transport";
import { depositRow, refundRow } from "../../functions/src/sheets/sync/row-mappers";
import { ACOMPTES, REMBOURSEMENTS } from "../../functions/src/sheets/layout/workbook-spec";
import type { DepositDoc } from "../../functions/src/model/deposit";
import type { RefundDoc } from "../../functions/src/model/refund";
import { rawValue } from "../../functions/src/sheets/cell";
import { startSmtpSink } from "../../functions/testing/smtp-server";
import type { TestApi } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, SALES, refundBody } from "./fixtures";

const suite = workflowSuite("wfnotice", { approvalThreshold: "4000.00" });
const fs = suite.fs;
let api: TestApi;
const base = `/v1/companies/${C}`;
beforeEach(() => (api = suite.api));

async function outbox(): Promise<OutboxEntry[]> {
  const snap = await fs.db.collection(OUTBOX).where("companyId", "==", C).get();
  return snap.docs.map((d) => d.data() as OutboxEntry).sort((a, b) => a.createdAt.toMillis() - b.createdAt.toMillis());
}

async function deposit(): Promise<string> {
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  expect(dep.status).toBe(201);
  api.setToday("2026-03-10");
  return dep.body.id;
}

function cellOf(spec: typeof ACOMPTES, row: ReturnType<typeof depositRow>, header: string) {
  const cell = row.cells[spec.columns.findIndex((c) => c.header === header)];
  return cell === null ? null : rawValue(cell);
}

test("submission, each approval and the final approval tell the next person, once, in French, and the mails leave over SMTP", async () => {
  const depositId = await deposit();
  const key = "request-once";
  const req = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(depositId), key });
  expect(req.status).toBe(201);
  // A retry of the same request (same key) enqueues nothing more.
  expect((await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(depositId), key })).status).toBe(
    201,
  );
  const refundId = req.body.id;
  // The answer names who approves next: the banner says it.
  expect(req.body.pendingApprovers).toEqual([ACCOUNTING, SALES].sort());

  let mails = await outbox();
  expect(mails).toHaveLength(1);
  expect(mails[0]).toMatchObject({
    rule: "refund-notice",
    to: [ACCOUNTING, SALES].sort(),
    status: "PENDING",
    day: "2026-03-10",
    subject: `Demande de remboursement ${req.body.number} à approuver – Hôtel Bellevue SARL – 4\u202f320,00\u00a0€`,
  });
  const submitted = mails[0].text;
  expect(submitted).toContain(`${REQUESTER} a demandé le 10/03/2026 un remboursement qui attend votre approbation`);
  expect(submitted).toContain("approbateur commercial et approbateur comptable");
  expect(submitted).toContain("Acompte : facture FA-2026-000001");
  expect(submitted).toContain("Avoir (TTC) : 4\u202f320,00\u00a0€");
  expect(submitted).toContain("Total dû au client : 4\u202f320,00\u00a0€");
  expect(submitted).toContain("1/2 le 31/03/2026 : 2\u202f160,00\u00a0€");
  expect(submitted).toContain("2/2 le 30/04/2026 : 2\u202f160,00\u00a0€");
  expect(submitted).not.toMatch(/\d\.\d{2}|\d{4}-\d{2}-\d{2}/);

  // The approval card has the facts: schedule, balance before and after, who approved.
  const first = await api.call("POST", `${base}/refunds/${refundId}/approve`, { as: ACCOUNTING });
  expect(first.body).toMatchObject({ awaiting: ["sales_approver"], pendingApprovers: [SALES] });
  const card = (await api.call("GET", `${base}/approvals/pending`, { as: SALES })).body[0];
  expect(card).toMatchObject({
    id: refundId,
    depositNumber: "FA-2026-000001",
    creditNoteGross: "4320.00",
    total: "4320.00",
    balanceBefore: "4320.00",
    balanceAfter: "0.00",
    schedule: [
      { n: 1, dueDate: "2026-03-31", amount: "2160.00" },
      { n: 2, dueDate: "2026-04-30", amount: "2160.00" },
    ],
    approvals: [{ role: "accounting_approver", by: ACCOUNTING, at: expect.stringMatching(/^2026-03-10T/) }],
  });

  mails = await outbox();
  expect(mails).toHaveLength(2);
  expect(mails[1]).toMatchObject({ to: [SALES], subject: expect.stringContaining("à approuver") });
  expect(mails[1].text).toContain(
    `a été approuvée par ${ACCOUNTING} le 10/03/2026 ; elle attend encore votre approbation (approbateur commercial)`,
  );

  const last = await api.call("POST", `${base}/refunds/${refundId}/approve`, { as: SALES });
  expect(last.body).toMatchObject({ status: "approved", pendingApprovers: [] });
  mails = await outbox();
  expect(mails).toHaveLength(3);
  expect(mails[2]).toMatchObject({
    to: [REQUESTER],
    subject: `Demande de remboursement ${req.body.number} approuvée – Hôtel Bellevue SARL – 4\u202f320,00\u00a0€`,
  });
  expect(mails[2].text).toContain("l'avoir AV-2026-000001 est émis");
  expect(mails[2].text).toContain("Avoir AV-2026-000001 (TTC) : 4\u202f320,00\u00a0€");

  // Delivered by the outbox over a real SMTP session.
  const sink = await startSmtpSink();
  try {
    const report = await deliverDueReminders(fs.db, smtpTransport({ host: sink.host, port: sink.port }), {
      now: () => new Date("2026-03-10T12:00:00Z"),
      from: "Acompte <notifications@acompte.test>",
    });
    expect(report).toMatchObject({ sent: 3, failed: 0 });
    const received = await sink.messages();
    expect(received.map((m) => m.to.join(","))).toEqual(
      expect.arrayContaining([[ACCOUNTING, SALES].sort().join(","), SALES, REQUESTER]),
    );
    expect(received.find((m) => m.to.includes(REQUESTER))?.text).toContain("Total dû au client : 4\u202f320,00\u00a0€");
  } finally {
    await sink.stop();
  }
});

test("a rejection tells the requester, with the reason", async () => {
  const depositId = await deposit();
  const req = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(depositId) });
  const rejected = await api.call("POST", `${base}/refunds/${req.body.id}/reject`, {
    as: SALES,
    body: { reason: "Commande livrée entre-temps" },
  });
  expect(rejected.status).toBe(200);
  const mails = await outbox();
  expect(mails.map((m) => m.to)).toEqual([[ACCOUNTING, SALES].sort(), [REQUESTER]]);
  expect(mails[1].subject).toBe(
    `Demande de remboursement ${req.body.number} refusée – Hôtel Bellevue SARL – 4\u202f320,00\u00a0€`,
  );
  expect(mails[1].text).toContain(`a été refusée le 10/03/2026 par ${SALES}`);
  expect(mails[1].text).toContain("Motif du refus : Commande livrée entre-temps");
});

test("doubled arrhes: the credit note's TTC and the total owed to the customer are two amounts, the same on the card, the sheet and the mail", async () => {
  const body = {
    ...DEPOSIT_BODY,
    customer: { name: "Claire Dupont", kind: "b2c" },
    kind: "arrhes",
    order: { lines: [{ vatRate: "20", net: "1000.00" }] },
  };
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body });
  expect(dep.body).toMatchObject({ kind: "arrhes", total: { gross: "360.00" } });
  api.setToday("2026-02-01");
  const req = await api.call("POST", `${base}/refunds`, {
    as: REQUESTER,
    body: refundBody(dep.body.id, { kind: "single", date: "2026-02-01" }),
  });
  expect(req.body.quote).toMatchObject({ total: "720.00", creditNote: { total: { gross: "360.00" } } });

  const card = (await api.call("GET", `${base}/approvals/pending`, { as: ACCOUNTING })).body[0];
  expect(card).toMatchObject({
    creditNoteGross: "360.00",
    vat: "60.00",
    total: "720.00",
    compensation: [{ amount: "360.00" }],
  });

  const stored = (await fs.db.doc(`companies/${C}/refunds/${req.body.id}`).get()).data() as RefundDoc;
  const row = refundRow(req.body.id, stored);
  expect(cellOf(REMBOURSEMENTS, row, "Avoir TTC")).toBe(360);
  expect(cellOf(REMBOURSEMENTS, row, "Total dû au client")).toBe(720);
  expect(REMBOURSEMENTS.columns.map((c) => c.header)).not.toContain("Montant TTC");

  const [mail] = await outbox();
  expect(mail.text).toContain("Avoir (TTC) : 360,00\u00a0€");
  expect(mail.text).toMatch(/\(hors TVA\) : 360,00\u00a0€/);
  expect(mail.text).toContain("Total dû au client : 720,00\u00a0€");
  expect(mail.subject).toContain("720,00\u00a0€");
});

test("the deposit reads « Avoir émis », then « Remboursement en cours (1/2 payée) », and « Remboursé » only once every instalment is paid", async () => {
  const depositId = await deposit();
  const req = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(depositId) });
  await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: ACCOUNTING });
  await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: SALES });

  const status = async () => {
    const answer = await api.call("GET", `${base}/deposits/${depositId}`, { as: REQUESTER });
    const doc = (await fs.db.doc(`companies/${C}/deposits/${depositId}`).get()).data() as DepositDoc;
    const sheet = cellOf(ACOMPTES, depositRow(depositId, doc), "Statut");
    expect(sheet).toBe(answer.body.statusLabel);
    return answer.body.statusLabel as string;
  };
  expect(await status()).toBe("Avoir émis");
  api.setToday("2026-03-31");
  expect((await api.call("POST", `${base}/refunds/${req.body.id}/instalments/1/pay`, { as: ACCOUNTING })).status).toBe(
    200,
  );
  expect(await status()).toBe("Remboursement en cours (1/2 payée)");
  api.setToday("2026-04-30");
  await api.call("POST", `${base}/refunds/${req.body.id}/instalments/2/pay`, { as: ACCOUNTING });
  expect(await status()).toBe("Remboursé");
});
