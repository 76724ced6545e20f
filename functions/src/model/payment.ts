import type { Timestamp } from "@google-cloud/firestore";
import type { Customer, DateString, MoneyString } from "./amounts";
import type { FactorShare } from "../domain/ledger/factor-accounts";

/** companies/{c}/payments/{id}: a customer payment and how it was matched (lettrage). */
export interface PaymentDoc {
  customer: Customer;
  date: DateString;
  amount: MoneyString;
  means: string;
  allocations: { invoiceId: string; number: string; amount: MoneyString }[];
  /** What exceeded the invoices: becomes a CustomerCreditDoc. */
  unapplied: MoneyString;
  customerCreditId: string | null;
  journalEntryId: string;
  /**
   * The part allocated to invoices assigned to a factor, per factor account:
   * credited there, not to 411, by the payment's entry; its reversal debits
   * them back. Absent: all on 411.
   */
  factorShares?: FactorShare[];
  /** Letter shared by the payment's and the invoices' 411 lines (FEC EcritureLet). */
  letter: string;
  createdAt: Timestamp;
  createdBy: string;
  /** The bank statement entry whose match recorded this payment (absent for a payment typed in). */
  bankEntryId?: string;
  /** Set when the bank match was undone: the payment no longer counts, its reversing entry is `journalEntryId`. */
  cancelled?: { at: Timestamp; by: string; journalEntryId: string; reason: string };
}

/** companies/{c}/customerCredits/{id}: unapplied credit (a payment's excess, or a refund kept as credit), refundable through the refund flow. */
export interface CustomerCreditDoc {
  customer: Customer;
  /** The payment whose excess this is, or the refund request that kept it as credit. */
  paymentId: string | null;
  refundId?: string;
  amount: MoneyString;
  refundableBalance: MoneyString;
  createdAt: Timestamp;
}
