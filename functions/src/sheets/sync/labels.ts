/** French labels of the model's codes, as the sheets show them (and as the import reads them back). */
import type { DepositStatus } from "../../model/deposit";
import type { RefundStatus } from "../../model/refund";

export const CUSTOMER_KIND_LABEL = { b2b: "Professionnel", b2c: "Particulier" } as const;
export const DEPOSIT_KIND_LABEL = { acompte: "Acompte", arrhes: "Arrhes" } as const;
export const SUPPLY_KIND_LABEL = { goods: "Biens", services: "Prestations" } as const;
export const PAYMENT_MEANS_LABEL: Record<string, string> = {
  virement: "Virement",
  carte: "Carte",
  cheque: "Chèque",
  especes: "Espèces",
  prelevement: "Prélèvement",
};
export const DEPOSIT_STATUS_LABEL: Record<DepositStatus, string> = {
  open: "Ouvert",
  applied: "Imputé",
  refunded: "Remboursé",
};
export const IMPORT_ERROR_STATUS = "Erreur";
export const REFUND_STATUS_LABEL: Record<RefundStatus, string> = {
  submitted: "Soumise",
  sales_approved: "Validée (commercial)",
  accounting_approved: "Validée (comptabilité)",
  approved: "Approuvée",
  rejected: "Refusée",
  cancelled: "Annulée",
  refunded: "Remboursée",
};
export const APPROVER_LABEL = { sales_approver: "Commercial", accounting_approver: "Comptabilité" } as const;
export const INVOICE_TYPE_LABEL = { deposit: "Facture d'acompte", final: "Facture de solde" } as const;
/** An invoice another tool issued, imported from `Factures`. */
export const EXTERNAL_INVOICE_LABEL = "Facture (autre outil)";

/** "20" → "20 %", "5.5" → "5,5 %". */
export function vatRateLabel(rate: string): string {
  return `${rate.replace(".", ",")} %`;
}

/** Reverse lookup for the import: accepts the label or the code, any case, surrounding spaces ignored. */
export function codeOf<K extends string>(labels: Record<K, string>, typed: string): K | undefined {
  const t = typed.trim().toLowerCase();
  return (Object.keys(labels) as K[]).find((k) => k.toLowerCase() === t || labels[k].toLowerCase() === t);
}
