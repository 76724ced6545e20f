/**
 * Firestore documents → sheet rows, pure. A row is keyed by its document
 * id (or document id + line for documents spread over several rows); a
 * `null` cell is one the sync leaves as it is (an input only a person
 * types, such as the order's net amount of an imported deposit).
 */
import {
  CUSTOMER_KIND_LABELS,
  DEPOSIT_KIND_LABELS,
  EXTERNAL_INVOICE_LABEL,
  INVOICE_TYPE_LABELS,
  PAYMENT_MEANS_LABELS,
  REFUND_REASON_LABELS,
  REFUND_STATUS_LABELS,
  ROLE_LABELS,
  SUPPLY_KIND_LABELS,
  depositStatusLabel,
  formatMoney,
  insuranceClaimSummary,
  money,
  vatRateLabel,
  type PaymentMeans,
  TRANSFER_STATUS_LABELS,
  type RefundReason,
} from "../../domain";
import type { CreditNoteDoc } from "../../model/credit-note";
import type { DepositDoc } from "../../model/deposit";
import { invoiceCopies, type InvoiceDoc } from "../../model/invoice";
import type { JournalEntryDoc } from "../../model/journal-entry";
import { instalmentId, refundTotalOwed, type InstalmentDoc, type RefundDoc } from "../../model/refund";
import { date, money as amount, text, type Cell } from "../cell";

export interface Row {
  id: string;
  /** Sort key among the sheet's new rows: chronological. */
  order: string;
  cells: (Cell | null)[];
}

const negative = (value: string) => formatMoney(money(value).negated());
const sum = (values: string[]) => formatMoney(values.reduce((t, v) => t.plus(money(v)), money(0)));
const pad = (n: number) => String(n).padStart(10, "0");

export function depositRow(id: string, d: DepositDoc): Row {
  return {
    id,
    order: d.invoiceNumber,
    cells: [
      text(d.invoiceNumber),
      text(d.customer.name),
      amount(d.total.gross),
      amount(d.refundableBalance),
      text(depositStatusLabel(d.status, d.creditNotes.length, d.refundProgress)),
      // « Message »: the import's, left as it wrote it (a recorded row's limit warning stays beside it).
      null,
      text(CUSTOMER_KIND_LABELS[d.customer.kind]),
      text(d.customer.siren),
      text(d.customer.email),
      text(d.orderRef),
      text(DEPOSIT_KIND_LABELS[d.kind]),
      text(SUPPLY_KIND_LABELS[d.supplyKind]),
      text(d.lines.map((l) => vatRateLabel(l.vatRate)).join(" / ")),
      d.order ? amount(d.order.net) : null,
      d.order?.percent ? text(d.order.percent.replace(".", ",")) : null,
      date(d.cashedDate),
      text(PAYMENT_MEANS_LABELS[d.paymentMeans as PaymentMeans] ?? d.paymentMeans),
      date(d.invoiceDate),
      amount(d.total.net),
      amount(d.total.vat),
      date(d.vatDue.date),
      text(id),
    ],
  };
}

export function invoiceRow(id: string, i: InvoiceDoc): Row {
  const c = i.content;
  // What the invoice says comes from its sealed content; only the receivable's state from beside it.
  const sealed = invoiceCopies(c);
  const deducted = c.deductedDeposits
    ? sum(c.deductedDeposits.map((d) => d.total.gross))
    : (c.externalDepositsDeducted ?? null);
  return {
    id,
    order: pad(i.seq),
    cells: [
      text(id),
      text(sealed.number),
      text(sealed.origin === "external" ? EXTERNAL_INVOICE_LABEL : INVOICE_TYPE_LABELS[sealed.type]),
      date(sealed.issuedOn),
      text(c.customer.name),
      text(c.orderRef),
      amount(c.total.net),
      amount(c.total.vat),
      amount(c.total.gross),
      amount(deducted),
      amount(c.amountDue ?? c.total.gross),
      date(sealed.dueDate),
      amount(i.openAmount),
      date(i.paidOn),
      text(money(i.openAmount).isZero() ? "Payée" : "À payer"),
      text(i.document?.fileName),
      text(i.insuranceClaim ? insuranceClaimSummary(i.insuranceClaim) : ""),
    ],
  };
}

