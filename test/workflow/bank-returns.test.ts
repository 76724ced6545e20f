/**
 * Returned refund transfers (issue #15, docs/bank.md « Returned transfers »):
 * a camt.053 credit carrying our end-to-end id and a return reason reopens
 * its instalment — the payment recorded by the earlier debit or by hand is
 * offset by D512 / C411 (never deleted: Code de commerce L123-22), the
 * request goes back from « Remboursée » to « Approuvée », the instalment
 * leaves its file so the next preparation takes it — and treasury is told
 * once through the outbox. Statements are generated and schema-checked.
 */
import { endToEndId } from "../../functions/src/domain/bank/sepa-text";
import { frenchAmount } from "../../functions/src/domain/reminders/french-amount";
import type { FakeEntry } from "../../functions/testing/bank/camt-statement";
import { COMPANIES, DEPOSITS, JOURNAL_ENTRIES, OUTBOX } from "../../functions/src/model/collections";
import type { OutboxEntry } from "../../functions/src/model/outbox-entry";
import type { JournalEntryContent, JournalEntryDoc } from "../../functions/src/model/journal-entry";
import { verifyChains } from "../../functions/src/integrity/chain-verifier";
import { wordingProblems } from "../support/french-wording";
import { workflowSuite } from "./suite";
import { ACCOUNTING, C, DEPOSIT_BODY } from "./fixtures";
import {
  bankKit,
  base,
  statementFile,
  CONSUMER,
  CONSUMER_IBAN,
  COMPANY_BIC,
  COMPANY_IBAN,
  HOTEL_IBAN,
} from "./bank-support";

const suite = workflowSuite("wfbankret", {
  approvalThreshold: "4000.00",
  bankIban: COMPANY_IBAN,
  bankBic: COMPANY_BIC,
});
const fs = suite.fs;
const { approvedRefunds, prepare, importStatement, storedInstalment, countOf } = bankKit(suite);

type Sent = { refundId: string; n: number; endToEndId: string; amount: string };
const sentIn = (file: { body: { instalments: Sent[] } }, refundId: string) =>
  file.body.instalments.find((i) => i.refundId === refundId)!;

const debit = (ref: string, sent: Sent, bookingDate: string): FakeEntry => ({
  ref,
  amount: sent.amount,
  direction: "debit",
  bookingDate,
  endToEndId: sent.endToEndId,
});
const back = (ref: string, sent: Sent, bookingDate: string, returnReason: string): FakeEntry => ({
  ref,
  amount: sent.amount,
  direction: "credit",
  bookingDate,
  endToEndId: sent.endToEndId,
  returnReason,
});

async function outbox(): Promise<OutboxEntry[]> {
  return (await fs.db.collection(OUTBOX).where("companyId", "==", C).get()).docs.map((d) => d.data() as OutboxEntry);
}
const returnNotices = async () => (await outbox()).filter((o) => o.target.includes("/transfer_returned/"));

async function journal(): Promise<JournalEntryContent[]> {
  return (await fs.db.collection(COMPANIES).doc(C).collection(JOURNAL_ENTRIES).get()).docs.map(
    (d) => (d.data() as JournalEntryDoc).content,
  );
}

const refundDoc = async (id: string) => (await fs.db.doc(`${COMPANIES}/${C}/refunds/${id}`).get()).data()!;

