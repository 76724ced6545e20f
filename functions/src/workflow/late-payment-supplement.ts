import {
  compensationEntry,
  formatMoney,
  latePaymentSupplements,
  money,
  refundEntitlement,
  type Compensation,
} from "../domain";
import { frenchDate } from "../domain/dates/calendar-date";
import { INSTALMENTS, REFUNDS } from "../model/collections";
import type { DepositDoc } from "../model/deposit";
import type { InstalmentDoc, RefundDoc, RefundSupplement } from "../model/refund";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import { companyLegalRates } from "./company-legal-rates";
import { chartOption, settingsOf } from "./company-settings";
import { postEntry } from "./post-entry";

/** What a late payment added: the supplements recorded and the instalment that pays them. */
export interface AddedSupplement {
  supplements: RefundSupplement[];
  instalment: InstalmentDoc;
}

/**
 * A consumer's refund instalment paid on `paidOn`, later than the quote
 * assumed: the increase and the L214-2 interest are recomputed up to that
 * day (latePaymentSupplements) and what exceeds what was granted is
 * recorded once, in the payment's transaction. An accountant sees a further
 * debt to the customer: each kind posted D6588 (increase) or D6618
 * (interest) / C411, and one new instalment, due today, that pays it
 * (D411 / C512 when paid, like any other). Supplement instalments do not
 * recompute again (they pay compensation, not the refunded price). Returns
 * null when nothing more is owed. A replay of the command answers from its
 * idempotency record; another payment of the same instalment is refused as
 * already paid: the supplement cannot be added twice.
 */
export async function recordLatePaymentSupplement(
  uow: UnitOfWork,
  access: Access,
  refundId: string,
  doc: RefundDoc,
  deposit: DepositDoc | null,
  instalments: readonly InstalmentDoc[],
  paid: InstalmentDoc,
  paidOn: string,
): Promise<AddedSupplement | null> {
  if (!deposit || paid.supplementFor !== undefined || doc.proposal.source.kind !== "deposit") return null;
  const entitlement = refundEntitlement({
    depositKind: deposit.kind,
    customerKind: deposit.customer.kind,
    supplyKind: deposit.supplyKind,
    reason: doc.quote.reason,
  });
  if (!entitlement.lateRefundScale && !entitlement.advanceInterest) return null;
  const earlier = doc.supplements ?? [];
  const found = latePaymentSupplements({
    entitlement,
    creditGross: money(doc.quote.creditNote.total.gross),
    depositPaidDate: deposit.cashedDate,
    terminationDate: doc.proposal.terminationDate,
    paidOn,
    granted: [
      ...doc.quote.compensation.filter((c: Compensation) => c.direction === "payable"),
      ...earlier.map((s) => ({ kind: s.kind, amount: s.amount })),
    ],
    rates: await companyLegalRates(uow),
  });
  if (found.length === 0) return null;

  const settings = settingsOf(access);
  const pieceRef = doc.creditNoteNumber ?? doc.number;
  const number = Math.max(...instalments.map((i) => i.number)) + 1;
  const supplements: RefundSupplement[] = [];
  for (const s of found) {
    const entry = compensationEntry({
      date: uow.today,
      pieceRef,
      amount: s.amount,
      direction: "payable",
      kind: s.kind,
      label: `Complément ${s.kind === "advance_interest" ? "d'intérêts L214-2" : "de majoration"} ${pieceRef} (échéance ${paid.number} versée le ${frenchDate(paidOn)})`,
      ...chartOption(settings),
    });
    // Its own source id: the instalment's payment posts `${refundId}/${number}` later (the FEC reads the refund id first).
    const posted = await postEntry(uow, entry, { kind: "instalment", id: `${refundId}/${number}/supplement` });
    supplements.push({
      ...s,
      paidInstalment: paid.number,
      paidOn,
      instalment: number,
      recordedOn: uow.today,
      journalEntryId: posted.id,
    });
  }
  const instalment: InstalmentDoc = {
    companyId: uow.companyId,
    refundId,
    refundNumber: doc.number,
    number,
    count: number,
    amount: formatMoney(supplements.reduce((t, s) => t.plus(money(s.amount)), money(0))),
    dueDate: uow.today,
    status: "due",
    paidOn: null,
    journalEntryId: null,
    creditNoteNumber: pieceRef,
    customerName: doc.customerName,
    supplementFor: paid.number,
  };
  // Its id is its number: a second creation of the same instalment fails the transaction.
  uow.create(uow.collection(REFUNDS).doc(refundId).collection(INSTALMENTS).doc(String(number)), instalment);
  return { supplements, instalment };
}
