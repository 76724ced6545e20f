import { approve, creditNoteContent, money, refundApprovalEntries, refundableBalance } from "../domain";
import type { CreditNoteContent } from "../domain";
import { statementAtApproval } from "../domain/refunds/refund-statement";
import { CREDIT_NOTES, CUSTOMER_CREDITS, DEPOSITS, INSTALMENTS, REFUND_STATEMENTS } from "../model/collections";
import { creditNoteCopies } from "../model/credit-note";
import { depositCreditNote, type DepositDoc } from "../model/deposit";
import type { CustomerCreditDoc } from "../model/payment";
import type { InstalmentDoc, RefundDoc } from "../model/refund";
import { statementRecordCopies, type RefundStatementRecordContent } from "../model/refund-statement-record";
import { notFound } from "../errors/api-error";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import { applySettlement } from "./apply-settlement";
import { chartOption, settingsOf } from "./company-settings";
import { actorOf, lifecycleState, loadRefund } from "./load-refund";
import { notifyRefundStep } from "./notify-refund";
import { pendingApprovers } from "./pending-approvers";
import { issueDocument, issuesDocuments, refuseIfDocumentNotReady } from "./issue-document";
import { postEntry } from "./post-entry";

/**
 * One approval, as the lifecycle rules decide it (who may, what follows).
 * The final approval issues, in this same transaction, the credit note
 * (next number of its series, citing the deposit invoice by number and
 * date), its ledger entries, the instalments, status `approved`.
 */
export async function approveRefund(
  uow: UnitOfWork,
  access: Access,
  refundId: string,
): Promise<{ id: string; doc: RefundDoc }> {
  const { ref, doc } = await loadRefund(uow, refundId);
  const step = approve(lifecycleState(doc), actorOf(access), doc.quote.schedule.length === 0);
  const approvals = [...doc.approvals, { role: step.role, by: access.email, at: uow.timestamp }];
  if (!step.final) {
    const next: Partial<RefundDoc> = {
      status: step.status,
      approvals,
      awaiting: step.awaiting,
      pendingApprovers: await pendingApprovers(uow, {
        status: step.status,
        requestedBy: doc.requestedBy,
        awaiting: step.awaiting,
        approvals,
      }),
      waitingStep: step.awaiting[0],
      waitingSinceDay: uow.today,
      updatedAt: uow.timestamp,
    };
    uow.update(ref, next);
    uow.event(
      step.event,
      { kind: "refund", id: refundId },
      { status: doc.status },
      { status: step.status, role: step.role },
    );
    const written = { ...doc, ...next };
    notifyRefundStep(uow, access, "approved_step", refundId, written);
    return { id: refundId, doc: written };
  }
  return finalApproval(uow, access, refundId, ref, doc, approvals, step.status);
}

/** The refund statement's document id: one per request. */
export const statementDocumentId = (refundId: string) => `${refundId}-statement`;

/**
 * The « décompte et échéancier de remboursement » of the request as approved
 * (number RB-…, the credit note it goes with, the instalments as created
 * now), issued with the credit note and sealed on its chained record (the
 * request itself is not chained: docs/einvoice.md). Mailed inside the credit
 * note's mail. Never rewritten: a later supplement or returned instalment
 * leaves it as issued.
 */
async function issueRefundStatement(
  uow: UnitOfWork,
  access: Access,
  refundId: string,
  doc: RefundDoc,
  creditNoteRef: FirebaseFirestore.DocumentReference,
  creditNote: CreditNoteContent,
) {
  const statement = statementAtApproval({
    refund: doc,
    date: uow.today,
    customer: creditNote.customer,
    creditNote: { number: creditNote.number, date: creditNote.date },
  });
  return issueDocument(uow, access, {
    sourceRef: creditNoteRef,
    documentId: statementDocumentId(refundId),
    sealedAs: "statement",
    source: { kind: "refundStatement", content: statement },
    refundId,
    mailedInside: true,
  });
}

/**
 * The statement of a customer credit's refund, for a company that issues
 * its documents: no credit note exists to seal it on (docs/einvoice.md), so
 * it gets a chained record of its own in the `statement` series
 * (`refundStatements/{refundId}`, number DR-…), its file sealed there as
 * `document`, mailed on its own. Refused before its number when the
 * customer's mandatory mentions are missing.
 */
async function issueCustomerCreditStatement(uow: UnitOfWork, access: Access, refundId: string, doc: RefundDoc) {
  if (!issuesDocuments(access) || doc.proposal.source.kind !== "customerCredit") return;
  const creditId = doc.proposal.source.creditId;
  const credit = await uow.get<CustomerCreditDoc>(uow.collection(CUSTOMER_CREDITS).doc(creditId));
  if (!credit) throw notFound(`Crédit client introuvable : ${creditId}.`);
  refuseIfDocumentNotReady(access, credit.customer);
  const slot = await uow.nextNumber("statement", uow.today);
  const ref = uow.collection(REFUND_STATEMENTS).doc(refundId);
  const statement = statementAtApproval({
    refund: doc,
    date: uow.today,
    customer: credit.customer,
    creditNote: null,
    customerCredit: { date: doc.quote.creditNote.cites.date },
  });
  const document = await issueDocument(uow, access, {
    sourceRef: ref,
    documentId: statementDocumentId(refundId),
    source: { kind: "refundStatement", content: statement },
    refundId,
  });
  const content: RefundStatementRecordContent = {
    number: slot.number,
    date: uow.today,
    refundId,
    refundNumber: doc.number,
    creditId,
    customer: credit.customer,
    total: doc.quote.total,
  };
  uow.putChained(slot, ref, content, statementRecordCopies(content), document ?? undefined);
}

