/**
 * What a returned refund transfer (SEPA R-transaction carrying our
 * end-to-end id) does to its instalment. Pure: the workflow reads the
 * request and writes what this decides.
 * - The instalment was recorded paid (the debit of the file, or by hand):
 *   the payment is offset by D512 / C411 (refundReturnedEntry) and the
 *   instalment is due again; a request `refunded` by it is `approved` again.
 * - It was sent but not recorded paid yet: nothing to offset, it is due.
 * Either way it leaves its transfer file, so the next « Préparer les
 * virements » takes it again, and treasury is told.
 */
import { frenchDate } from "../dates/calendar-day";
import type { JournalEntry } from "../ledger/journal-entry";
import { refundReturnedEntry } from "../ledger/posting-rules";
import type { RefundPaidEntryInput } from "../validation/ledger-schema";
import { euros } from "../reminders/french-amount";
import type { RefundStatus } from "../refunds/refund-status";
import { returnReasonLabel } from "./return-reasons";

export interface ReturnedInstalment {
  number: number;
  count: number;
  amount: string;
  status: "due" | "paid";
  paidOn: string | null;
  /** The credit note the refund goes through (the entry's piece reference). */
  creditNoteNumber: string;
}

export interface TransferReturnInput {
  refundStatus: RefundStatus;
  instalment: ReturnedInstalment;
  /** ISO return reason (`AC04`), when the bank gives one. */
  reasonCode: string | undefined;
  /** The statement's booking date of the return. */
  returnedOn: string;
  /** The day it is recorded: the offsetting entry's date (the journal is numbered in date order). */
  today: string;
  chart?: RefundPaidEntryInput["chart"];
}

export interface TransferReturn {
  /** D512 / C411, when a payment was recorded; null when the instalment was still due. */
  reversal: JournalEntry | null;
  /** The request's status afterwards. */
  refundStatus: RefundStatus;
  /** « compte clôturé (AC04) ». */
  reasonLabel: string;
  /** The payment date offset (null when none was recorded). */
  cancelledPaymentOn: string | null;
  /** One French sentence for the statement entry and the treasury notice. */
  explanation: string;
}

export function transferReturn(input: TransferReturnInput): TransferReturn {
  const { instalment: i } = input;
  const reasonLabel = returnReasonLabel(input.reasonCode);
  const ref = `${i.creditNoteNumber} échéance ${i.number}/${i.count}`;
  const paid = i.status === "paid";
  const reversal = paid
    ? refundReturnedEntry({
        date: input.today,
        pieceRef: i.creditNoteNumber,
        amount: i.amount,
        label: `Retour du virement ${ref} (${reasonLabel})`,
        ...(input.chart ? { chart: input.chart } : {}),
      })
    : null;
  const what = `Virement de ${euros(i.amount)} retourné le ${frenchDate(input.returnedOn)} (${reasonLabel}) : l'échéance ${ref} est de nouveau à payer`;
  const payment = paid
    ? `, son paiement${i.paidOn ? ` du ${frenchDate(i.paidOn)}` : ""} est annulé par une écriture de retour (512 au débit, 411 au crédit)`
    : "";
  return {
    reversal,
    // A request is refunded only once every instalment is paid: one due again reopens it.
    refundStatus: paid && input.refundStatus === "refunded" ? "approved" : input.refundStatus,
    reasonLabel,
    cancelledPaymentOn: paid ? i.paidOn : null,
    explanation: `${what}${payment}. Elle repartira dans le prochain fichier de virements : vérifiez d'abord les coordonnées bancaires du bénéficiaire.`,
  };
}
