import { money, schemas } from "../domain";
import { fieldProblem } from "../domain/validation/field-errors";
import { addMonths } from "../domain/dates/calendar-date";
import { frenchDate } from "../domain/dates/calendar-day";
import { INVOICES } from "../model/collections";
import { invoiceCopies, type InvoiceDoc, type InvoiceDunning } from "../model/invoice";
import { badRequest, conflict, notFound } from "../errors/api-error";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import { settingsOf } from "./company-settings";
import type { InvoiceDunningBody } from "./set-invoice-dunning-body";
import { markProfileStale } from "./mark-profile-stale";

/** The part of the dunning state the audit trail compares and the answer shows. */
type DunningState = Pick<InvoiceDunning, "disputed" | "disputeReason" | "promiseUntil">;

const NONE: DunningState = { disputed: false, disputeReason: null, promiseUntil: null };

function stateOf(dunning: InvoiceDunning | undefined): DunningState {
  if (!dunning) return NONE;
  return { disputed: dunning.disputed, disputeReason: dunning.disputeReason, promiseUntil: dunning.promiseUntil };
}

/**
 * Records that the customer disputes an open invoice, or promised to pay it
 * by a date: the reminders job sends no dunning letter meanwhile. Late-payment
 * penalties still run by law (L441-10); only the letters stop. A paid
 * invoice has nothing to chase (409); a promise cannot end in the past.
 */
export async function setInvoiceDunning(uow: UnitOfWork, access: Access, invoiceId: string, body: InvoiceDunningBody) {
  if (body.promiseUntil && body.promiseUntil < uow.today)
    throw badRequest(`La date de promesse de paiement (${frenchDate(body.promiseUntil)}) est déjà passée.`, [
      fieldProblem(
        "promiseUntil",
        `le ${frenchDate(body.promiseUntil)} est passé, indiquez aujourd'hui ou une date future`,
      ),
    ]);
  const months = settingsOf(access).paymentPromiseMaxMonths ?? schemas.PAYMENT_PROMISE_MAX_MONTHS;
  const latest = addMonths(uow.today, months);
  if (body.promiseUntil && body.promiseUntil > latest)
    throw badRequest(
      `Une promesse de paiement ne peut pas dépasser ${months} mois : au plus tard le ${frenchDate(latest)}.`,
      [
        fieldProblem(
          "promiseUntil",
          `le ${frenchDate(body.promiseUntil)} est à plus de ${months} mois, indiquez une date jusqu'au ${frenchDate(latest)}`,
        ),
      ],
    );
  const ref = uow.collection(INVOICES).doc(invoiceId);
  const invoice = await uow.get<InvoiceDoc>(ref);
  if (!invoice) throw notFound(`Facture introuvable : ${invoiceId}.`);
  if (invoice.paidOn !== null || money(invoice.openAmount).lessThanOrEqualTo(0))
    throw conflict(
      "ALREADY_PAID",
      `La facture ${invoice.content.number} est déjà réglée${invoice.paidOn ? ` (le ${frenchDate(invoice.paidOn)})` : ""} : il n'y a rien à relancer.`,
    );

  const before = stateOf(invoice.dunning);
  const after: DunningState = {
    disputed: body.disputed,
    disputeReason: body.disputed ? (body.disputeReason ?? null) : null,
    promiseUntil: body.promiseUntil === undefined ? before.promiseUntil : body.promiseUntil,
  };
  const changed = (Object.keys(after) as (keyof DunningState)[]).some((k) => after[k] !== before[k]);
  if (changed) {
    const dunning: InvoiceDunning = { ...after, updatedAt: uow.timestamp, updatedBy: uow.actor };
    uow.update(ref, { dunning });
    await markProfileStale(uow, [invoice.customerKey]);
    uow.event(
      "invoice.dunning_changed",
      { kind: "invoice", id: invoiceId },
      { ...before },
      { ...after },
      body.disputeReason,
    );
  }
  return {
    id: invoiceId,
    number: invoice.content.number,
    dueDate: invoiceCopies(invoice.content).dueDate,
    openAmount: invoice.openAmount,
    dunning: changed
      ? { ...after, updatedBy: uow.actor }
      : { ...before, updatedBy: invoice.dunning?.updatedBy ?? null },
    changed,
  };
}
