import { markProfileStale } from "./mark-profile-stale";
import { bankMatchReversalEntry, formatMoney, money } from "../domain";
import { frenchDate } from "../domain/dates/calendar-day";
import { sumMoney } from "../domain/money/money";
import { euros } from "../domain/reminders/french-amount";
import { conflict, notFound, unprocessable } from "../errors/api-error";
import {
  BANK_ENTRIES,
  CUSTOMER_CREDITS,
  DEPOSITS,
  INSTALMENTS,
  INVOICES,
  PAYMENTS,
  REFUNDS,
} from "../model/collections";
import { BANK_ENTRY_STATUS_LABELS, type BankEntryDoc } from "../model/bank-entry";
import type { DepositDoc } from "../model/deposit";
import type { InvoiceDoc } from "../model/invoice";
import type { JournalEntryContent } from "../model/journal-entry";
import type { CustomerCreditDoc, PaymentDoc } from "../model/payment";
import type { InstalmentDoc } from "../model/refund";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import { instalmentParts, learnPayer, paymentRef, payInstalments, readPayer, settleInvoices } from "./bank-settle";
import type { BankMatchBody, BankUnmatchBody } from "./bodies/bank-entry-body";
import { chartOption, settingsOf } from "./company-settings";
import { loadRefund } from "./load-refund";
import { postEntry } from "./post-entry";

async function loadEntry(uow: UnitOfWork, entryId: string) {
  const ref = uow.collection(BANK_ENTRIES).doc(entryId);
  const doc = await uow.get<BankEntryDoc>(ref);
  if (!doc) throw notFound("Opération bancaire introuvable.");
  return { ref, doc };
}

/** Writes what a match or unmatch changed on the entry, with its audit event; answers the entry as left. */
function saveEntry(
  uow: UnitOfWork,
  ref: FirebaseFirestore.DocumentReference,
  doc: BankEntryDoc,
  next: Partial<BankEntryDoc>,
  event: { type: string; before: Record<string, unknown>; after: Record<string, unknown>; reason?: string },
) {
  uow.update(ref, next);
  uow.event(event.type, { kind: "bankEntry", id: ref.id }, event.before, event.after, event.reason);
  return { id: ref.id, doc: { ...doc, ...next } as BankEntryDoc };
}

/**
 * The amounts of a match: those the person gave, and for an item given
 * without one, what it still owes within what the entry has left after the
 * items before it (never below zero: an item that gets nothing is refused by
 * the checks that follow, not silently dropped).
 */
async function withAmounts(
  uow: UnitOfWork,
  entryAmount: string,
  requested: BankMatchBody["allocations"],
): Promise<{ itemId: string; amount: string }[]> {
  let left = money(entryAmount);
  const out: { itemId: string; amount: string }[] = [];
  for (const a of requested) {
    let amount = a.amount;
    if (amount === undefined) {
      const owed = await owedOn(uow, a.itemKind, a.itemId);
      amount = formatMoney(owed === null ? left : owed.lessThan(left) ? owed : left);
    }
    left = left.minus(money(amount));
    if (left.isNegative()) left = money("0");
    out.push({ itemId: a.itemId, amount });
  }
  return out;
}

/** What an item still owes, or null when it cannot be read (the settling checks then name the problem). */
async function owedOn(uow: UnitOfWork, kind: string, itemId: string) {
  if (kind !== "instalment") {
    const inv = await uow.get<InvoiceDoc>(uow.collection(INVOICES).doc(itemId));
    return inv ? money(inv.openAmount) : null;
  }
  const parts = instalmentParts(itemId);
  const inst = parts
    ? await uow.get<InstalmentDoc>(
        uow.collection(REFUNDS).doc(parts.refundId).collection(INSTALMENTS).doc(String(parts.n)),
      )
    : null;
  return inst ? money(inst.amount) : null;
}

const refused = (message: string, path = "allocations") =>
  unprocessable("BANK_ALLOCATION_INVALID", message, [{ path, message }]);

/**
 * « Rapprocher »: a person settles an entry waiting « À rapprocher » (or
 * unmatched) with the items they picked, on the entry's booking date: a
 * credit pays invoices through recordPayment, a debit pays instalments
 * through payInstalment. The amounts may leave part of the entry
 * unallocated, never exceed it nor what an item still owes; an entry
 * already matched, an item settled, another customer's invoice mixed in or
 * an item this company does not have is refused in French, nothing recorded.
 */