/** The credit note of a deposit refund: numbered, citing the deposit invoice, its entries, the settlement applied, the deposit updated. */
async function issueCreditNote(
  uow: UnitOfWork,
  access: Access,
  refundId: string,
  doc: RefundDoc,
): Promise<{ id: string; number: string }> {
  const depositId = doc.depositId as string;
  const depositRef = uow.collection(DEPOSITS).doc(depositId);
  // The deposit and both counters in one round trip.
  const [deposit] = await uow.getAll<DepositDoc>([
    depositRef,
    uow.sequenceRef("creditNote", uow.today),
    uow.sequenceRef("journal", uow.today),
  ]);
  if (!deposit) throw notFound(`Acompte introuvable : ${depositId}.`);
  const settings = settingsOf(access);
  const quote = doc.quote;

  refuseIfDocumentNotReady(access, deposit.customer);
  const slot = await uow.nextNumber("creditNote", uow.today);
  const creditNoteRef = uow.collection(CREDIT_NOTES).doc();
  const content = creditNoteContent({
    number: slot.number,
    date: uow.today,
    seller: { name: settings.name, siren: settings.siren },
    customer: deposit.customer,
    invoice: { id: deposit.invoiceId, number: deposit.invoiceNumber, date: deposit.invoiceDate },
    quote,
    refundId,
    depositId,
  });
  const statement = await issueRefundStatement(uow, access, refundId, doc, creditNoteRef, content);
  const document = await issueDocument(uow, access, {
    sourceRef: creditNoteRef,
    source: { kind: "creditNote", content },
    refundId,
    ...(statement ? { mailedWith: [{ documentId: statementDocumentId(refundId), fileName: statement.fileName }] } : {}),
  });
  uow.putChained(
    slot,
    creditNoteRef,
    content,
    creditNoteCopies(content),
    document ?? undefined,
    statement ?? undefined,
  );

  const entries = refundApprovalEntries(quote, {
    date: uow.today,
    creditNoteNumber: slot.number,
    ...chartOption(settings),
  });
  for (const entry of entries) await postEntry(uow, entry, { kind: "creditNote", id: creditNoteRef.id });

  await applySettlement(uow, refundId, deposit.customer, quote.settlement, {
    creditNoteNumber: slot.number,
    settings,
  });

  const creditNotes = [...deposit.creditNotes, depositCreditNote(creditNoteRef.id, content)];
  const left = refundableBalance({
    deposit: { lines: deposit.lines },
    issuedRefunds: creditNotes.map((c) => ({ lines: c.lines })),
  });
  const progress = deposit.refundProgress ?? { instalments: 0, paid: 0 };
  uow.update(depositRef, {
    creditNotes,
    refundProgress: { instalments: progress.instalments + quote.schedule.length, paid: progress.paid },
    ...(money(left.total.gross).isZero() ? { status: "refunded" } : {}),
  });
  uow.event("creditNote.issued", { kind: "creditNote", id: creditNoteRef.id }, null, {
    number: slot.number,
    gross: quote.creditNote.total.gross,
    refundId,
  });
  return { id: creditNoteRef.id, number: slot.number };
}

/**
 * The final approval. A deposit refund issues its credit note; a customer
 * credit is money paid back with no invoice to rectify (no credit note, no
 * VAT: its instalments refer to the credit). Then the instalments and the
 * new status, all in this transaction.
 */
async function finalApproval(
  uow: UnitOfWork,
  access: Access,
  refundId: string,
  ref: FirebaseFirestore.DocumentReference,
  doc: RefundDoc,
  approvals: RefundDoc["approvals"],
  status: RefundDoc["status"],
) {
  const creditNote = doc.proposal.source.kind === "deposit" ? await issueCreditNote(uow, access, refundId, doc) : null;
  await issueCustomerCreditStatement(uow, access, refundId, doc);
  // A customer credit has no credit note: its instalments refer to the request itself.
  const reference = creditNote?.number ?? doc.number;
  const schedule = doc.quote.schedule;
  for (const instalment of schedule) {
    const item: InstalmentDoc = {
      companyId: uow.companyId,
      refundId,
      refundNumber: doc.number,
      number: instalment.n,
      count: schedule.length,
      amount: instalment.amount,
      dueDate: instalment.dueDate,
      status: "due",
      paidOn: null,
      journalEntryId: null,
      creditNoteNumber: reference,
      customerName: doc.customerName,
    };
    uow.create(ref.collection(INSTALMENTS).doc(String(instalment.n)), item);
  }

  // Nothing to pay out (forfeited arrhes, all offset or kept as credit): the lifecycle says `refunded` at once.
  const next: Partial<RefundDoc> = {
    status,
    approvals,
    awaiting: [],
    pendingApprovers: [],
    waitingStep: null,
    waitingSinceDay: null,
    creditNoteId: creditNote?.id ?? null,
    creditNoteNumber: creditNote?.number ?? null,
    approvedOn: uow.today,
    ...(schedule.length === 0 ? { paidOn: uow.today } : {}),
    updatedAt: uow.timestamp,
  };
  uow.update(ref, next);
  uow.event(
    "refund.approved",
    { kind: "refund", id: refundId },
    { status: doc.status },
    { status, creditNoteNumber: creditNote?.number ?? null, instalments: schedule.length },
  );
  const written = { ...doc, ...next } as RefundDoc;
  notifyRefundStep(uow, access, "approved", refundId, written);
  return { id: refundId, doc: written };
}
