import { ChartOfAccounts } from "./chart-of-accounts";
import { JournalEntry } from "./journal-entry";
import { compensationEntry, creditNoteEntry } from "./posting-rules";
import type { RefundQuote } from "../refunds/refund-quote";

/**
 * The entries an approved refund posts when its credit note is issued: the
 * credit note itself, then one entry per compensation (kept or payable).
 * Payments are posted later, instalment by instalment, with refundPaidEntry.
 *
 * @example
 * refundApprovalEntries(quoteRefund({ … reason: "seller_cancels" … }), { date: "2026-03-10", creditNoteNumber: "AV2026-0001" });
 * // → [creditNoteEntry: 4191 D 3600.00, 44571 D 720.00, 411 C 4320.00] (no compensation for this reason)
 */
export function refundApprovalEntries(
  quote: Pick<RefundQuote, "creditNote" | "compensation">,
  at: { date: string; creditNoteNumber: string; chart?: Partial<ChartOfAccounts> },
): JournalEntry[] {
  const chart = at.chart && Object.keys(at.chart).length > 0 ? { chart: at.chart } : {};
  return [
    creditNoteEntry({ date: at.date, pieceRef: at.creditNoteNumber, lines: quote.creditNote.lines, ...chart }),
    ...quote.compensation.map((c) =>
      compensationEntry({
        date: at.date,
        pieceRef: at.creditNoteNumber,
        amount: c.amount,
        direction: c.direction,
        kind: c.kind,
        ...chart,
      }),
    ),
  ];
}
