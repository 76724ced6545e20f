/**
 * The guard against « fraude au changement de RIB » (issue #15, docs/bank.md):
 * the beneficiary's IBAN of a refund in flight changes only by an accounting
 * approver or an admin, every change is in the audit trail (accounts
 * masked), and the request's instalments are held out of the transfer files
 * until a second person confirms the change (or `ibanChangeHoldDays` pass).
 */
import { maskIban } from "../../functions/src/domain/bank/iban";
import { COMPANIES, EVENTS } from "../../functions/src/model/collections";
import type { AuditEventDoc } from "../../functions/src/model/event";
import type { CallOptions } from "../support/workflow-api";
import { wordingProblems } from "../support/french-wording";
import { workflowSuite } from "./suite";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, SALES } from "./fixtures";
import { bankKit, base, CONSUMER, CONSUMER_IBAN, COMPANY_BIC, COMPANY_IBAN, HOTEL_IBAN } from "./bank-support";

const suite = workflowSuite("wfbankiban", {
  approvalThreshold: "4000.00",
  bankIban: COMPANY_IBAN,
  bankBic: COMPANY_BIC,
});
const fs = suite.fs;
const { approvedRefunds, prepare, refusedUnchanged, storedInstalment } = bankKit(suite);

/** The hotel's new account, as a fraudster's e-mail would give it (valid, SEPA). */
const NEW_IBAN = "FR76 3000 4000 0312 3456 7890 143";
const NEW_IBAN_ELECTRONIC = NEW_IBAN.replace(/ /g, "");

const changeIban = (refundId: string, body: unknown, options: CallOptions = {}) =>
  suite.api.call("POST", `${base}/refunds/${refundId}/bank-account`, { as: ACCOUNTING, body, ...options });
const confirmIban = (refundId: string, options: CallOptions = {}) =>
  suite.api.call("POST", `${base}/refunds/${refundId}/bank-account/confirm`, { as: ADMIN, body: {}, ...options });

async function eventsOf(refundId: string, type: string) {
  return (await fs.db.collection(COMPANIES).doc(C).collection(EVENTS).where("subject.id", "==", refundId).get()).docs
    .map((d) => d.data() as AuditEventDoc)
    .filter((e) => e.type === type);
}

const twoRefunds = () =>
  approvedRefunds([
    { orderRef: "CMD-2026-017", customer: DEPOSIT_BODY.customer, bank: { iban: HOTEL_IBAN } },
    { orderRef: "CMD-2026-018", customer: CONSUMER, bank: { iban: CONSUMER_IBAN } },
  ]);

