/** French wording of the API's codes. */
import type { RefundEventType, RefundReason, Role } from "../interfaces/api";

export const REASON_LABELS: Record<RefundReason, string> = {
  customer_cancels: "Annulation par le client",
  seller_cancels: "Annulation par le vendeur",
  non_delivery: "Non-livraison",
  overpayment: "Trop-perçu",
  duplicate_payment: "Paiement en double",
  commercial_gesture: "Geste commercial",
  consumer_withdrawal: "Rétractation du consommateur",
};

export const ROLE_LABELS: Record<Role, string> = {
  requester: "demandeur",
  sales_approver: "approbateur commercial",
  accounting_approver: "approbateur comptable",
  admin: "administrateur",
};

const STATUS_LABELS: Record<string, string> = {
  submitted: "En attente d'approbation",
  sales_approved: "Approuvée par le commercial, en attente de la comptabilité",
  accounting_approved: "Approuvée par la comptabilité, en attente du commercial",
  approved: "Approuvée",
  rejected: "Rejetée",
  cancelled: "Annulée",
  refunded: "Remboursée",
};

const EVENT_LABELS: Record<RefundEventType, string> = {
  "refund.requested": "Demande créée",
  "refund.approved_step": "Approbation enregistrée",
  "refund.approved": "Approuvée : avoir émis",
  "refund.rejected": "Rejetée",
  "refund.cancelled": "Annulée",
  "instalment.paid": "Échéance payée",
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

export function eventLabel(type: string): string {
  return (EVENT_LABELS as Record<string, string>)[type] ?? type.replace(/[._]/g, " ");
}

export function reasonLabel(reason: string | undefined): string {
  return reason ? ((REASON_LABELS as Record<string, string>)[reason] ?? reason) : "—";
}

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}
