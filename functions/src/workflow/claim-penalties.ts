import { penaltyClaim, penaltyInvoiceEntry } from "../domain";
import { INVOICES } from "../model/collections";
import {
  invoiceCopies,
  type InvoiceContent,
  type InvoiceDoc,
  type InvoiceState,
  type PenaltyClaimContent,
  type PenaltyClaimed,
} from "../model/invoice";
import { conflict, notFound, unprocessable } from "../errors/api-error";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import type { PenaltyClaimBody } from "./bodies/penalty-claim-body";
import { companyLegalRates } from "./company-legal-rates";
import { chartOption, settingsOf } from "./company-settings";
import { invoiceDueDate } from "./invoice-due-date";
import { invoiceHead } from "./invoice-head";
import { issueDocument, refuseIfDocumentNotReady } from "./issue-document";
import { postEntry } from "./post-entry";
import { invoiceSettlements } from "./invoice-settlements";
import { markProfileStale } from "./mark-profile-stale";

/**
 * Invoices the late-payment penalties (Code de commerce L441-10) and, once
 * per invoice, the €40 recovery indemnity (D441-5) that the company claims on
 * one late invoice of a professional customer: a penalty invoice numbered in
 * the invoice series, without VAT, posted D411 / C7631 (penalties) / C7588
 * (indemnity), open like any receivable so payments and dunning follow it.
 * A later claim on the same invoice invoices only what accrued since.
 * Refused (409) on an invoice assigned to a factor: with the receivable the
 * factor got its accessories by subrogation (C. civ. 1346-4), penalties
 * included; it claims them, not the company.
 */
export async function claimPenalties(uow: UnitOfWork, access: Access, invoiceId: string, body: PenaltyClaimBody) {
  const ref = uow.collection(INVOICES).doc(invoiceId);
  const [late, earlier, rates] = await Promise.all([
    uow.get<InvoiceDoc>(ref),
    uow.query<InvoiceDoc>(uow.collection(INVOICES).where("content.penaltyClaim.invoiceId", "==", invoiceId)),
    companyLegalRates(uow),
  ]);
  if (!late) throw notFound(`Facture introuvable : ${invoiceId}.`);
  if (late.content.type === "penalty")
    throw unprocessable(
      "PENALTY_ON_PENALTY",
      `La facture ${late.content.number} est elle-même une facture de pénalités : elle ne porte pas de pénalités de retard.`,
    );
  const sealed = invoiceCopies(late.content);
  if (sealed.factor)
    throw conflict(
      "INVOICE_FACTORED",
      `La facture ${sealed.number} est cédée à ${sealed.factor}, qui la recouvre : c'est au factor de réclamer ses pénalités de retard, Acompte n'en facture pas.`,
    );
  // The penalty invoices themselves are the authority (read in this transaction), not the late invoice's summary.
  const claimed: PenaltyClaimed[] = earlier
    .sort((a, b) => a.data.content.number.localeCompare(b.data.content.number))
    .map(({ id, data: { content: c } }) => ({
      invoiceId: id,
      number: c.number,
      date: c.date,
      penalties: c.penaltyClaim!.penalties,
      indemnity: c.penaltyClaim!.indemnity,
    }));
  const earlierClaims = claimed.map(({ number, date, penalties, indemnity }) => ({
    number,
    date,
    penalties,
    indemnity,
  }));
  const claim = penaltyClaim(
    {
      customerKind: late.content.customer.kind,
      invoice: { number: sealed.number, date: sealed.issuedOn, dueDate: sealed.dueDate, amountDue: sealed.gross },
      settlements: (await invoiceSettlements(uow, [{ id: invoiceId, data: late }])).get(invoiceId)!,
      claimDate: uow.today,
      contractRate: sealed.contractPenaltyRate,
      earlierClaims,
      claimIndemnity: body.claimIndemnity,
    },
    rates,
  );

  const settings = settingsOf(access);
  // Before the number: a refused document leaves no gap in the invoice series.
  refuseIfDocumentNotReady(access, late.content.customer);
  const slot = await uow.nextNumber("invoice", uow.today);
  const penaltyRef = uow.collection(INVOICES).doc();
  const content: InvoiceContent & { penaltyClaim: PenaltyClaimContent } = {
    ...invoiceHead("penalty", slot, settings, late.content.customer, late.content.orderRef),
    // Outside the scope of VAT: no line per VAT rate, the total has no VAT.
    lines: [],
    total: { net: claim.total, vat: "0.00", gross: claim.total },
    amountDue: claim.total,
    dueDate: invoiceDueDate(uow.today, settings.paymentTerms),
    penaltyClaim: {
      invoiceId,
      number: sealed.number,
      date: sealed.issuedOn,
      dueDate: sealed.dueDate,
      amountDue: sealed.gross,
      tranches: claim.tranches,
      accruedPenalties: claim.accruedPenalties,
      alreadyInvoiced: claim.alreadyInvoiced,
      earlierClaims: earlierClaims.map(({ number, date }) => ({ number, date })),
      penalties: claim.penalties,
      indemnity: claim.indemnity,
      ...(sealed.contractPenaltyRate ? { contractRate: sealed.contractPenaltyRate } : {}),
      legalBasis: claim.legalBasis,
      vatTreatment: claim.vatTreatment,
    },
  };
  const fields = {
    ...invoiceCopies(content),
    ...({ openAmount: claim.total, paidOn: null } satisfies InvoiceState),
  };
  // Its Factur-X file, issued and mailed like the final invoice's (docs/einvoice.md, « Penalty invoice »).
  const document = await issueDocument(uow, access, {
    sourceRef: penaltyRef,
    source: { kind: "penaltyInvoice", content },
  });
  uow.putChained(slot, penaltyRef, content, fields, document ?? undefined);
  await markProfileStale(uow, [fields.customerKey]);
  // What the late invoice's dunning letters cite and no longer ask again (dunningPenaltyParagraph).
  uow.update(ref, {
    penaltyClaims: [
      ...claimed,
      {
        invoiceId: penaltyRef.id,
        number: slot.number,
        date: uow.today,
        penalties: claim.penalties,
        indemnity: claim.indemnity,
      },
    ] satisfies PenaltyClaimed[],
  });
  const entry = penaltyInvoiceEntry({
    date: uow.today,
    pieceRef: slot.number,
    penalties: claim.penalties,
    indemnity: claim.indemnity,
    label: `Pénalités de retard ${slot.number} (facture ${sealed.number})`,
    ...chartOption(settings),
  });
  const posted = await postEntry(uow, entry, { kind: "penaltyInvoice", id: penaltyRef.id });
  uow.event("invoice.penalties_claimed", { kind: "invoice", id: penaltyRef.id }, null, {
    number: slot.number,
    invoice: sealed.number,
    penalties: claim.penalties,
    indemnity: claim.indemnity,
    amountDue: claim.total,
    dueDate: content.dueDate,
  });
  return {
    id: penaltyRef.id,
    ...fields,
    content,
    journalEntry: { id: posted.id, number: posted.number, lines: entry.lines },
  };
}
