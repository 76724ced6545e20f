import type { RefundBankAccountSummary } from "../../contract";
import { DEFAULT_IBAN_CHANGE_HOLD_DAYS, ibanHold } from "../../domain/bank/iban-change";
import { maskIban } from "../../domain/bank/iban";
import type { RefundDoc } from "../../model/refund";
import { bankAccountBodySchema } from "../../workflow/bodies/bank-account-body";
import { emptyBodySchema } from "../../workflow/bodies/refund-body";
import { changeBankAccount, confirmBankAccount } from "../../workflow/change-bank-account";
import type { Access } from "../../workflow/access";
import { settingsOf } from "../../workflow/company-settings";
import type { UnitOfWork } from "../../storage/unit-of-work";
import { defineChange } from "../command";

interface Changed {
  id: string;
  doc: RefundDoc;
  hold: { until: string; reason: string } | null;
}

function withHold(uow: UnitOfWork, access: Access, { id, doc }: { id: string; doc: RefundDoc }): Changed {
  const days = settingsOf(access).ibanChangeHoldDays ?? DEFAULT_IBAN_CHANGE_HOLD_DAYS;
  return { id, doc, hold: ibanHold(doc.bankAccountChange, uow.today, days) };
}

function present({ id, doc, hold }: Changed): RefundBankAccountSummary {
  const change = doc.bankAccountChange;
  return {
    refundId: id,
    refundNumber: doc.number,
    bankAccount: doc.bankAccount ? { iban: maskIban(doc.bankAccount.iban), bic: doc.bankAccount.bic ?? null } : null,
    change: change
      ? {
          previousIban: change.previousIban ? maskIban(change.previousIban) : null,
          iban: maskIban(change.iban),
          changedBy: change.changedBy,
          changedOn: change.changedOn,
          confirmedBy: change.confirmedBy,
          confirmedOn: change.confirmedOn,
        }
      : null,
    heldUntil: hold?.until ?? null,
    holdReason: hold?.reason ?? null,
  };
}

export const changeBankAccountCommand = defineChange({
  name: "refund.change_bank_account",
  summary:
    "Changes the beneficiary's IBAN (and BIC) of an approved refund with instalments still due; recorded in the audit trail (accounts masked), and its transfers are held until another person confirms the change (for `ibanChangeHoldDays`, default 30).",
  roles: ["accounting_approver", "admin"],
  body: bankAccountBodySchema,
  status: 200,
  answer: "RefundBankAccountSummary",
  handler: async (uow, access, body, { params }) =>
    withHold(uow, access, await changeBankAccount(uow, params.refundId, body)),
  present,
});

export const confirmBankAccountCommand = defineChange({
  name: "refund.confirm_bank_account",
  summary:
    "A second person (not the one who changed it) confirms a refund's changed IBAN: its instalments may go in the next transfer file.",
  roles: ["accounting_approver", "admin"],
  body: emptyBodySchema,
  status: 200,
  answer: "RefundBankAccountSummary",
  handler: async (uow, access, _body, { params }) =>
    withHold(uow, access, await confirmBankAccount(uow, params.refundId)),
  present,
});
