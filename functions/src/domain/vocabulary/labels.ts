/**
 * The one French label of every code a person sees: the sidebar, the sheets
 * (which the import also reads back), the messages and the documents all
 * take their words from here, so a status or a reason reads the same
 * everywhere. Labels are capitalised as they stand alone (a cell, a badge);
 * inside a sentence use `inSentence(label)`.
 */
import type { FactoringStatus } from "../customers/customer-schema";
import type { InsuranceClaimStatus } from "../customers/insurance-claim";
import type { CustomerKind, DepositKind, SupplyKind } from "../deposits/deposit-kind";
import type { RefundReason } from "../refunds/refund-reason";
import type { RefundStatus } from "../refunds/refund-status";
import type { Role } from "../roles/roles";
import type { RiskClass } from "../customers/risk-class";
import type { WeakSignalKind } from "../customers/weak-signals";

/** Each state of a refund request (refund-status.ts), as a cell, a badge or, via inSentence, a message reads it. */
export const REFUND_STATUS_LABELS: Record<RefundStatus, string> = {
  submitted: "Soumise",
  sales_approved: "Approuvée par le commercial",
  accounting_approved: "Approuvée par la comptabilité",
  approved: "Approuvée",
  rejected: "Refusée",
  cancelled: "Annulée",
  refunded: "Remboursée",
};

/** Why a refund is asked, as the sidebar, the sheets and the credit note say it. */
export const REFUND_REASON_LABELS: Record<RefundReason, string> = {
  customer_cancels: "Annulation par le client",
  seller_cancels: "Annulation par le vendeur",
  non_delivery: "Défaut de livraison",
  overpayment: "Trop-perçu",
  duplicate_payment: "Paiement en double",
  commercial_gesture: "Geste commercial",
  consumer_withdrawal: "Rétractation du consommateur",
};

/** What each member role is called; inside a sentence (« il faut : approbateur comptable ») use inSentence. */
export const ROLE_LABELS: Record<Role, string> = {
  requester: "Demandeur",
  sales_approver: "Approbateur commercial",
  accounting_approver: "Approbateur comptable",
  admin: "Administrateur",
};

/** Company or consumer, as the Acomptes sheet shows it and the import reads it back. */
export const CUSTOMER_KIND_LABELS: Record<CustomerKind, string> = { b2b: "Professionnel", b2c: "Particulier" };
/** Acompte or arrhes (C. consom. L214-1). */
export const DEPOSIT_KIND_LABELS: Record<DepositKind, string> = { acompte: "Acompte", arrhes: "Arrhes" };
/** A customer record's factoring status (domain/customers/customer-schema.ts), as the `Clients` sheet shows it. */
export const FACTORING_STATUS_LABELS: Record<FactoringStatus, string> = {
  none: "Non affacturé",
  assigned: "Affacturé",
};
/** Goods or services (decides when VAT on a deposit is due). */
export const SUPPLY_KIND_LABELS: Record<SupplyKind, string> = { goods: "Biens", services: "Prestations" };

/** The states of a deposit: open, applied to its final invoice, refunded in full. */
export const DEPOSIT_STATUSES = ["open", "applied", "refunded"] as const;
/** One of DEPOSIT_STATUSES. */
export type DepositStatus = (typeof DEPOSIT_STATUSES)[number];
/** Each state of a deposit, as the Acomptes sheet shows it. */
export const DEPOSIT_STATUS_LABELS: Record<DepositStatus, string> = {
  open: "Ouvert",
  applied: "Imputé",
  refunded: "Remboursé",
};

/** A deposit whose credit note is issued but not yet paid out in full (deposit-refund-status.ts words it). */
export const DEPOSIT_REFUND_LABELS = {
  credited: "Avoir émis",
  refunding: "Remboursement en cours",
} as const;
/** Where a refund instalment stands with the bank: put in a SEPA transfer file (« Virement émis »). */
export const TRANSFER_STATUS_LABELS = { issued: "Virement émis" } as const;

/** Owed to the customer in all: the credit note plus compensation without VAT — never called TTC. */
export const TOTAL_OWED_LABEL = "Total dû au client";

/** How a customer paid a deposit. */
export const PAYMENT_MEANS = ["virement", "carte", "cheque", "especes", "prelevement"] as const;
/** One of PAYMENT_MEANS. */
export type PaymentMeans = (typeof PAYMENT_MEANS)[number];
/** Each means of payment, as the Acomptes sheet shows it and the import reads it back. */
export const PAYMENT_MEANS_LABELS: Record<PaymentMeans, string> = {
  virement: "Virement",
  carte: "Carte",
  cheque: "Chèque",
  especes: "Espèces",
  prelevement: "Prélèvement",
};

