import { markProfileStale } from "./mark-profile-stale";
import {
  SHIPPED_LEGAL_RATES,
  factoringAssignmentEntry,
  finalInvoice,
  finalInvoiceEntry,
  vatDueOnPayment,
  money,
  refundableBalance,
  vatAwaitsPayment,
} from "../domain";
import { euros } from "../domain/reminders/french-amount";
import { fieldProblem } from "../domain/validation/field-errors";
import { DEPOSITS, INVOICES, REFUNDS } from "../model/collections";
import type { DepositDoc } from "../model/deposit";
import { invoiceCopies, type InvoiceContent, type InvoiceState } from "../model/invoice";
import { AWAITING_APPROVAL, RefundDoc } from "../model/refund";
import { badRequest, conflict } from "../errors/api-error";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import type { FinalInvoiceBody } from "./bodies/final-invoice-body";
import { companyLegalRates } from "./company-legal-rates";
import { chartOption, settingsOf } from "./company-settings";
import { invoiceDueDate } from "./invoice-due-date";
import { invoiceFactoring } from "./invoice-factoring";
import { invoiceHead } from "./invoice-head";
import { refuseIfOrderInvoiced } from "./order-final-invoice";
import { issueDocument, refuseIfDocumentNotReady } from "./issue-document";
import { postEntry } from "./post-entry";

/**
 * The order's final invoice (380) in the invoice series: full price per
 * rate, each deposit of the order deducted by number and date for what is
 * left of it after credit notes, VAT due = total − deposits' VAT; to a
 * consumer buying goods, the L214-2 interest on advances held over three
 * months until today (the delivery) is deducted from the amount due and
 * posted in the same entry (D6618). Its
 * deposits become `applied` and can no longer be refunded as such. One per
 * order: after it, the order takes no other final invoice and no deposit.
 */