export async function matchEntry(uow: UnitOfWork, access: Access, entryId: string, body: BankMatchBody) {
  uow.seeOwnWrites();
  const { ref, doc } = await loadEntry(uow, entryId);
  const { entry } = doc;
  if (doc.status === "applied" || doc.status === "returned")
    throw conflict(
      "BANK_ENTRY_MATCHED",
      `L'opération ${entry.entryRef} du ${frenchDate(entry.bookingDate)} est déjà « ${BANK_ENTRY_STATUS_LABELS[doc.status]} » : annulez d'abord son rapprochement.`,
    );
  if (entry.returned)
    throw refused("Un virement retourné ne règle ni facture ni échéance : il se traite avec l'échéance retournée.");
  const ids = body.allocations.map((a) => a.itemId);
  if (new Set(ids).size !== ids.length) throw refused("Une pièce figure deux fois.");
  const instalments = body.allocations.every((a) => a.itemKind === "instalment");
  const invoices = body.allocations.every((a) => a.itemKind !== "instalment");
  if (entry.direction === "debit" ? !instalments : !invoices)
    throw refused(
      entry.direction === "debit"
        ? "Un débit se rapproche d'échéances de remboursement, pas de factures."
        : "Un crédit se rapproche de factures, pas d'échéances de remboursement.",
    );
  const allocations = await withAmounts(uow, entry.amount, body.allocations);
  const total = sumMoney(allocations.map((a) => money(a.amount)));
  if (total.greaterThan(money(entry.amount)))
    throw refused(
      `Les montants choisis (${euros(formatMoney(total))}) dépassent l'opération (${euros(entry.amount)}).`,
    );
  const settled = instalments
    ? await payInstalments(uow, access, entry, allocations)
    : await settleInvoices(uow, access, entry, allocations);
  if (settled.problem !== null) throw refused(`Rapprochement impossible : ${settled.problem}.`);
  if ("customer" in settled)
    learnPayer(
      uow,
      await readPayer(uow, settled.customer.key),
      settled.customer,
      entry.transactions[0]?.counterpartyIban,
    );
  const payments = "payments" in settled ? settled.payments : [];
  for (const id of payments) uow.update(paymentRef(uow, id), { bankEntryId: entryId });
  const rest = money(entry.amount).minus(total);
  const next: Partial<BankEntryDoc> = {
    status: "applied",
    explanation:
      `Rapprochée par ${uow.actor} le ${frenchDate(uow.today)} : ${settled.allocations.map((a) => `${a.reference} (${euros(a.amount)})`).join(", ")}.` +
      (rest.greaterThan(0) ? ` ${euros(formatMoney(rest))} de l'opération restent non rapprochés.` : ""),
    allocations: settled.allocations,
    payments,
    paidInstalments: "paid" in settled ? settled.paid : [],
    matchedBy: uow.actor,
    matchedAt: uow.timestamp,
  };
  return saveEntry(uow, ref, doc, next, {
    type: "bank_entry.matched",
    before: { status: doc.status },
    after: { status: "applied", allocations: settled.allocations, payments, paidInstalments: next.paidInstalments },
  });
}

/**
 * Undoes what a match recorded (« Rapprochement annulé »), with an audit
 * event and the person's reason. Nothing is deleted: each payment is kept,
 * marked cancelled, and its journal entry reversed (D411 / C512, a new
 * chained entry); the invoices it settled are open again for what it paid
 * and lose its letter. Each instalment paid is due again and its D411 / C512
 * reversed (D512 / C411). Refused, nothing changed, when undoing would need
 * more than that: VAT on payment already made chargeable by the payment, a
 * trop-perçu credit already used, a request already fully refunded, a
 * late-payment supplement added by the payment.
 */
export async function unmatchEntry(uow: UnitOfWork, access: Access, entryId: string, body: BankUnmatchBody) {
  uow.seeOwnWrites();
  const { ref, doc } = await loadEntry(uow, entryId);
  if (doc.status !== "applied")
    throw conflict(
      "BANK_ENTRY_NOT_MATCHED",
      `L'opération ${doc.entry.entryRef} du ${frenchDate(doc.entry.bookingDate)} n'est pas rapprochée (« ${BANK_ENTRY_STATUS_LABELS[doc.status]} ») : rien à annuler.`,
    );
  const chart = chartOption(settingsOf(access));
  const reversals: string[] = [];
  for (const paymentId of doc.payments ?? []) reversals.push(await cancelPayment(uow, paymentId, body.reason, chart));
  for (const paid of doc.paidInstalments) reversals.push(await reopenInstalment(uow, paid, chart));
  const next: Partial<BankEntryDoc> = {
    status: "unmatched",
    explanation: `Rapprochement annulé par ${uow.actor} le ${frenchDate(uow.today)} (${body.reason}) : ${(doc.allocations ?? []).map((a) => a.reference).join(", ") || doc.paidInstalments.join(", ")} de nouveau dû, à rapprocher.`,
    allocations: [],
    payments: [],
    paidInstalments: [],
    unmatchedBy: uow.actor,
    unmatchedAt: uow.timestamp,
    unmatchReason: body.reason,
  };
  return saveEntry(uow, ref, doc, next, {
    type: "bank_entry.unmatched",
    before: {
      status: doc.status,
      allocations: doc.allocations ?? [],
      payments: doc.payments ?? [],
      paidInstalments: doc.paidInstalments,
    },
    after: { status: "unmatched", reversals },
    reason: body.reason,
  });
}

const cannotUndo = (message: string) => unprocessable("INVALID_STATE", message);

