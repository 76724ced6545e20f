/** The guard on IBAN changes and the returned-transfer decision, pure (domain/bank/iban-change.ts, transfer-return.ts). */
import {
  changeBankAccount,
  confirmIbanChange,
  ibanHold,
  type BankAccountState,
} from "../../../functions/src/domain/bank/iban-change";
import { transferReturn } from "../../../functions/src/domain/bank/transfer-return";
import { entryTotals } from "../../../functions/src/domain";

const OLD = "FR1420041010050500013M02606";
const NEW = "FR7630004000031234567890143";
const state: BankAccountState = { number: "RB-2026-000001", status: "approved", bankAccount: { iban: OLD } };

test("a change is recorded against the previous account; the same account again is no change; only approved requests change", () => {
  const change = changeBankAccount(state, { iban: NEW }, "alice@acme.fr", "2026-03-20");
  expect(change).toEqual({
    previousIban: OLD,
    previousBic: null,
    iban: NEW,
    bic: null,
    changedBy: "alice@acme.fr",
    changedOn: "2026-03-20",
    confirmedBy: null,
    confirmedOn: null,
  });
  expect(changeBankAccount(state, { iban: OLD }, "alice@acme.fr", "2026-03-20")).toBeNull();
  // A BIC added is a change.
  expect(changeBankAccount(state, { iban: OLD, bic: "PSSTFRPPPAR" }, "alice@acme.fr", "2026-03-20")?.bic).toBe(
    "PSSTFRPPPAR",
  );
  for (const status of ["submitted", "refunded", "rejected", "cancelled"] as const)
    expect(() => changeBankAccount({ ...state, status }, { iban: NEW }, "alice@acme.fr", "2026-03-20")).toThrow(
      /ne peuvent plus changer/,
    );
});

test("the hold lasts N days from the change unless another person confirms; N = 0 holds nothing", () => {
  const change = changeBankAccount(state, { iban: NEW }, "alice@acme.fr", "2026-03-20")!;
  expect(ibanHold(change, "2026-03-20", 30)?.until).toBe("2026-04-19");
  expect(ibanHold(change, "2026-04-18", 30)).not.toBeNull();
  expect(ibanHold(change, "2026-04-19", 30)).toBeNull();
  expect(ibanHold(change, "2026-03-20", 0)).toBeNull();
  expect(ibanHold(undefined, "2026-03-20", 30)).toBeNull();
  const withChange = { ...state, bankAccountChange: change };
  expect(() => confirmIbanChange(withChange, "alice@acme.fr", "2026-03-21")).toThrow(/vous-même/);
  const confirmed = confirmIbanChange(withChange, "adam@acme.fr", "2026-03-21");
  expect([confirmed.confirmedBy, confirmed.confirmedOn]).toEqual(["adam@acme.fr", "2026-03-21"]);
  expect(ibanHold(confirmed, "2026-03-21", 30)).toBeNull();
  expect(() => confirmIbanChange({ ...state, bankAccountChange: confirmed }, "sam@acme.fr", "2026-03-22")).toThrow(
    /déjà confirmé \(par adam@acme.fr le 21\/03\/2026\)/,
  );
  expect(() => confirmIbanChange(state, "adam@acme.fr", "2026-03-21")).toThrow(/Aucun changement/);
});

test("a returned transfer: a recorded payment is offset D512 / C411 (balanced), a refunded request approved again; a due one has nothing to offset", () => {
  const instalment = {
    number: 2,
    count: 2,
    amount: "1800.00",
    status: "paid" as const,
    paidOn: "2026-04-30",
    creditNoteNumber: "AV-2026-000001",
  };
  const paid = transferReturn({
    refundStatus: "refunded",
    instalment,
    reasonCode: "AC04",
    returnedOn: "2026-05-05",
    today: "2026-05-06",
  });
  expect(paid.reversal?.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
    ["411", "0.00", "1800.00"],
    ["512", "1800.00", "0.00"],
  ]);
  const totals = entryTotals(paid.reversal!);
  expect(totals.debit).toBe(totals.credit);
  expect([paid.reversal?.date, paid.reversal?.pieceRef, paid.refundStatus, paid.cancelledPaymentOn]).toEqual([
    "2026-05-06",
    "AV-2026-000001",
    "approved",
    "2026-04-30",
  ]);
  expect(paid.explanation).toContain("compte clôturé (AC04)");
  const due = transferReturn({
    refundStatus: "approved",
    instalment: { ...instalment, status: "due", paidOn: null },
    reasonCode: undefined,
    returnedOn: "2026-05-05",
    today: "2026-05-06",
  });
  expect([due.reversal, due.refundStatus, due.reasonLabel, due.cancelledPaymentOn]).toEqual([
    null,
    "approved",
    "motif non précisé",
    null,
  ]);
});