export async function issueFinalInvoice(uow: UnitOfWork, access: Access, body: FinalInvoiceBody) {
  const [deposits] = await Promise.all([
    uow.query<DepositDoc>(uow.collection(DEPOSITS).where("orderRef", "==", body.orderRef)),
    refuseIfOrderInvoiced(uow, body.orderRef, ""),
  ]);
  // Every refund of the order's deposits, 30 ids per query (Firestore's limit on `in`; with a status filter
  // too the disjunctions multiply: past 10 deposits the query failed), the status filtered here.
  const chunks = Array.from({ length: Math.ceil(deposits.length / 30) }, (_, i) => deposits.slice(i * 30, i * 30 + 30));
  const refunds = await Promise.all(
    chunks.map((chunk) =>
      uow.query<RefundDoc>(
        uow.collection(REFUNDS).where(
          "depositId",
          "in",
          chunk.map((d) => d.id),
        ),
      ),
    ),
  );
  const inFlight = refunds.flat().filter((r) => AWAITING_APPROVAL.includes(r.data.status));
  if (inFlight.length > 0)
    throw conflict(
      "REFUND_IN_FLIGHT",
      `Une demande de remboursement est en cours sur un acompte de la commande ${body.orderRef} : traitez-la avant la facture de solde.`,
    );
  const customer = deposits[0]?.data.customer ?? body.customer;
  if (!customer)
    throw badRequest("Client obligatoire : la commande n'a pas d'acompte enregistré.", [
      fieldProblem("customer", "obligatoire sans acompte"),
    ]);

  const remaining = deposits
    .filter((d) => d.data.status === "open")
    .map((d) => ({
      d,
      left: refundableBalance({
        deposit: { lines: d.data.lines },
        issuedRefunds: d.data.creditNotes.map((c) => ({ lines: c.lines })),
      }),
    }))
    .filter(({ left }) => !money(left.total.gross).isZero());
  const settings = settingsOf(access);
  // The final invoice's date is the delivery: a consumer's advances held three months earn L214-2 interest until it.
  const invoice = finalInvoice(
    {
      supplyKind: body.supplyKind,
      lines: body.lines,
      deposits: remaining.map(({ d, left }) => ({
        number: d.data.invoiceNumber,
        date: d.data.invoiceDate,
        paidDate: d.data.cashedDate,
        lines: left.lines.filter((l) => !money(l.gross).isZero()),
      })),
      customerKind: customer.kind,
      date: uow.today,
    },
    // Only a consumer's goods order computes interest: the others need not read the company's rates.
    customer.kind === "b2c" && body.supplyKind === "goods" ? await companyLegalRates(uow) : SHIPPED_LEGAL_RATES,
  );
  const dueDate = invoiceDueDate(
    uow.today,
    body.paymentTermsDays !== undefined ? { kind: "days", days: body.paymentTermsDays } : settings.paymentTerms,
  );

  refuseIfDocumentNotReady(access, customer);
  const factoring = await invoiceFactoring(uow, access, customer, invoice.amountDue);
  const slot = await uow.nextNumber("invoice", uow.today);
  const ref = uow.collection(INVOICES).doc();
  const content: InvoiceContent = {
    ...invoiceHead("final", slot, settings, customer, body.orderRef),
    lines: invoice.lines,
    total: invoice.total,
    deductedDeposits: remaining.map(({ d, left }, i) => ({
      depositId: d.id,
      number: d.data.invoiceNumber,
      date: d.data.invoiceDate,
      lines: left.lines,
      total: { net: invoice.deposits[i].net, vat: invoice.deposits[i].vat, gross: invoice.deposits[i].gross },
    })),
    ...(invoice.advanceInterest ? { advanceInterest: invoice.advanceInterest } : {}),
    amountDue: invoice.amountDue,
    dueDate,
    penaltyRate: body.penaltyRate,
    ...(factoring ? { factoring } : {}),
  };
  const paid = money(invoice.amountDue).isZero();
  // Services without the option for debits: the VAT it makes due waits on 44574 until paid (CGI art. 269-2-c).
  const pendingVat = vatDueOnPayment(invoice.lines, [invoice.depositsByRate]);
  const vatOnPayment =
    pendingVat.length > 0 &&
    vatAwaitsPayment({ supplyKind: body.supplyKind, vatOnDebits: settings.vatOnDebits, amountDue: invoice.amountDue });
  const state: InvoiceState = { openAmount: invoice.amountDue, paidOn: paid ? uow.today : null };
  if (vatOnPayment)
    state.vatOnPayment = {
      due: pendingVat,
      transferred: [],
      transfers: [],
    };
  const fields = { ...invoiceCopies(content), ...state };
  const document = await issueDocument(uow, access, {
    sourceRef: ref,
    source: { kind: "finalInvoice", content },
  });
  uow.putChained(slot, ref, content, fields, document ?? undefined);
  const entry = finalInvoiceEntry({
    date: uow.today,
    pieceRef: slot.number,
    supplyKind: body.supplyKind,
    lines: invoice.lines,
    deposits: invoice.depositsByRate,
    ...(vatOnPayment ? { vatOnPayment } : {}),
    ...(invoice.advanceInterest && !money(invoice.advanceInterest.deducted).isZero()
      ? { advanceInterest: invoice.advanceInterest.deducted }
      : {}),
    ...chartOption(settings),
  });
  await postEntry(uow, entry, { kind: "finalInvoice", id: ref.id });
  if (factoring)
    await postEntry(
      uow,
      factoringAssignmentEntry({
        date: uow.today,
        pieceRef: slot.number,
        amount: invoice.amountDue,
        factor: factoring.factor,
        factorAccount: factoring.account,
        ...chartOption(settings),
      }),
      { kind: "finalInvoice", id: ref.id },
    );
  for (const { d } of remaining) {
    uow.update(uow.collection(DEPOSITS).doc(d.id), {
      status: "applied",
      appliedBy: { invoiceId: ref.id, number: slot.number },
      refundableBalance: "0.00",
    });
    uow.event(
      "deposit.applied",
      { kind: "deposit", id: d.id },
      { status: d.data.status },
      { status: "applied", invoiceNumber: slot.number },
    );
  }
  await markProfileStale(uow, [fields.customerKey]);
  uow.event("invoice.issued", { kind: "invoice", id: ref.id }, null, {
    number: slot.number,
    amountDue: invoice.amountDue,
    dueDate,
  });
  // Interest beyond the balance cannot be deducted: it is still owed, by a payment this invoice does not record.
  const notDeducted = invoice.advanceInterest ? money(invoice.advanceInterest.notDeducted) : money(0);
  const warnings = notDeducted.isZero()
    ? []
    : [
        `Intérêts L214-2 non déduits, faute de solde : ${euros(notDeducted)} restent dus au client (à lui verser à part).`,
      ];
  // The answer carries business dates only (no Firestore timestamp).
  return { id: ref.id, ...fields, content, vatDue: invoice.vatDue, warnings };
}