test("a transfer debited, then returned: the payment is offset D512 / C411, the refunded request is approved again, the instalment goes in the next file, treasury is told once", async () => {
  const [hotel] = await approvedRefunds([
    { orderRef: "CMD-2026-017", customer: DEPOSIT_BODY.customer, bank: { iban: HOTEL_IBAN } },
  ]);
  const api = suite.api;
  api.setToday("2026-03-25");
  const march = await prepare({ executionDate: "2026-03-31" });
  api.setToday("2026-04-02");
  expect(
    (await importStatement(statementFile("REL-03", [debit("BQ-1", sentIn(march, hotel.id), "2026-03-31")]))).body
      .paidInstalments,
  ).toBe(1);
  api.setToday("2026-04-25");
  const april = await prepare({ executionDate: "2026-04-30" });
  const second = sentIn(april, hotel.id);
  expect([second.n, second.endToEndId]).toEqual([2, endToEndId(`${hotel.id}-2`)]);
  api.setToday("2026-05-02");
  expect(
    (await importStatement(statementFile("REL-04", [debit("BQ-2", second, "2026-04-30")]))).body.paidInstalments,
  ).toBe(1);
  expect((await refundDoc(hotel.id)).status).toBe("refunded");
  const depositId = hotel.depositId as string;
  const progressBefore = (await fs.db.doc(`${COMPANIES}/${C}/${DEPOSITS}/${depositId}`).get()).data()!.refundProgress;
  expect(progressBefore).toEqual({ instalments: 2, paid: 2 });
  const journalBefore = await journal();

  // The beneficiary's bank sends the second transfer back: IBAN incorrect.
  api.setToday("2026-05-06");
  const mayFile = statementFile("REL-05", [back("BQ-3", second, "2026-05-05", "AC01")]);
  const imported = await importStatement(mayFile, { key: "may" });
  expect([imported.status, imported.body.error?.message]).toEqual([201, undefined]);
  const entry = imported.body.entries[0];
  expect([entry.status, entry.statusLabel]).toEqual(["returned", "Virement retourné"]);
  expect(entry.explanation).toContain("retourné le 05/05/2026 (IBAN incorrect (AC01))");
  expect(entry.explanation).toContain("son paiement du 30/04/2026 est annulé");
  expect(wordingProblems(entry.explanation)).toEqual([]);

  // One new journal entry, dated the day it is recorded, the opposite of the payment.
  const after = await journal();
  expect(after.length - journalBefore.length).toBe(1);
  const payment = journalBefore.find((j) => j.kind === "refund_paid" && j.label.includes("échéance 2/2"))!;
  const reversal = after.find((j) => j.kind === "refund_returned")!;
  expect(reversal.date).toBe("2026-05-06");
  expect(reversal.pieceRef).toBe(payment.pieceRef);
  expect(reversal.lines.map((l) => [l.account, l.debit, l.credit])).toEqual(
    payment.lines.map((l) => [l.account, l.credit, l.debit]),
  );
  expect(reversal.lines.find((l) => l.account === "512")?.debit).toBe(second.amount);
  expect((await verifyChains(fs.db, C)).ok).toBe(true);

  const reopened = await storedInstalment(hotel.id, 2);
  expect([reopened.status, reopened.paidOn, reopened.journalEntryId, reopened.transferFileId]).toEqual([
    "due",
    null,
    null,
    undefined,
  ]);
  expect(reopened.transferReturns).toEqual([
    expect.objectContaining({
      returnedOn: "2026-05-05",
      reasonCode: "AC01",
      reason: "IBAN incorrect (AC01)",
      transferFileId: april.body.id,
      cancelledPaymentOn: "2026-04-30",
      entryRef: "BQ-3",
    }),
  ]);
  expect(await refundDoc(hotel.id)).toEqual(expect.objectContaining({ status: "approved", paidOn: null }));
  const progress = (await fs.db.doc(`${COMPANIES}/${C}/${DEPOSITS}/${depositId}`).get()).data()!.refundProgress;
  expect(progress).toEqual({ instalments: 2, paid: 1 });

  // Treasury (the accounting approvers) told once, in French.
  const notices = await returnNotices();
  expect(notices.map((n) => n.to)).toEqual([[ACCOUNTING]]);
  const [notice] = notices;
  expect(notice.subject).toContain(frenchAmount(second.amount));
  expect(notice.subject).toContain("05/05/2026");
  expect(notice.text).toContain(`fichier ${april.body.number}`);
  expect(notice.text).toContain("IBAN incorrect (AC01)");
  expect(notice.text).toContain("FR14 **** **** **** **** ***2 606");
  expect(wordingProblems(notice.text)).toEqual([]);

  // The same statement again (same key, then another): nothing more.
  expect((await importStatement(mayFile, { key: "may" })).body).toEqual(imported.body);
  const again = await importStatement(mayFile, { key: "may-again" });
  expect([again.body.created, again.body.alreadyKnown]).toEqual([0, 1]);
  expect((await journal()).length).toBe(after.length);
  expect(await returnNotices()).toHaveLength(1);

  // The next preparation takes it again, under the same end-to-end id.
  api.setToday("2026-05-10");
  const resent = await prepare({ executionDate: "2026-05-12" });
  expect([resent.status, resent.body.error?.message]).toEqual([201, undefined]);
  expect(resent.body.instalments.map((i: Sent) => [i.refundId, i.n, i.endToEndId])).toEqual([
    [hotel.id, 2, second.endToEndId],
  ]);
  // … and a debit of that new transfer pays it again.
  api.setToday("2026-05-14");
  const paid = await importStatement(statementFile("REL-05B", [debit("BQ-4", sentIn(resent, hotel.id), "2026-05-12")]));
  expect(paid.body.paidInstalments).toBe(1);
  expect((await refundDoc(hotel.id)).status).toBe("refunded");
});

