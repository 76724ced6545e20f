/**
 * The beneficiary's bank details of a refund in flight, guarded against
 * « fraude au changement de RIB » (docs/bank.md « Changing a beneficiary's
 * IBAN »): `POST …/refunds/{id}/bank-account` changes them,
 * `POST …/refunds/{id}/bank-account/confirm` is the second person's
 * confirmation; both answer this.
 */
export interface RefundBankAccountSummary {
  refundId: string;
  /** `RB-2026-000012`. */
  refundNumber: string;
  /** Masked: `FR76 **** **** **** **** ***0 189`. */
  bankAccount: { iban: string; bic: string | null } | null;
  /** The last change, null when the details were never changed after the request. */
  change: {
    previousIban: string | null;
    iban: string;
    changedBy: string;
    changedOn: string;
    confirmedBy: string | null;
    confirmedOn: string | null;
  } | null;
  /** Until when « Préparer les virements » holds the request's instalments (null: not held). */
  heldUntil: string | null;
  /** Why, in French (null: not held). */
  holdReason: string | null;
}

/** An instalment « Préparer les virements » left out: its request's IBAN changed and waits for confirmation. */
export interface HeldInstalment {
  refundId: string;
  refundNumber: string;
  n: number;
  count: number;
  amount: string;
  dueDate: string;
  customerName: string;
  /** The hold lapses that day if nobody confirms before. */
  heldUntil: string;
  /** In French. */
  reason: string;
}
