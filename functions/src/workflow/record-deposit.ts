import {
  checkDepositsWithinOrder,
  depositCashedEntry,
  depositInvoice,
  formatMoney,
  money,
  refundableBalance,
} from "../domain";
import { fieldProblem } from "../domain/validation/field-errors";
import { DEPOSITS, INVOICES } from "../model/collections";
import { depositInvoiceCopies, type DepositDoc } from "../model/deposit";
import { invoiceCopies, type InvoiceContent, type InvoiceState } from "../model/invoice";
import { badRequest } from "../errors/api-error";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import type { DepositBody } from "./bodies/deposit-body";
import { chartOption, settingsOf } from "./company-settings";
import { ensureCustomer } from "./customer-records";
import { markRecordStale } from "./mark-profile-stale";
import { invoiceHead } from "./invoice-head";
import { refuseIfOrderInvoiced } from "./order-final-invoice";
import { issueDocument, refuseIfDocumentNotReady } from "./issue-document";
import { postEntry } from "./post-entry";

/**
 * Records a cashed deposit: the deposit invoice (type 386) takes the next
 * number of the invoice series, dated today, showing the cashing date; its
 * ledger entry D512 / C4191 / C44571; the deposit's state document; an event.
 */
export async function recordDeposit(
  uow: UnitOfWork,
  access: Access,
  body: DepositBody,
): Promise<{ id: string; doc: DepositDoc }> {
  if (body.cashedDate > uow.today) {
    throw badRequest("La date d'encaissement est dans le futur : enregistrez l'acompte une fois encaissé.", [
      fieldProblem("cashedDate", "date future"),
    ]);
  }
  // Money received once the order is invoiced pays the final invoice: a deposit invoice would collect its VAT twice.
  const [recorded] = await Promise.all([
    uow.query<DepositDoc>(uow.collection(DEPOSITS).where("orderRef", "==", body.orderRef)),
    refuseIfOrderInvoiced(uow, body.orderRef, " : enregistrez ce règlement comme un paiement de la facture"),
  ]);
  const settings = settingsOf(access);
  const invoice = depositInvoice({
    kind: body.kind,
    customerKind: body.customer.kind,
    supplyKind: body.supplyKind,
    order: body.order,
    deposit: body.deposit,
    invoiceDate: uow.today,
    cashedDate: body.cashedDate,
    vatOnDebits: settings.vatOnDebits,
    arrhesVatOnReceipt: settings.arrhesVatOnReceipt,
  });
  checkDepositsWithinOrder({
    orderGross: invoice.orderGross,
    recorded: recorded.map(({ data }) => ({
      number: data.invoiceNumber,
      held: refundableBalance({
        deposit: { lines: data.lines },
        issuedRefunds: data.creditNotes.map((c) => ({ lines: c.lines })),
      }).total.gross,
    })),
    newGross: invoice.total.gross,
  });

  refuseIfDocumentNotReady(access, body.customer);
  // A customer seen for the first time gets its record in this transaction.
  // A deposit adds to the orders in progress and the deposits held: the exposure changes.
  markRecordStale(uow, await ensureCustomer(uow, body.customer, "deposit"));
  const depositRef = uow.collection(DEPOSITS).doc();
  const invoiceRef = uow.collection(INVOICES).doc();
  const slot = await uow.nextNumber("invoice", uow.today);
  const content: InvoiceContent = {
    ...invoiceHead("deposit", slot, settings, body.customer, body.orderRef),
    lines: invoice.lines,
    total: invoice.total,
    paymentDate: body.cashedDate,
    depositKind: invoice.kind,
    supplyKind: body.supplyKind,
  };
  // Issued paid: the deposit was cashed before its invoice.
  const state: InvoiceState = { openAmount: "0.00", paidOn: body.cashedDate };
  const document = await issueDocument(uow, access, {
    sourceRef: invoiceRef,
    source: { kind: "depositInvoice", content },
  });
  uow.putChained(slot, invoiceRef, content, { ...invoiceCopies(content), ...state }, document ?? undefined);

  const entry = depositCashedEntry({
    date: uow.today,
    pieceRef: slot.number,
    lines: invoice.lines,
    ...chartOption(settings),
  });
  const posted = await postEntry(uow, entry, { kind: "deposit", id: depositRef.id });

  const doc: DepositDoc = {
    ...depositInvoiceCopies(content),
    invoiceId: invoiceRef.id,
    paymentMeans: body.paymentMeans,
    vatDue: { basis: invoice.vatDue.basis, date: invoice.vatDue.date ?? null, period: invoice.vatDue.period ?? null },
    creditNotes: [],
    refundableBalance: invoice.total.gross,
    order: {
      net: formatMoney(body.order.lines.reduce((total, l) => total.plus(money(l.net)), money(0))),
      percent: body.deposit.percent ?? null,
    },
    status: "open",
    journalEntryId: posted.id,
    createdAt: uow.timestamp,
    createdBy: uow.actor,
  };
  uow.create(depositRef, doc);
  uow.event("deposit.recorded", { kind: "deposit", id: depositRef.id }, null, {
    status: "open",
    invoiceNumber: slot.number,
    gross: doc.gross,
  });
  return { id: depositRef.id, doc };
}
