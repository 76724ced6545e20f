/**
 * Import of the `Factures` rows typed without an id: invoices another tool
 * issued, recorded through POST …/invoices/external, and what was paid on
 * each, recorded through POST …/payments and matched to it (lettrage).
 *
 * Payment columns: `Payée le` (date of the payment) and `Reste dû` (what
 * is still owed after it, empty = nothing): the payment is the invoice's
 * net to pay minus `Reste dû`, by bank transfer (the sheet has no column
 * for the means). Refusals go into `Statut` (« Erreur : … »), the sheet
 * having no message column. When the invoice is recorded but its payment
 * is refused, the row keeps no id: fixed and imported again, the invoice
 * is a replay of its key (its cells unchanged) and the payment is recorded.
 */
import { formatMoney, money } from "../../domain";
import { euros } from "../../domain/reminders/french-amount";
import { toApiError } from "../../errors/to-api-error";
import { FACTURES } from "../layout/workbook-spec";
import { IMPORT_ERROR_STATUS } from "../sync/labels";
import {
  invoiceImportMessage,
  invoiceRowParts,
  isBlankInvoiceRow,
  paymentImportMessage,
  type PaymentCells,
} from "./invoice-row-body";
import { cellA1, type RowOutcome, type TypedSheet } from "./typed-rows";

export type RecordExternalInvoice = (
  body: unknown,
  idempotencyKey: string,
) => Promise<{ id: string; number: string; openAmount: string; content: { customer: unknown } }>;
export type RecordPayment = (body: unknown, idempotencyKey: string) => Promise<{ id: string }>;

/** The sheet has no column for it: an imported payment is recorded as a bank transfer. */
export const IMPORTED_PAYMENT_MEANS = "virement";

async function recordPaidPart(
  invoice: Awaited<ReturnType<RecordExternalInvoice>>,
  payment: PaymentCells,
  recordPayment: RecordPayment,
  key: string,
): Promise<RowOutcome> {
  const refused = (why: string): RowOutcome => ({
    id: invoice.id,
    message: `Facture ${invoice.number} enregistrée, paiement non enregistré : ${why}`,
  });
  const remaining = payment.remaining ?? (payment.paidOn ? "0" : invoice.openAmount);
  const paid = money(invoice.openAmount).minus(remaining);
  if (paid.isNegative())
    return refused(`le reste dû (${euros(remaining)}) dépasse le net à payer (${euros(invoice.openAmount)}).`);
  if (paid.isZero()) {
    return payment.paidOn
      ? refused("« Payée le » est rempli mais le reste dû égale le net à payer : videz l'une des deux colonnes.")
      : { id: invoice.id };
  }
  if (!payment.paidOn) return refused("indiquez la date du paiement dans « Payée le ».");
  try {
    await recordPayment(
      {
        customer: invoice.content.customer,
        date: payment.paidOn,
        amount: formatMoney(paid),
        means: IMPORTED_PAYMENT_MEANS,
        invoiceIds: [invoice.id],
      },
      key,
    );
    return { id: invoice.id };
  } catch (error) {
    const apiError = toApiError(error);
    if (!apiError) throw error;
    return refused(paymentImportMessage(apiError.message, apiError.details));
  }
}

export function facturesSheet(record: { invoice: RecordExternalInvoice; payment: RecordPayment }): TypedSheet {
  return {
    spec: FACTURES,
    isBlank: isBlankInvoiceRow,
    async record(line, key) {
      const { invoice, payment } = invoiceRowParts(line);
      // The invoice's key depends on its cells only: fixing the payment cells replays it.
      const recorded = await record.invoice(invoice, key(invoice));
      return recordPaidPart(recorded, payment, record.payment, key({ invoice, payment }));
    },
    message: invoiceImportMessage,
    status: (row, message) => ({
      range: cellA1(FACTURES, row, "Statut"),
      values: [[message === null ? "" : `${IMPORT_ERROR_STATUS} : ${message}`]],
    }),
  };
}
