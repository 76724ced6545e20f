import { allocatePayment, factorShares, money, paymentReceivedEntry } from "../domain";
import { frenchDate } from "../domain/dates/calendar-day";
import { fieldProblem } from "../domain/validation/field-errors";
import { CUSTOMER_CREDITS, INVOICES, PAYMENTS } from "../model/collections";
import type { InvoiceDoc } from "../model/invoice";
import type { CustomerCreditDoc, PaymentDoc } from "../model/payment";
import { badRequest, notFound, unprocessable } from "../errors/api-error";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import type { PaymentBody } from "./bodies/payment-body";
import { customerKey } from "../model/amounts";
import { markProfileStale } from "./mark-profile-stale";
import { chartOption, settingsOf } from "./company-settings";
import { postEntry } from "./post-entry";
import { postVatOnPayment } from "./vat-on-payment";

/**
 * A customer payment matched to invoices (lettrage): each invoice's open
 * amount goes down (paid when it reaches zero), the payment's and the
 * invoices' 411 lines share a letter, and what exceeds them becomes the
 * customer's unapplied credit, refundable through the refund flow. What it
 * pays of invoices assigned to a factor credits the factor's account, where
 * their receivable sits (docs/customers-risk.md « Factoring », « Ledger »).
 */
export async function recordPayment(uow: UnitOfWork, access: Access, body: PaymentBody) {
  if (body.date > uow.today)
    throw badRequest("La date du paiement est dans le futur.", [fieldProblem("date", "date future")]);
  if (new Set(body.invoiceIds).size !== body.invoiceIds.length)
    throw badRequest("Une facture figure deux fois.", [fieldProblem("invoiceIds", "doublon")]);
  const refs = body.invoiceIds.map((id) => uow.collection(INVOICES).doc(id));
  const invoices = await uow.getAll<InvoiceDoc>(refs);
  const key = customerKey(body.customer);
  invoices.forEach((inv, i) => {
    if (!inv) throw notFound(`Facture introuvable : ${body.invoiceIds[i]}.`);
    const number = inv.content.number;
    if (customerKey(inv.content.customer) !== key)
      throw unprocessable("OTHER_CUSTOMER", `La facture ${number} est celle d'un autre client.`, [
        { path: `invoiceIds.${i}`, message: `Facture ${number} : autre client.` },
      ]);
    if (money(inv.openAmount).isZero())
      throw unprocessable("INVOICE_PAID", `La facture ${number} est déjà soldée.`, [
        { path: `invoiceIds.${i}`, message: `Facture ${number} : déjà soldée.` },
      ]);
    // Money received before an invoice exists is an advance: a deposit, with its own invoice and VAT.
    if (body.date < inv.content.date)
      throw unprocessable(
        "PAYMENT_BEFORE_INVOICE",
        `Le paiement du ${frenchDate(body.date)} précède la facture ${number} du ${frenchDate(inv.content.date)} : vérifiez sa date, ou enregistrez une somme versée avant la facture comme un acompte.`,
        [
          {
            path: "date",
            message: `Date du paiement : au plus tôt le ${frenchDate(inv.content.date)}, date de la facture ${number}.`,
          },
        ],
      );
  });
  const open = invoices as InvoiceDoc[];
  const { allocations, unapplied } = allocatePayment({
    amount: body.amount,
    invoices: open.map((inv, i) => ({ id: body.invoiceIds[i], outstanding: inv.openAmount })),
  });

  const paymentRef = uow.collection(PAYMENTS).doc();
  const letter = paymentRef.id.slice(0, 6).toUpperCase();
  const shares = factorShares(
    allocations.map((a, i) => ({ amount: a.amount, factorAccount: open[i].content.factoring?.account })),
  );
  const entry = paymentReceivedEntry({
    date: uow.today,
    pieceRef: `PAI-${paymentRef.id.slice(0, 8)}`,
    amount: body.amount,
    label: `Règlement ${body.customer.name}`,
    ...(shares.length > 0 ? { factorShares: shares } : {}),
    ...chartOption(settingsOf(access)),
  });
  const posted = await postEntry(uow, entry, { kind: "payment", id: paymentRef.id });

  for (const [i, a] of allocations.entries()) {
    const settled = money(a.left).isZero();
    const vat = await postVatOnPayment(
      uow,
      { id: a.id, data: open[i] },
      a.left,
      { paidOn: body.date, piece: entry.pieceRef, by: { kind: "payment", id: paymentRef.id } },
      settingsOf(access),
    );
    uow.update(refs[i], {
      openAmount: a.left,
      ...(settled ? { paidOn: body.date } : {}),
      letters: [...(open[i].letters ?? []), letter],
      ...vat,
    });
  }
  let creditId: string | null = null;
  if (!money(unapplied).isZero()) {
    const creditRef = uow.collection(CUSTOMER_CREDITS).doc();
    creditId = creditRef.id;
    const credit: CustomerCreditDoc = {
      customer: body.customer,
      paymentId: paymentRef.id,
      amount: unapplied,
      refundableBalance: unapplied,
      createdAt: uow.timestamp,
    };
    uow.create(creditRef, credit);
  }
  const doc: PaymentDoc = {
    customer: body.customer,
    date: body.date,
    amount: body.amount,
    means: body.means,
    allocations: allocations.map((a, i) => ({ invoiceId: a.id, number: open[i].content.number, amount: a.amount })),
    unapplied,
    ...(shares.length > 0 ? { factorShares: shares } : {}),
    customerCreditId: creditId,
    journalEntryId: posted.id,
    letter,
    createdAt: uow.timestamp,
    createdBy: uow.actor,
  };
  uow.create(paymentRef, doc);
  await markProfileStale(uow, [key]);
  uow.event("payment.recorded", { kind: "payment", id: paymentRef.id }, null, {
    amount: body.amount,
    unapplied,
    invoices: doc.allocations.map((a) => a.number),
  });
  return { id: paymentRef.id, ...doc, createdAt: undefined };
}
