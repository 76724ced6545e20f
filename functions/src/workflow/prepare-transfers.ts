import { buildTransferFile } from "../domain/bank/sepa-transfer";
import { endToEndId } from "../domain/bank/sepa-text";
import { frenchDate } from "../domain/dates/calendar-day";
import { unprocessable } from "../errors/api-error";
import { EngineRuleError } from "../domain/errors/engine-error";
import { INSTALMENTS, REFUNDS, TRANSFER_FILES } from "../model/collections";
import { instalmentId, type InstalmentDoc, type RefundDoc } from "../model/refund";
import type { TransferFileDoc, TransferFileInstalment } from "../model/transfer-file";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import type { TransferBody } from "./bodies/transfer-body";
import { settingsOf } from "./company-settings";
import { DEFAULT_IBAN_CHANGE_HOLD_DAYS, ibanHold } from "../domain/bank/iban-change";
import type { HeldInstalment } from "../contract/bank-account";

/**
 * At most this many instalments per file: the file is stored whole in its
 * document (1 MiB) and every instalment is updated in the same transaction.
 * What is left waits for the next file (`remaining` says how many).
 */
export const TRANSFER_FILE_MAX_INSTALMENTS = 300;

/**
 * « Préparer les virements »: the approved refunds' instalments still due
 * on or before `upTo`, with the beneficiary's IBAN and in no file yet, put
 * in one pain.001 file numbered VIR-…, stored with its XML, and each marked
 * « Virement émis » with the file's id in the same transaction, so a second
 * preparation, concurrent or later, never takes them again. The instalments
 * of a request whose IBAN changed recently and is not confirmed yet are
 * left out and listed in `held` with the reason (domain/bank/iban-change.ts).
 */
export async function prepareTransfers(
  uow: UnitOfWork,
  access: Access,
  { executionDate, upTo }: TransferBody,
): Promise<{ id: string; doc: TransferFileDoc; remaining: number; held: HeldInstalment[] }> {
  const settings = settingsOf(access);
  if (!settings.bankIban)
    throw unprocessable(
      "BANK_ACCOUNT_MISSING",
      "L'IBAN du compte de l'entreprise n'est pas renseigné dans ses paramètres : le fichier de virements ne peut pas désigner le compte à débiter.",
      [{ path: "bankIban", message: "IBAN du compte de l'entreprise : à renseigner dans les paramètres." }],
    );
  const refunds = await uow.query<RefundDoc>(uow.collection(REFUNDS).where("status", "==", "approved"));
  // A customer credit's instalments name the request instead of a credit note: they go in the file too.
  const payable = refunds.filter((r) => r.data.bankAccount);
  const schedules = await Promise.all(
    payable.map((r) => uow.query<InstalmentDoc>(uow.collection(REFUNDS).doc(r.id).collection(INSTALMENTS))),
  );
  const holdDays = settings.ibanChangeHoldDays ?? DEFAULT_IBAN_CHANGE_HOLD_DAYS;
  const waiting = payable
    .flatMap((refund, i) =>
      schedules[i]
        .filter(({ data }) => data.status === "due" && data.dueDate <= upTo && data.transferFileId === undefined)
        .map((instalment) => ({
          refund,
          instalment,
          hold: ibanHold(refund.data.bankAccountChange, uow.today, holdDays),
        })),
    )
    .sort(
      (a, b) =>
        a.instalment.data.dueDate.localeCompare(b.instalment.data.dueDate) ||
        a.refund.data.number.localeCompare(b.refund.data.number) ||
        a.instalment.data.number - b.instalment.data.number,
    );
  // A changed IBAN not confirmed by a second person: never in a file until it is (fraude au changement de RIB).
  const held: HeldInstalment[] = waiting.flatMap(({ refund, instalment: { data }, hold }) =>
    hold
      ? [
          {
            refundId: refund.id,
            refundNumber: refund.data.number,
            n: data.number,
            count: data.count,
            amount: data.amount,
            dueDate: data.dueDate,
            customerName: data.customerName,
            heldUntil: hold.until,
            reason: hold.reason,
          },
        ]
      : [],
  );
  const candidates = waiting.filter((w) => !w.hold);
  if (candidates.length === 0)
    throw new EngineRuleError(
      "BANK_NOTHING_TO_TRANSFER",
      held.length > 0
        ? `Aucune échéance à virer jusqu'au ${frenchDate(upTo)} : ${held.length === 1 ? "la seule échéance due est retenue" : `les ${held.length} échéances dues sont retenues`} tant que le changement d'IBAN n'est pas confirmé par une autre personne. ${[...new Set(held.map((h) => `${h.refundNumber} : ${h.reason}`))].join(" ")}`
        : `Aucune échéance à virer jusqu'au ${frenchDate(upTo)} : aucune échéance due d'un remboursement approuvé avec l'IBAN du bénéficiaire n'attend de virement.`,
    );
  const taken = candidates.slice(0, TRANSFER_FILE_MAX_INSTALMENTS);

  const slot = await uow.nextNumber("transferFile", uow.today);
  const ref = uow.collection(TRANSFER_FILES).doc();
  const lines: TransferFileInstalment[] = taken.map(({ refund, instalment: { data } }) => ({
    refundId: refund.id,
    refundNumber: refund.data.number,
    creditNoteNumber: data.creditNoteNumber,
    n: data.number,
    count: data.count,
    amount: data.amount,
    dueDate: data.dueDate,
    customerName: data.customerName,
    iban: refund.data.bankAccount!.iban,
    endToEndId: endToEndId(instalmentId(data)),
  }));
  const file = buildTransferFile({
    messageId: slot.number,
    createdAt: uow.now.toISOString(),
    executionDate,
    debtor: { name: settings.name, iban: settings.bankIban, ...(settings.bankBic ? { bic: settings.bankBic } : {}) },
    instalments: taken.map(({ refund, instalment: { data } }) => ({
      id: instalmentId(data),
      refundNumber: data.creditNoteNumber,
      index: data.number,
      count: data.count,
      amount: data.amount,
      dueDate: data.dueDate,
      creditor: { name: data.customerName, ...refund.data.bankAccount! },
    })),
  });
  const doc: TransferFileDoc = {
    number: slot.number,
    executionDate,
    upTo,
    createdAt: uow.timestamp,
    createdBy: uow.actor,
    xml: file.xml,
    count: file.count,
    controlSum: file.controlSum,
    blocks: file.blocks,
    debtorIban: settings.bankIban,
    instalments: lines,
  };
  uow.putNumbered(slot, ref, doc);
  for (const { refund, instalment } of taken)
    uow.update(uow.collection(REFUNDS).doc(refund.id).collection(INSTALMENTS).doc(instalment.id), {
      transferStatus: "issued",
      transferFileId: ref.id,
    });
  uow.event("transfer_file.prepared", { kind: "transferFile", id: ref.id }, null, {
    number: doc.number,
    executionDate,
    upTo,
    count: doc.count,
    controlSum: doc.controlSum,
    instalments: lines.map((l) => `${l.refundId}/${l.n}`),
    held: held.map((h) => `${h.refundId}/${h.n}`),
  });
  return { id: ref.id, doc, remaining: candidates.length - taken.length, held };
}
