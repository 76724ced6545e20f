/**
 * One row of the `Relances` sheet per outbox entry, keyed by the entry id
 * (the Sheets sync updates it in place as the status moves). Amounts and
 * dates stay strings; user text (subjects hold customer names) is marked
 * "text" so the writer stores it as text, never as a formula.
 */
import type { Reminder, ReminderRule } from "../../domain/reminders/reminder";

export type CellType = "text" | "date" | "datetime" | "integer";

export const RELANCES_COLUMNS: { header: string; type: CellType }[] = [
  { header: "Identifiant", type: "text" },
  { header: "Date", type: "date" },
  { header: "Relance", type: "text" },
  { header: "Niveau", type: "text" },
  { header: "Concerne", type: "text" },
  { header: "Destinataires", type: "text" },
  { header: "Objet", type: "text" },
  { header: "Statut", type: "text" },
  { header: "Tentatives", type: "integer" },
  { header: "Envoyée le", type: "datetime" },
  { header: "Dernière erreur", type: "text" },
];

const RULE_LABEL: Record<ReminderRule, string> = {
  "approval-waiting": "Validation en attente",
  "instalment-due": "Échéance de remboursement",
  "consumer-refund-deadline": "Délai légal de remboursement (consommateur)",
  "customer-overdue": "Facture client échue",
  "insurer-declaration": "Déclaration à l'assureur-crédit",
  "legal-rates-missing": "Taux légaux à renseigner",
  "integrity-anchor": "Empreinte d'intégrité (auditeurs)",
  "refund-notice": "Avis de remboursement",
  document: "Document envoyé au client",
  "customer-risk-signal": "Signal faible (client)",
};

const LEVEL_LABEL: Record<ReminderRule, string[]> = {
  "approval-waiting": ["Rappel"],
  "instalment-due": ["", "À venir", "En retard"],
  "consumer-refund-deadline": ["", "Échéance proche", "En retard (majoration)"],
  "customer-overdue": ["", "Relance amiable", "Relance ferme", "Mise en demeure"],
  "insurer-declaration": ["Rappel"],
  "legal-rates-missing": ["Rappel"],
  "integrity-anchor": ["Quotidienne"],
  "refund-notice": ["Avis"],
  // Level n > 0 is the n-th « Renvoyer au client ».
  document: ["Envoi"],
  "customer-risk-signal": ["Signal"],
};

export const STATUS_LABEL = {
  PENDING: "En attente",
  SENDING: "Envoi en cours",
  SENT: "Envoyée",
  FAILED: "Échec d'envoi",
  UNCERTAIN: "À vérifier",
} as const;

export interface RelancesEntry extends Reminder {
  id: string;
  status: keyof typeof STATUS_LABEL;
  attempts: number;
  /** ISO 8601 instant, or null before it is sent. */
  sentAt: string | null;
  lastError: string | null;
}

export function relancesRow(e: RelancesEntry): (string | number | null)[] {
  return [
    e.id,
    e.day,
    RULE_LABEL[e.rule],
    LEVEL_LABEL[e.rule][e.level] ?? String(e.level),
    e.summary,
    [...e.to, ...e.cc].join(", "),
    e.subject,
    STATUS_LABEL[e.status],
    e.attempts,
    e.sentAt,
    e.lastError,
  ];
}
