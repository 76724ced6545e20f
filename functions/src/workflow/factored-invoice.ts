import { conflict } from "../errors/api-error";
import type { InvoiceDoc } from "../model/invoice";

/**
 * Refuses (409) to set a refund against an invoice assigned to a factor: its
 * receivable is the factor's (subrogation, C. civ. 1346-4), so the company
 * cannot extinguish it by compensation with what it owes the customer
 * (C. civ. 1347: the debts must be between the same two persons).
 */
export function refuseOffsetOnFactored(invoice: Pick<InvoiceDoc, "content">): void {
  const factoring = invoice.content.factoring;
  if (!factoring) return;
  throw conflict(
    "INVOICE_FACTORED",
    `La facture ${invoice.content.number} est cédée à ${factoring.factor}, à qui le client doit la régler : un remboursement ne peut pas être compensé avec elle. Versez le remboursement au client ou gardez-le en avoir.`,
  );
}
