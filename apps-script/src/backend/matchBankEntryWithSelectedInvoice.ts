import type { BankEntrySummary, BankItemKind } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { EXTERNAL_INVOICE_LABEL, INVOICE_TYPE_LABELS } from "../../../functions/src/domain/vocabulary/labels";
import { matchBankEntry } from "./matchBankEntry";
import { selectedInvoice } from "./selected-invoice";

/** The `Factures` sheet's « Type » back to the kind of item a bank entry settles. */
const KIND_OF_TYPE: Record<string, BankItemKind> = {
  [INVOICE_TYPE_LABELS.final]: "final_invoice",
  [INVOICE_TYPE_LABELS.penalty]: "penalty_invoice",
  [INVOICE_TYPE_LABELS.deposit]: "deposit_invoice",
  [EXTERNAL_INVOICE_LABEL]: "external_invoice",
};

/**
 * « Rapprocher avec la facture sélectionnée »: when no suggestion is right,
 * the person selects the invoice's row in `Factures` and the entry pays it,
 * as much as it still owes within the entry (the functions work the amount
 * out: no amount is computed here, in floating point, from a sheet cell).
 */
export function matchBankEntryWithSelectedInvoice(
  entryId: string,
  idempotencyKey: string,
): CallResult<BankEntrySummary> {
  const picked = selectedInvoice();
  if (!picked.ok) return { ok: false, error: { code: "NO_SELECTION", message: picked.problem, retryable: false } };
  const itemKind = KIND_OF_TYPE[picked.type] ?? "final_invoice";
  return matchBankEntry(entryId, [{ itemKind, itemId: picked.id }], idempotencyKey);
}
