/**
 * The e-mail that tells treasury (the accounting approvers) a refund
 * transfer came back. Sent through the outbox in the import's transaction;
 * its identity is the request, the instalment and the statement entry, so
 * each return is told exactly once however often the statement is imported.
 */
import { frenchDate } from "../dates/calendar-day";
import { frenchAmount } from "../reminders/french-amount";
import type { Reminder } from "../reminders/reminder";

export interface TransferReturnNoticeInput {
  companyId: string;
  companyName: string;
  refundId: string;
  /** `RB-2026-000012`. */
  refundNumber: string;
  creditNoteNumber: string;
  customerName: string;
  n: number;
  count: number;
  amount: string;
  /** The statement's booking date of the return. */
  returnedOn: string;
  /** The transfer file it had gone out in (`VIR-2026-000002`), when known. */
  transferFileNumber: string | null;
  /** The beneficiary's IBAN, masked. */
  maskedIban: string | null;
  /** transferReturn's French sentence (reason and what was reversed). */
  explanation: string;
  /** The statement entry's key (account | bank reference): the return's identity. */
  entryKey: string;
  /** Accounting approvers (or admins when there are none). */
  to: readonly string[];
}

/** The notice, or null when nobody holds the role. */
export function transferReturnNotice(n: TransferReturnNoticeInput): Reminder | null {
  const to = [...new Set(n.to)].sort();
  if (to.length === 0) return null;
  const text = [
    "Bonjour,",
    "",
    `La banque a retourné le virement de remboursement de ${frenchAmount(n.amount)} à ${n.customerName} (demande ${n.refundNumber}, avoir ${n.creditNoteNumber}, échéance ${n.n}/${n.count})${n.transferFileNumber ? `, parti dans le fichier ${n.transferFileNumber}` : ""}.`,
    "",
    n.explanation,
    ...(n.maskedIban ? ["", `IBAN du bénéficiaire : ${n.maskedIban}`] : []),
    "",
    "Contactez le client pour obtenir des coordonnées bancaires valides ; tout changement d'IBAN devra être confirmé par une seconde personne avant le prochain virement.",
    "",
    `${n.companyName || "Acompte"} – Acompte`,
  ].join("\n");
  return {
    companyId: n.companyId,
    rule: "refund-notice",
    level: 0,
    target: `refund/${n.refundId}/transfer_returned/${n.n}/${n.entryKey}`,
    day: n.returnedOn,
    to,
    cc: [],
    subject: `Virement retourné le ${frenchDate(n.returnedOn)} – ${n.refundNumber} échéance ${n.n}/${n.count} – ${n.customerName} – ${frenchAmount(n.amount)}`,
    text,
    summary: "Virement de remboursement retourné (trésorerie prévenue)",
  };
}