test("a changed IBAN is audited, holds its instalments out of « Préparer les virements » until another person confirms it, then goes in the next file", async () => {
  const [hotel, consumer] = await twoRefunds();
  const api = suite.api;
  api.setToday("2026-03-20");

  // Only accounting approvers and admins; a bad IBAN is refused; nothing recorded either way.
  for (const who of [REQUESTER, SALES])
    await refusedUnchanged(() => changeIban(hotel.id, { iban: NEW_IBAN }, { as: who }), 403);
  const bad = await refusedUnchanged(() => changeIban(hotel.id, { iban: "FR76 3000 4000 0312 3456 7890 144" }), 400);
  expect(bad.details[0].message).toMatch(/^IBAN : /);

  const changed = await changeIban(hotel.id, { iban: NEW_IBAN }, { key: "change-1" });
  expect([changed.status, changed.body.error?.message]).toEqual([200, undefined]);
  expect(changed.body).toEqual({
    refundId: hotel.id,
    refundNumber: hotel.number,
    bankAccount: { iban: maskIban(NEW_IBAN), bic: null },
    change: {
      previousIban: maskIban(HOTEL_IBAN),
      iban: maskIban(NEW_IBAN),
      changedBy: ACCOUNTING,
      changedOn: "2026-03-20",
      confirmedBy: null,
      confirmedOn: null,
    },
    heldUntil: "2026-04-19",
    holdReason: expect.stringContaining("IBAN changé le 20/03/2026 par alice@acme.fr"),
  });
  expect(wordingProblems(changed.body.holdReason.replace(ACCOUNTING, "alice"))).toEqual([]);
  const stored = (await fs.db.doc(`${COMPANIES}/${C}/refunds/${hotel.id}`).get()).data();
  expect(stored?.bankAccount).toEqual({ iban: NEW_IBAN_ELECTRONIC });
  // The audit trail: old and new account, masked; who and when.
  const [event] = await eventsOf(hotel.id, "refund.bank_account_changed");
  expect([event.by, event.before, event.after]).toEqual([
    ACCOUNTING,
    { iban: maskIban(HOTEL_IBAN), bic: null },
    { iban: maskIban(NEW_IBAN), bic: null, confirmation: "attendue" },
  ]);
  expect(event.at.toDate().toISOString()).toMatch(/^2026-03-20/);
  // Retried with its key: the same answer; the same account under another key: no second event.
  expect((await changeIban(hotel.id, { iban: NEW_IBAN }, { key: "change-1" })).body).toEqual(changed.body);
  expect((await changeIban(hotel.id, { iban: NEW_IBAN.toLowerCase() }, { key: "change-2" })).status).toBe(200);
  expect(await eventsOf(hotel.id, "refund.bank_account_changed")).toHaveLength(1);
  // The request shows the pending change, masked, for the sidebar to offer the confirmation.
  const detail = await suite.api.call("GET", `${base}/refunds/${hotel.id}`, { as: ADMIN });
  expect(detail.body.bankAccountChangePending).toEqual({
    previousIban: maskIban(HOTEL_IBAN),
    iban: maskIban(NEW_IBAN),
    changedBy: ACCOUNTING,
    changedOn: "2026-03-20",
  });

  // The file takes the consumer's instalment and holds the hotel's, saying why.
  api.setToday("2026-03-25");
  const march = await prepare({ executionDate: "2026-03-31" });
  expect([march.status, march.body.error?.message]).toEqual([201, undefined]);
  expect(march.body.instalments.map((i: { refundId: string }) => i.refundId)).toEqual([consumer.id]);
  expect(march.body.held).toEqual([
    expect.objectContaining({ refundId: hotel.id, n: 1, heldUntil: "2026-04-19", reason: changed.body.holdReason }),
  ]);
  expect(march.body.held[0].reason).toContain("confirmation du changement par une autre personne");
  expect((await storedInstalment(hotel.id, 1)).transferFileId).toBeUndefined();
  // Nothing else is due by then: held again, refused in French, nothing recorded.
  const heldOnly = await refusedUnchanged(() => prepare({ executionDate: "2026-03-31" }), 422);
  expect(heldOnly.message).toContain("la seule échéance due est retenue");
  expect(heldOnly.message).toContain(hotel.number);

  // The one who changed it cannot confirm it; another can, once.
  const self = await refusedUnchanged(() => confirmIban(hotel.id, { as: ACCOUNTING }), 403);
  expect(self.message).toContain("une autre personne");
  await refusedUnchanged(() => confirmIban(hotel.id, { as: SALES }), 403);
  api.setToday("2026-03-26");
  const confirmed = await confirmIban(hotel.id);
  expect([confirmed.status, confirmed.body.error?.message]).toEqual([200, undefined]);
  expect(confirmed.body.change).toEqual(expect.objectContaining({ confirmedBy: ADMIN, confirmedOn: "2026-03-26" }));
  expect([confirmed.body.heldUntil, confirmed.body.holdReason]).toEqual([null, null]);
  expect(
    (await suite.api.call("GET", `${base}/refunds/${hotel.id}`, { as: ADMIN })).body.bankAccountChangePending,
  ).toBeUndefined();
  const [confirmation] = await eventsOf(hotel.id, "refund.bank_account_confirmed");
  expect([confirmation.by, confirmation.after?.confirmedBy, confirmation.after?.iban]).toEqual([
    ADMIN,
    ADMIN,
    maskIban(NEW_IBAN),
  ]);
  const twice = await refusedUnchanged(() => confirmIban(hotel.id, { key: "confirm-again" }), 409);
  expect(twice.message).toContain("déjà confirmé");

  // Confirmed: the next file pays the new account.
  const next = await prepare({ executionDate: "2026-03-31" });
  expect([next.status, next.body.error?.message]).toEqual([201, undefined]);
  expect(next.body.instalments.map((i: { refundId: string; iban: string }) => [i.refundId, i.iban])).toEqual([
    [hotel.id, maskIban(NEW_IBAN)],
  ]);
  expect(next.body.held).toEqual([]);
  const xml = (await suite.api.call("GET", `${base}/bank/transfers/${next.body.id}`, { as: ACCOUNTING }))
    .body as string;
  expect(xml).toContain(`<IBAN>${NEW_IBAN_ELECTRONIC}</IBAN>`);
  expect(xml).not.toContain(HOTEL_IBAN.replace(/ /g, ""));
});

test("the hold lapses after ibanChangeHoldDays; a request not in flight or without a change is refused in French (409)", async () => {
  await fs.db.doc(`${COMPANIES}/${C}`).update({ "settings.ibanChangeHoldDays": 5 });
  const [hotel] = await twoRefunds();
  const api = suite.api;
  api.setToday("2026-03-20");
  const none = await refusedUnchanged(() => confirmIban(hotel.id), 409);
  expect(none.message).toContain("Aucun changement d'IBAN à confirmer");
  const changed = await changeIban(hotel.id, { iban: NEW_IBAN });
  expect(changed.body.heldUntil).toBe("2026-03-25");
  api.setToday("2026-03-24");
  const held = await prepare({ executionDate: "2026-03-31" });
  expect(held.body.held.map((h: { refundId: string }) => h.refundId)).toEqual([hotel.id]);
  // Five days later, unconfirmed: no longer held.
  api.setToday("2026-03-25");
  const lapsed = await prepare({ executionDate: "2026-03-31" });
  expect([lapsed.status, lapsed.body.held]).toEqual([201, []]);
  expect(lapsed.body.instalments.map((i: { refundId: string }) => i.refundId)).toEqual([hotel.id]);

  // Both instalments paid: the request is refunded, its bank details no longer change.
  for (const n of [1, 2]) {
    api.setToday(n === 1 ? "2026-03-31" : "2026-04-30");
    const paid = await api.call("POST", `${base}/refunds/${hotel.id}/instalments/${n}/pay`, {
      as: ACCOUNTING,
      body: {},
    });
    expect(paid.status).toBe(200);
  }
  const closed = await refusedUnchanged(() => changeIban(hotel.id, { iban: CONSUMER_IBAN }), 409);
  expect(closed.message).toContain("ne peuvent plus changer");
  expect(closed.message).toContain("remboursée");
});