/** The reversing entry of what a match posted, dated today (the journal's chronology), with the same source. */
function postReversal(
  uow: UnitOfWork,
  reverses: "payment_received" | "refund_paid",
  source: JournalEntryContent["source"],
  chart: ReturnType<typeof chartOption>,
  what: { pieceRef: string; amount: string; label: string; factorShares?: PaymentDoc["factorShares"] },
) {
  return postEntry(uow, bankMatchReversalEntry({ date: uow.today, ...what, ...chart }, reverses), source);
}

/** A payment recorded by a match, undone: its invoices reopened, its entry reversed. Answers the reversal's number. */
async function cancelPayment(
  uow: UnitOfWork,
  paymentId: string,
  reason: string,
  chart: ReturnType<typeof chartOption>,
): Promise<string> {
  const pRef = uow.collection(PAYMENTS).doc(paymentId);
  const payment = await uow.get<PaymentDoc>(pRef);
  if (!payment || payment.cancelled) throw cannotUndo(`Le règlement ${paymentId} est introuvable ou déjà annulé.`);
  const refs = payment.allocations.map((a) => uow.collection(INVOICES).doc(a.invoiceId));
  const invoices = await uow.getAll<InvoiceDoc>(refs);
  for (const inv of invoices)
    if (inv?.vatOnPayment?.transfers.some((t) => t.by.kind === "payment" && t.by.id === paymentId))
      throw cannotUndo(
        `Le règlement de la facture ${inv.number} a rendu sa TVA exigible (TVA sur les encaissements) : l'annulation de ce rapprochement n'est pas prise en charge, corrigez-la avec votre expert-comptable.`,
      );
  if (payment.customerCreditId) {
    const cRef = uow.collection(CUSTOMER_CREDITS).doc(payment.customerCreditId);
    const credit = await uow.get<CustomerCreditDoc>(cRef);
    if (credit && !money(credit.refundableBalance).equals(money(credit.amount)))
      throw cannotUndo(
        `Le trop-perçu de ${euros(credit.amount)} de ce règlement a déjà été remboursé ou imputé : l'annulation n'est pas possible.`,
      );
    uow.update(cRef, { refundableBalance: "0.00" });
  }
  const posted = await postReversal(uow, "payment_received", { kind: "payment", id: paymentId }, chart, {
    pieceRef: `PAI-${paymentId.slice(0, 8)}`,
    amount: payment.amount,
    label: `Annulation du règlement ${payment.customer.name}`,
    // The accounts the payment credited, factor accounts included, debited back.
    ...(payment.factorShares ? { factorShares: payment.factorShares } : {}),
  });
  payment.allocations.forEach((a, i) => {
    const inv = invoices[i] as InvoiceDoc;
    uow.update(refs[i], {
      openAmount: formatMoney(money(inv.openAmount).plus(money(a.amount))),
      paidOn: null,
      letters: (inv.letters ?? []).filter((l) => l !== payment.letter),
    });
  });
  uow.update(pRef, { cancelled: { at: uow.timestamp, by: uow.actor, journalEntryId: posted.id, reason } });
  await markProfileStale(
    uow,
    invoices.map((inv) => (inv as InvoiceDoc).customerKey),
  );
  return posted.number;
}

/** An instalment paid by a match, due again: its D411 / C512 reversed. Answers the reversal's number. */
async function reopenInstalment(uow: UnitOfWork, paid: string, chart: ReturnType<typeof chartOption>): Promise<string> {
  const [refundId, n] = [paid.slice(0, paid.lastIndexOf("/")), Number(paid.slice(paid.lastIndexOf("/") + 1))];
  const { ref, doc } = await loadRefund(uow, refundId);
  const iRef = ref.collection(INSTALMENTS).doc(String(n));
  const instalment = await uow.get<InstalmentDoc>(iRef);
  const label = `${doc.creditNoteNumber} échéance ${n}/${instalment?.count ?? "?"}`;
  if (!instalment || instalment.status !== "paid") throw cannotUndo(`L'échéance ${label} n'est pas payée.`);
  if (doc.status !== "approved" || (doc.supplements ?? []).some((s) => s.instalment === n || s.paidInstalment === n))
    throw cannotUndo(
      `L'échéance ${label} a clos le remboursement ${doc.number} ou fait naître un complément de retard : l'annulation n'est pas prise en charge, corrigez-la à la main.`,
    );
  const posted = await postReversal(uow, "refund_paid", { kind: "instalment", id: `${refundId}/${n}` }, chart, {
    pieceRef: doc.creditNoteNumber ?? refundId,
    amount: instalment.amount,
    label: `Annulation du paiement ${label}`,
  });
  uow.update(iRef, { status: "due", paidOn: null, journalEntryId: null });
  uow.update(ref, { updatedAt: uow.timestamp });
  if (doc.depositId) {
    const dRef = uow.collection(DEPOSITS).doc(doc.depositId);
    const deposit = await uow.get<DepositDoc>(dRef);
    if (deposit?.refundProgress)
      uow.update(dRef, { refundProgress: { ...deposit.refundProgress, paid: deposit.refundProgress.paid - 1 } });
  }
  uow.event(
    "refund.instalment_reopened",
    { kind: "refund", id: refundId },
    { instalment: n, status: "paid" },
    { instalment: n, status: "due" },
  );
  return posted.number;
}
