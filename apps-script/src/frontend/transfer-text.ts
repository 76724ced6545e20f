/** What a prepared SEPA transfer file holds, in the words of the menu's dialog and of the sidebar's « Banque » tab. */
import type { TransferFileSummary } from "../interfaces/api";
import { formatDate, formatMoney } from "./format";

/** Instalments whose IBAN changed wait for a second person: the treasurer must see them, or a refund silently stays unpaid. */
function describeHeld(summary: TransferFileSummary): string {
  if (summary.held.length === 0) return "";
  const lines = summary.held.map(
    (h) => `${h.refundNumber} échéance ${h.n}/${h.count} (${h.customerName}, ${formatMoney(h.amount)}) : ${h.reason}`,
  );
  return ` ${summary.held.length} échéance(s) retenue(s) : ${lines.join(" ; ")}.`;
}

export function describeTransferFile(summary: TransferFileSummary): string {
  const left =
    summary.remaining > 0
      ? ` ${summary.remaining} autre(s) échéance(s) attendent le prochain fichier (un fichier en reprend au plus ${summary.count}).`
      : "";
  return (
    `Fichier ${summary.number} : ${summary.count} virement(s) pour ${formatMoney(summary.controlSum)}, ` +
    `à exécuter le ${formatDate(summary.executionDate)} depuis le compte ${summary.debtorIban}. ` +
    `Ses échéances sont marquées « Virement émis ».${left} Déposez le fichier sur le site de votre banque.${describeHeld(summary)}`
  );
}
