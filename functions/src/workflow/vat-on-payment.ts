import { money, vatChargeableOnPayment, vatOnPaymentEntry } from "../domain";
import type { CompanySettings } from "../model/company";
import type { InvoiceDoc, InvoiceState, VatOnPaymentTransfer } from "../model/invoice";
import type { UnitOfWork } from "../storage/unit-of-work";
import { chartOption } from "./company-settings";
import { postEntry } from "./post-entry";

/**
 * When a services invoice whose VAT waits for payment is paid (by a payment,
 * or by a refund set against it), posts the VAT that payment makes
 * chargeable from 44574 to 44571 (CGI art. 269-2-c), in the caller's
 * transaction. Answers the invoice's `vatOnPayment` to store with its new
 * open amount (nothing for any other invoice, or when the share rounds to no VAT).
 */
export async function postVatOnPayment(
  uow: UnitOfWork,
  invoice: { id: string; data: InvoiceDoc },
  openAfter: string,
  paid: Omit<VatOnPaymentTransfer, "entryId" | "entry" | "lines">,
  settings: CompanySettings,
): Promise<Pick<InvoiceState, "vatOnPayment">> {
  const state = invoice.data.vatOnPayment;
  if (!state) return {};
  const { lines, transferred } = vatChargeableOnPayment({
    due: state.due,
    transferred: state.transferred,
    amountDue: invoice.data.gross,
    openAfter,
  });
  // A share too small to round to a cent of VAT waits for the next payment, computed on the cumulative amount paid.
  if (lines.every((l) => money(l.vat).isZero())) return {};
  const entry = vatOnPaymentEntry({
    date: uow.today,
    pieceRef: paid.piece,
    invoiceNumber: invoice.data.number,
    lines,
    ...chartOption(settings),
  });
  const posted = await postEntry(uow, entry, { kind: "finalInvoice", id: invoice.id });
  const transfer: VatOnPaymentTransfer = { ...paid, entryId: posted.id, entry: posted.number, lines };
  return { vatOnPayment: { due: state.due, transferred, transfers: [...state.transfers, transfer] } };
}