export function refundRow(id: string, r: RefundDoc): Row {
  const approvals = r.approvals.map((a) => `${ROLE_LABELS[a.role]} : ${a.by}`).join(" ; ");
  const ended = r.rejection
    ? `${REFUND_STATUS_LABELS.rejected} par ${r.rejection.by} : ${r.rejection.reason}`
    : r.cancellation
      ? `${REFUND_STATUS_LABELS.cancelled} par ${r.cancellation.by}`
      : "";
  return {
    id,
    order: `${r.requestedOn}|${r.createdAt.toMillis().toString().padStart(15, "0")}|${id}`,
    cells: [
      text(r.number),
      text(r.depositNumber),
      text(r.customerName),
      text(REFUND_REASON_LABELS[r.proposal.reason as RefundReason] ?? r.proposal.reason),
      // The credit note's gross (none for a customer credit), then all that is owed: compensation carries no VAT.
      amount(r.depositId ? r.grossAmount : null),
      amount(refundTotalOwed(r)),
      text(r.requestedBy),
      date(r.requestedOn),
      text(REFUND_STATUS_LABELS[r.status]),
      text(r.awaiting.map((role) => ROLE_LABELS[role]).join(", ")),
      text(approvals),
      date(r.approvedOn),
      text(r.creditNoteNumber),
      text(ended),
      date(r.paidOn),
      text(id),
    ],
  };
}

export { instalmentId };

/** « Payée », else « Virement émis » once in a SEPA transfer file, else « À payer ». */
function instalmentStatusLabel(i: InstalmentDoc): string {
  if (i.status === "paid") return "Payée";
  return i.transferStatus ? TRANSFER_STATUS_LABELS[i.transferStatus] : "À payer";
}

export function instalmentRow(i: InstalmentDoc): Row {
  return {
    id: instalmentId(i),
    order: `${i.creditNoteNumber}|${pad(i.number)}`,
    cells: [
      text(i.refundNumber),
      text(i.creditNoteNumber),
      text(i.customerName),
      text(`${i.number}/${i.count}`),
      date(i.dueDate),
      amount(i.amount),
      text(instalmentStatusLabel(i)),
      date(i.paidOn),
      text(instalmentId(i)),
    ],
  };
}

/** One row per VAT rate, amounts negative as printed on the credit note (domain.md, example 1). */
export function creditNoteRows(id: string, n: CreditNoteDoc): Row[] {
  const c = n.content;
  return c.lines.map((line) => ({
    id: `${id}-${line.vatRate}`,
    order: `${pad(n.seq)}|${pad(Math.round(Number(line.vatRate) * 100))}`,
    cells: [
      text(c.number),
      date(c.date),
      text(`Avoir (${c.typeCode})`),
      text(c.seller.name),
      text(c.seller.siren),
      text(c.customer.name),
      text(c.customer.siren),
      text(c.customer.address),
      text(c.cites.number),
      date(c.cites.date),
      text(vatRateLabel(line.vatRate)),
      amount(negative(line.net)),
      amount(negative(line.vat)),
      amount(negative(line.gross)),
      amount(negative(c.total.net)),
      amount(negative(c.total.vat)),
      amount(negative(c.total.gross)),
      text(c.refundId),
      text(n.document?.fileName),
      text(`${id}-${line.vatRate}`),
    ],
  }));
}

export function journalRows(id: string, e: JournalEntryDoc): Row[] {
  const c = e.content;
  return c.lines.map((line, i) => ({
    id: `${id}-${i + 1}`,
    order: `${pad(e.seq)}|${pad(i)}`,
    cells: [
      text(c.number),
      date(c.date),
      text(c.journal),
      text(c.label),
      text(c.pieceRef),
      text(line.account),
      text(line.label),
      amount(money(line.debit).isZero() ? null : line.debit),
      amount(money(line.credit).isZero() ? null : line.credit),
      text(`${id}-${i + 1}`),
    ],
  }));
}
