/**
 * What a deposit's status says to a person once credit notes exist: the
 * stored status (`refunded` as soon as credit notes reverse the whole
 * balance) says nothing of the money actually paid back, so a deposit reads
 * « Avoir émis » until its first instalment is paid, « Remboursement en
 * cours (1/3 payée) » while some are, and refunded only when every
 * instalment of its refunds is paid. Pure: the sheets and the sidebar both
 * ask it.
 */
import { DEPOSIT_REFUND_LABELS, DEPOSIT_STATUS_LABELS, type DepositStatus } from "../vocabulary/labels";

/** The instalments of a deposit's approved refunds: how many, how many paid. */
export interface DepositRefundProgress {
  instalments: number;
  paid: number;
}

/**
 * The deposit's status as the Acomptes sheet and the sidebar show it.
 *
 * @example
 * depositStatusLabel("refunded", 1, { instalments: 3, paid: 0 }); // "Avoir émis"
 * depositStatusLabel("refunded", 1, { instalments: 3, paid: 1 }); // "Remboursement en cours (1/3 payée)"
 * depositStatusLabel("refunded", 1, { instalments: 3, paid: 3 }); // DEPOSIT_STATUS_LABELS.refunded
 */
export function depositStatusLabel(
  status: DepositStatus,
  creditNotes: number,
  progress: DepositRefundProgress | null | undefined,
): string {
  const instalments = progress?.instalments ?? 0;
  const paid = Math.min(progress?.paid ?? 0, instalments);
  if (creditNotes === 0 || paid === instalments) return DEPOSIT_STATUS_LABELS[status];
  if (paid === 0) return DEPOSIT_REFUND_LABELS.credited;
  return `${DEPOSIT_REFUND_LABELS.refunding} (${paid}/${instalments} payée${paid > 1 ? "s" : ""})`;
}
