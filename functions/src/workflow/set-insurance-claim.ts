import { money, nextInsuranceClaim } from "../domain";
import { euros } from "../domain/reminders/french-amount";
import { frenchDate } from "../domain/dates/calendar-day";
import { fieldProblem } from "../domain/validation/field-errors";
import { ApiError, badRequest, conflict, notFound } from "../errors/api-error";
import { INVOICES } from "../model/collections";
import { invoiceCopies, type InvoiceDoc, type StoredInsuranceClaim } from "../model/invoice";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { InsuranceClaimBody } from "./bodies/insurance-claim-body";

/**
 * Records one step of the invoice's claim on the credit insurance, on the
 * receivable's state (never the sealed record). A declaration stops the
 * declaration reminder. The same step sent again changes nothing; a step
 * out of order, dated in the future or before the previous one, a
 * declaration of an invoice with nothing left to pay, or an amount above
 * the invoice's total, is refused in French and writes nothing.
 */
export async function setInsuranceClaim(uow: UnitOfWork, invoiceId: string, body: InsuranceClaimBody) {
  const ref = uow.collection(INVOICES).doc(invoiceId);
  const invoice = await uow.get<InvoiceDoc>(ref);
  if (!invoice) throw notFound(`Facture introuvable : ${invoiceId}.`);
  const { number, gross } = invoiceCopies(invoice.content);
  const before = invoice.insuranceClaim ?? null;
  if (!before && money(invoice.openAmount).lessThanOrEqualTo(0))
    throw conflict(
      "ALREADY_PAID",
      `La facture ${number} est réglée${invoice.paidOn ? ` (le ${frenchDate(invoice.paidOn)})` : ""} : il n'y a pas d'impayé à déclarer à l'assureur.`,
    );
  if (body.amount && money(body.amount).greaterThan(money(gross)))
    throw badRequest(`Le montant dépasse le total de la facture ${number} (${euros(gross)}).`, [
      fieldProblem("amount", `${euros(body.amount)} dépasse le total de la facture, ${euros(gross)}`),
    ]);
  const step = nextInsuranceClaim(before, body, uow.today);
  if (!step.ok) {
    const message = `Assurance-crédit de la facture ${number} : ${step.problem}.`;
    const details = [fieldProblem(step.field, step.problem)];
    // Out of order is the claim's state refusing it (409); a wrong day is the input (400).
    throw step.field === "status" ? new ApiError(409, "INVALID_STATE", message, details) : badRequest(message, details);
  }
  if (step.changed) {
    const stored: StoredInsuranceClaim = { ...step.claim, updatedAt: uow.timestamp, updatedBy: uow.actor };
    uow.update(ref, { insuranceClaim: stored });
    uow.event(
      "invoice.insurance_claim_changed",
      { kind: "invoice", id: invoiceId },
      { status: before?.status ?? null },
      { status: body.status, on: body.on, reference: body.reference ?? null, amount: body.amount ?? null },
    );
  }
  return {
    id: invoiceId,
    number,
    dueDate: invoiceCopies(invoice.content).dueDate,
    openAmount: invoice.openAmount,
    insuranceClaim: {
      status: step.claim.status,
      declaredOn: step.claim.declaredOn,
      reference: step.claim.reference,
      steps: step.claim.steps,
    },
    changed: step.changed,
  };
}