/** The invoices Acompte issues: the deposit invoice, the final invoice that deducts it, the penalty invoice of a late one. */
export const INVOICE_TYPES = ["deposit", "final", "penalty"] as const;
/** One of INVOICE_TYPES. */
export type InvoiceType = (typeof INVOICE_TYPES)[number];
/** Each invoice type, as the Factures sheet shows it. */
export const INVOICE_TYPE_LABELS: Record<InvoiceType, string> = {
  deposit: "Facture d'acompte",
  final: "Facture de solde",
  penalty: "Facture de pénalités de retard",
};
/** An invoice another tool issued, imported from `Factures`. */
export const EXTERNAL_INVOICE_LABEL = "Facture (autre outil)";

/** What each event of a refund's history reads as (the lifecycle's events, refund-lifecycle.ts). */
export const REFUND_EVENT_LABELS = {
  "refund.requested": "Demande créée",
  "refund.approved_step": "Approbation enregistrée",
  "refund.approved": "Approuvée : avoir émis",
  "refund.rejected": "Refusée",
  "refund.cancelled": "Annulée",
  "instalment.paid": "Échéance payée",
  "instalment.transfer_returned": "Virement retourné : échéance à payer de nouveau",
  "refund.bank_account_changed": "IBAN du bénéficiaire changé",
  "refund.bank_account_confirmed": "Changement d'IBAN confirmé",
  "refund.supporting_document_added": "Pièce justificative ajoutée",
} as const;
/** One event of a refund's history (refund.requested, refund.approved, instalment.paid…). */
export type RefundEventType = keyof typeof REFUND_EVENT_LABELS;

/** The views of the refunds list (GET …/refunds, the sidebar's *Suivi*). */
export const REFUND_LIST_FILTERS = ["all", "mine", "approved_unpaid", "late"] as const;
/** One of REFUND_LIST_FILTERS. */
export type RefundListFilter = (typeof REFUND_LIST_FILTERS)[number];
export const REFUND_LIST_FILTER_LABELS: Record<RefundListFilter, string> = {
  all: "Toutes les demandes",
  mine: "Mes demandes",
  approved_unpaid: "Approuvées, non payées",
  late: "En retard",
};

/** A label inside a sentence: « la demande est refusée », « il faut : approbateur comptable ». */
export function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** "20" → "20 %", "5.5" → "5,5 %". */
export function vatRateLabel(rate: string): string {
  return `${rate.replace(".", ",")} %`;
}

/** The labels of a list, as a refusal names the admitted values: « Virement », « Carte »… (never the codes). */
export function admittedLabels(labels: Record<string, string>): string {
  return Object.values(labels)
    .map((label) => `« ${label} »`)
    .join(", ");
}

/** The journals the engine posts to (FEC JournalLib). */
export const JOURNAL_LABELS: Record<"VT" | "BQ" | "OD", string> = {
  VT: "Ventes",
  BQ: "Banque",
  OD: "Opérations diverses",
};

/** Each dunning letter (customer-overdue.ts), as the Relances sheet and the risk reasons name it. */
export const DUNNING_LEVEL_LABELS: Record<1 | 2 | 3, string> = {
  1: "Relance amiable",
  2: "Relance ferme",
  3: "Mise en demeure",
};

/** Each step of a credit-insurance claim (domain/customers/insurance-claim.ts), as the `Factures` sheet shows it. */
export const INSURANCE_CLAIM_STATUS_LABELS: Record<InsuranceClaimStatus, string> = {
  declared: "Déclarée",
  indemnified: "Indemnisée",
  refused: "Refusée",
  closed: "Clôturée",
};

/** A customer's risk class (domain/customers/risk-class.ts), as a cell or a badge shows it. */
export const RISK_CLASS_LABELS: Record<RiskClass, string> = {
  A: "Classe A – bon payeur",
  B: "Classe B – à surveiller",
  C: "Classe C – risque élevé",
  D: "Classe D – risque très élevé",
};

/** What a weak signal (domain/customers/weak-signals.ts) is about, as the message's subject names it. */
export const WEAK_SIGNAL_LABELS: Record<WeakSignalKind, string> = {
  lateness_worsened: "Retards de paiement en hausse",
  promise_broken: "Promesse de paiement non tenue",
  credit_limit_passed: "Limite de crédit dépassée",
  insured_limit_passed: "Limite assurée dépassée",
};