test("a payment marked by hand is offset too; a transfer debited and returned in one statement is paid, then reopened; a return naming no instalment sent waits « À rapprocher »", async () => {
  const [hotel, consumer] = await approvedRefunds([
    { orderRef: "CMD-2026-017", customer: DEPOSIT_BODY.customer, bank: { iban: HOTEL_IBAN } },
    { orderRef: "CMD-2026-018", customer: CONSUMER, bank: { iban: CONSUMER_IBAN } },
  ]);
  const api = suite.api;
  api.setToday("2026-03-25");
  const file = await prepare({ executionDate: "2026-03-31" });
  api.setToday("2026-04-01");
  const byHand = await api.call("POST", `${base}/refunds/${hotel.id}/instalments/1/pay`, {
    as: ACCOUNTING,
    body: { paidOn: "2026-03-31" },
  });
  expect([byHand.status, byHand.body.error?.message]).toEqual([200, undefined]);
  const journalBefore = await countOf(JOURNAL_ENTRIES);

  api.setToday("2026-04-03");
  const unknown = { refundId: "x", n: 1, endToEndId: "ACP-inconnu-1", amount: "99.00" };
  const answer = await importStatement(
    statementFile("REL-04", [
      back("BQ-10", sentIn(file, hotel.id), "2026-04-02", "MD07"),
      back("BQ-11", unknown, "2026-04-02", "AC04"),
      // The consumer's transfer debited and returned in the same statement: paid, then reopened.
      debit("BQ-12", sentIn(file, consumer.id), "2026-03-31"),
      back("BQ-13", sentIn(file, consumer.id), "2026-04-02", "AC06"),
    ]),
  );
  expect([answer.status, answer.body.error?.message]).toEqual([201, undefined]);
  const byRef = Object.fromEntries(answer.body.entries.map((e: { entryRef: string }) => [e.entryRef, e])) as Record<
    string,
    { status: string; explanation: string }
  >;
  expect(byRef["BQ-10"].status).toBe("returned");
  expect(byRef["BQ-10"].explanation).toContain("titulaire décédé (MD07)");
  expect(byRef["BQ-10"].explanation).toContain("son paiement du 31/03/2026 est annulé");
  expect(byRef["BQ-11"].status).toBe("to_reconcile");
  expect(byRef["BQ-11"].explanation).toContain("sans référence Acompte");
  expect([byRef["BQ-12"].status, byRef["BQ-13"].status]).toEqual(["applied", "returned"]);
  expect(byRef["BQ-13"].explanation).toContain("compte bloqué (AC06)");
  expect(byRef["BQ-13"].explanation).toContain("son paiement du 31/03/2026 est annulé");
  for (const e of Object.values(byRef)) expect(wordingProblems(e.explanation)).toEqual([]);

  // The hand-made payment offset, the consumer's debit paid and offset: three entries, nothing for the unknown return.
  expect((await countOf(JOURNAL_ENTRIES)) - journalBefore).toBe(3);
  expect((await verifyChains(fs.db, C)).ok).toBe(true);
  const hotelFirst = await storedInstalment(hotel.id, 1);
  expect([hotelFirst.status, hotelFirst.transferFileId, hotelFirst.transferReturns?.[0].cancelledPaymentOn]).toEqual([
    "due",
    undefined,
    "2026-03-31",
  ]);
  const consumerFirst = await storedInstalment(consumer.id, 1);
  expect([
    consumerFirst.status,
    consumerFirst.transferFileId,
    consumerFirst.transferReturns?.[0].cancelledPaymentOn,
  ]).toEqual(["due", undefined, "2026-03-31"]);
  const targets = (await returnNotices()).map((n) => n.target);
  expect(targets).toHaveLength(2);
  expect(targets).toEqual(
    expect.arrayContaining([
      expect.stringContaining(`refund/${consumer.id}/`),
      expect.stringContaining(`refund/${hotel.id}/`),
    ]),
  );
});
