import { formatMoney, money } from "../domain";
import { CUSTOMER_CREDITS, INVOICES } from "../model/collections";
import type { Customer } from "../model/amounts";
import type { InvoiceDoc } from "../model/invoice";
import type { CustomerCreditDoc } from "../model/payment";
import type { QuoteSnapshot } from "../model/refund";
import { conflict } from "../errors/api-error";
import type { UnitOfWork } from "../storage/unit-of-work";
import { customerKey } from "../model/amounts";
import type { CompanySettings } from "../model/company";
import { postVatOnPayment } from "./vat-on-payment";
import { markProfileStale } from "./mark-profile-stale";
import { refuseOffsetOnFactored } from "./factored-invoice";

/**
 * What the approved quote sets against the customer's open invoices
 * (lettrage: their open amount goes down, paid at zero) and what it keeps
 * on the customer's account (a customer credit, refundable later). Refused
 * (409) when an invoice was paid in the meantime: the request must be quoted
 * again; or when it is assigned to a factor (refuseOffsetOnFactored).
 */
export async function applySettlement(
  uow: UnitOfWork,
  refundId: string,
  customer: Customer,
  settlement: QuoteSnapshot["settlement"],
  /** The credit note the refund issued (the piece of a VAT transfer its offset makes chargeable) and the company's settings. */
  context: { creditNoteNumber: string; settings: CompanySettings },
): Promise<void> {
  const offsets = settlement.offset.filter((o) => !money(o.amount).isZero());
  if (offsets.length > 0) {
    const found = await uow.query<InvoiceDoc>(
      uow.collection(INVOICES).where("customerKey", "==", customerKey(customer)).where("type", "==", "final"),
    );
    for (const offset of offsets) {
      const invoice = found.find((i) => i.data.content.number === offset.invoiceNumber);
      // The quote never offers one; checked again here, where the offset is written.
      if (invoice) refuseOffsetOnFactored(invoice.data);
      if (!invoice || money(invoice.data.openAmount).lessThan(money(offset.amount))) {
        throw conflict(
          "SETTLEMENT_STALE",
          `La facture ${offset.invoiceNumber} a été réglée depuis la demande : la compensation prévue n'est plus possible. Refusez la demande et créez-en une nouvelle.`,
        );
      }
      const left = money(invoice.data.openAmount).minus(money(offset.amount));
      // The offset pays the invoice: a services invoice's VAT on payment becomes chargeable for that share.
      const vat = await postVatOnPayment(
        uow,
        invoice,
        formatMoney(left),
        { paidOn: uow.today, piece: context.creditNoteNumber, by: { kind: "refund", id: refundId } },
        context.settings,
      );
      uow.update(uow.collection(INVOICES).doc(invoice.id), {
        openAmount: formatMoney(left),
        ...(left.isZero() ? { paidOn: uow.today } : {}),
        letters: [...(invoice.data.letters ?? []), `AV:${refundId.slice(0, 6)}`],
        ...vat,
      });
    }
  }
  // An offset settles invoices; a refund approved lowers the deposits held (exposure): the profile reads both.
  await markProfileStale(uow, [customerKey(customer)]);
  if (!money(settlement.keptAsCredit).isZero()) {
    const credit: CustomerCreditDoc = {
      customer,
      paymentId: null,
      refundId,
      amount: settlement.keptAsCredit,
      refundableBalance: settlement.keptAsCredit,
      createdAt: uow.timestamp,
    };
    uow.create(uow.collection(CUSTOMER_CREDITS).doc(), credit);
  }
}
