import { formatMoney, money, penaltyClaim, penaltyInvoiceEntry } from "../domain";
import { FieldPath } from "@google-cloud/firestore";
import { INVOICES, PAYMENTS, REFUNDS } from "../model/collections";
import type { RefundDoc } from "../model/refund";
import {
  invoiceCopies,
  type InvoiceContent,
  type InvoiceDoc,
  type InvoiceState,
  type PenaltyClaimContent,
  type PenaltyClaimed,
} from "../model/invoice";
import type { PaymentDoc } from "../model/payment";
import { notFound, unprocessable } from "../errors/api-error";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import type { PenaltyClaimBody } from "./bodies/penalty-claim-body";
import { companyLegalRates } from "./company-legal-rates";
import { chartOption, settingsOf } from "./company-settings";
import { invoiceDueDate } from "./invoice-due-date";
import { invoiceHead } from "./invoice-head";
import { issueDocument, refuseIfDocumentNotReady } from "./issue-document";
import { postEntry } from "./post-entry";
import { markProfileStale } from "./mark-profile-stale";

/** Firestore's limit on the values of an `in` filter. */
const IN_LIMIT = 30;
/** applySettlement's letter for a refund set against the invoice: `AV:` and the refund id's first six characters. */
const OFFSET_LETTER = "AV:";

/** The payments matched to the invoice (by the letters it carries), each on its own date. */
async function paymentsOf(uow: UnitOfWork, id: string, letters: string[]) {
  const chunks = Array.from({ length: Math.ceil(letters.length / IN_LIMIT) }, (_, i) =>
    letters.slice(i * IN_LIMIT, (i + 1) * IN_LIMIT),
  );
  const found = await Promise.all(
    chunks.map((chunk) => uow.query<PaymentDoc>(uow.collection(PAYMENTS).where("letter", "in", chunk))),
  );
  return found
    .flat()
    .flatMap((p) =>
      p.data.allocations.filter((a) => a.invoiceId === id).map((a) => ({ date: p.data.date, amount: a.amount })),
    );
}

/** The refunds set against the invoice (applySettlement), each on the day it was approved. */
async function offsetsOf(uow: UnitOfWork, number: string, prefixes: string[]) {
  const found = await Promise.all(
    prefixes.map((prefix) =>
      uow.query<RefundDoc>(
        uow
          .collection(REFUNDS)
          .where(FieldPath.documentId(), ">=", prefix)
          .where(FieldPath.documentId(), "<", `${prefix}\uf8ff`),
      ),
    ),
  );
  return found
    .flat()
    .filter((r) => r.data.approvedOn !== null)
    .flatMap((r) =>
      r.data.quote.settlement.offset
        .filter((o) => o.invoiceNumber === number)
        .map((o) => ({ date: r.data.approvedOn as string, amount: o.amount })),
    );
}

/**
 * What settled the invoice and when: the payments matched to it on their
 * dates, the refunds set against it on the day they were approved. Whatever
 * else lowered its open amount (none today) is counted as settled on the due
 * date, so it earns no penalty: the claim may fall short, never overcharge.
 */
async function settlementsOf(uow: UnitOfWork, id: string, invoice: InvoiceDoc) {
  const letters = invoice.letters ?? [];
  const [payments, offsets] = await Promise.all([
    paymentsOf(
      uow,
      id,
      letters.filter((l) => !l.startsWith(OFFSET_LETTER)),
    ),
    offsetsOf(uow, invoice.content.number, [
      ...new Set(letters.filter((l) => l.startsWith(OFFSET_LETTER)).map((l) => l.slice(OFFSET_LETTER.length))),
    ]),
  ]);
  const dated = [...payments, ...offsets].filter((s) => !money(s.amount).isZero());
  const sealed = invoiceCopies(invoice.content);
  const undated = dated.reduce((left, s) => left.minus(s.amount), money(sealed.gross).minus(invoice.openAmount));
  return undated.greaterThan(0) ? [...dated, { date: sealed.dueDate, amount: formatMoney(undated) }] : dated;
}

/**
 * Invoices the late-payment penalties (Code de commerce L441-10) and, once
 * per invoice, the €40 recovery indemnity (D441-5) that the company claims on
 * one late invoice of a professional customer: a penalty invoice numbered in
 * the invoice series, without VAT, posted D411 / C7631 (penalties) / C7588
 * (indemnity), open like any receivable so payments and dunning follow it.
 * A later claim on the same invoice invoices only what accrued since.
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
      settlements: await settlementsOf(uow, invoiceId, late),
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
