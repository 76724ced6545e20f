import { refundPaidEntry } from "../domain";
import { frenchDate } from "../domain/dates/calendar-day";
import { INSTALMENTS } from "../model/collections";
import type { InstalmentDoc, RefundDoc } from "../model/refund";
import { badRequest, conflict, notFound } from "../errors/api-error";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import { chartOption, settingsOf } from "./company-settings";
import { STATUS_LABELS, loadRefund } from "./load-refund";
import { postEntry } from "./post-entry";

/** Records instalment n paid: entry D411 / C512; when every instalment is paid, the request is `refunded`. */
export async function payInstalment(uow: UnitOfWork, access: Access, refundId: string, n: number, paidOn: string) {
  if (paidOn > uow.today)
    throw badRequest("La date de paiement est dans le futur.", [
      { path: "paidOn", message: "Champ « paidOn » (date de paiement) : date future." },
    ]);
  const { ref, doc } = await loadRefund(uow, refundId);
  if (doc.status !== "approved")
    throw conflict(
      "INVALID_STATE",
      `Impossible d'enregistrer un paiement : la demande est ${STATUS_LABELS[doc.status]} (il faut qu'elle soit approuvée et pas encore remboursée).`,
    );
  const instalments = await uow.query<InstalmentDoc>(ref.collection(INSTALMENTS));
  const target = instalments.find((i) => i.data.number === n);
  if (!target) throw notFound(`Échéance ${n} introuvable pour cette demande.`);
  if (target.data.status === "paid")
    throw conflict("ALREADY_PAID", `L'échéance ${n} est déjà payée (le ${target.data.paidOn}).`);
  // Money goes out once the request is approved: an earlier date is a typing error, not a payment.
  if (doc.approvedOn && paidOn < doc.approvedOn)
    throw badRequest(
      `La date de paiement (${frenchDate(paidOn)}) précède l'approbation de la demande (${frenchDate(doc.approvedOn)}).`,
      [
        {
          path: "paidOn",
          message: `Champ « paidOn » (date de paiement) : au plus tôt le ${frenchDate(doc.approvedOn)}.`,
        },
      ],
    );

  const entry = refundPaidEntry({
    date: uow.today,
    pieceRef: doc.creditNoteNumber ?? refundId,
    amount: target.data.amount,
    label: `Remboursement ${doc.creditNoteNumber} échéance ${n}/${target.data.count}`,
    ...chartOption(settingsOf(access)),
  });
  const posted = await postEntry(uow, entry, { kind: "instalment", id: `${refundId}/${n}` });
  uow.update(ref.collection(INSTALMENTS).doc(target.id), { status: "paid", paidOn, journalEntryId: posted.id });
  const allPaid = instalments.every((i) => i.id === target.id || i.data.status === "paid");
  const next: Partial<RefundDoc> = allPaid
    ? { status: "refunded", paidOn, updatedAt: uow.timestamp }
    : { updatedAt: uow.timestamp };
  uow.update(ref, next);
  uow.event(
    "instalment.paid",
    { kind: "refund", id: refundId },
    { status: doc.status, instalment: n },
    { status: next.status ?? doc.status, instalment: n, amount: target.data.amount, paidOn },
  );
  return { id: refundId, doc: { ...doc, ...next } as RefundDoc };
}
