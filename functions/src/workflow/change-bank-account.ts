import { changeBankAccount as change, confirmIbanChange, type IbanChange } from "../domain/bank/iban-change";
import { maskIban } from "../domain/bank/iban";
import type { RefundDoc } from "../model/refund";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { BankAccountBody } from "./bodies/bank-account-body";
import { loadRefund } from "./load-refund";

/** The audit trail shows an account masked, as every answer does: enough to recognise it, not to reuse it. */
const masked = (iban: string | null, bic: string | null) => ({ iban: iban ? maskIban(iban) : null, bic });

/**
 * « Changer l'IBAN » of a refund in flight (accounting approvers and admins,
 * by the command's roles): the new account replaces the old one, the change
 * waits for a second person's confirmation (its instalments are held by
 * prepare-transfers.ts meanwhile) and the audit event keeps both accounts,
 * masked, with who and when. The same account again records nothing.
 */
export async function changeBankAccount(uow: UnitOfWork, refundId: string, body: BankAccountBody) {
  const { ref, doc } = await loadRefund(uow, refundId);
  const next = change(doc, body, uow.actor, uow.today);
  if (!next) return { id: refundId, doc };
  const written: Partial<RefundDoc> = {
    bankAccount: { iban: next.iban, ...(next.bic ? { bic: next.bic } : {}) },
    bankAccountChange: next,
    updatedAt: uow.timestamp,
  };
  uow.update(ref, written);
  uow.event(
    "refund.bank_account_changed",
    { kind: "refund", id: refundId },
    masked(next.previousIban, next.previousBic),
    { ...masked(next.iban, next.bic), confirmation: "attendue" },
  );
  return { id: refundId, doc: { ...doc, ...written } as RefundDoc };
}

/** The second person's confirmation: the request's instalments may go in the next transfer file. */
export async function confirmBankAccount(uow: UnitOfWork, refundId: string) {
  const { ref, doc } = await loadRefund(uow, refundId);
  const confirmed: IbanChange = confirmIbanChange(doc, uow.actor, uow.today);
  uow.update(ref, { bankAccountChange: confirmed, updatedAt: uow.timestamp });
  uow.event(
    "refund.bank_account_confirmed",
    { kind: "refund", id: refundId },
    { ...masked(confirmed.iban, confirmed.bic), changedBy: confirmed.changedBy, changedOn: confirmed.changedOn },
    { ...masked(confirmed.iban, confirmed.bic), confirmedBy: confirmed.confirmedBy },
  );
  return { id: refundId, doc: { ...doc, bankAccountChange: confirmed } as RefundDoc };
}
