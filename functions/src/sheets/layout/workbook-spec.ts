/**
 * The Acompte workbook, in French. Acomptes and Factures also take rows
 * typed by people (import): their input columns are not computed, and the
 * `Message` column tells what is wrong with a row that could not be
 * recorded.
 */
import {
  DEPOSIT_REFUND_LABELS,
  DEPOSIT_STATUS_LABELS,
  REFUND_STATUS_LABELS,
  TOTAL_OWED_LABEL,
  TRANSFER_STATUS_LABELS,
} from "../../domain";
import { BANK_ENTRY_STATUS_LABELS } from "../../model/bank-entry";
import { RELANCES_COLUMNS } from "./relances-row";
import { AMBER, BLUE, col, GREEN, GREY, ID_HEADER, RED, type ColumnKind, type SheetSpec } from "./sheet-spec";

export { ID_HEADER };
export const IMPORT_MESSAGE_HEADER = "Message";

export const ACOMPTES: SheetSpec = {
  title: "Acomptes",
  // What a person reads first (number, customer, amounts, status), then what they type, the technical id last.
  columns: [
    col("Facture d'acompte", "text", 140),
    col("Client", "text", 200, false),
    col("Acompte TTC", "money", 120, false),
    col("Solde remboursable", "money", 140),
    col("Statut", "text", 200),
    col(IMPORT_MESSAGE_HEADER, "text", 360),
    col("Type de client", "text", 110, false),
    col("SIREN", "text", 100, false),
    col("E-mail", "text", 180, false),
    col("Commande", "text", 120, false),
    col("Nature", "text", 90, false),
    col("Livraison", "text", 100, false),
    col("Taux TVA", "text", 80, false),
    col("Commande HT", "money", 120, false),
    col("Acompte (%)", "text", 90, false),
    col("Date d'encaissement", "date", 130, false),
    col("Moyen de paiement", "text", 130, false),
    col("Date de facture", "date", 110),
    col("HT", "money", 120),
    col("TVA", "money", 110),
    col("TVA exigible le", "date", 120),
    col(ID_HEADER, "text", 170),
  ],
  statusColumn: "Statut",
  statusColours: [
    { label: DEPOSIT_STATUS_LABELS.open, colour: BLUE },
    { label: DEPOSIT_STATUS_LABELS.applied, colour: GREEN },
    { label: DEPOSIT_STATUS_LABELS.refunded, colour: GREY },
    { label: DEPOSIT_REFUND_LABELS.credited, colour: AMBER },
    { label: DEPOSIT_REFUND_LABELS.refunding, colour: AMBER, prefix: true },
    { label: "Erreur", colour: RED },
  ],
};

/**
 * The file issued to the customer (Factur-X PDF), by name: plain text, not a
 * link, because a sheet cannot carry the api's authentication; the file is
 * downloaded from the sidebar (*Suivi* › « Documents »).
 */
export const DOCUMENT_HEADER = "Document";

/** The invoice's credit-insurance claim, e.g. « Déclarée le 12/05/2026, réf. SIN-778 »; empty when none. */
export const INSURANCE_CLAIM_HEADER = "Assurance-crédit";

/** Every column but the id, the type and the status can be typed (invoices of another tool and their payments). */
export const FACTURES: SheetSpec = {
  title: "Factures",
  columns: [
    col(ID_HEADER, "text", 170),
    col("Numéro", "text", 130, false),
    col("Type", "text", 140),
    col("Date", "date", 100, false),
    col("Client", "text", 200, false),
    col("Commande", "text", 120, false),
    col("Total HT", "money", 120, false),
    col("Total TVA", "money", 110, false),
    col("Total TTC", "money", 120, false),
    col("Acomptes déduits TTC", "money", 150, false),
    col("Net à payer", "money", 120, false),
    col("Échéance", "date", 100, false),
    col("Reste dû", "money", 120, false),
    col("Payée le", "date", 100, false),
    col("Statut", "text", 110),
    col(DOCUMENT_HEADER, "text", 240),
    // The claim on the credit insurance, by its last step (POST …/invoices/{id}/insurance-claim).
    col(INSURANCE_CLAIM_HEADER, "text", 300),
  ],
  statusColumn: "Statut",
  statusColours: [
    { label: "Payée", colour: GREEN },
    { label: "À payer", colour: AMBER },
    { label: "En retard", colour: RED },
    { label: "Erreur", colour: RED, prefix: true },
  ],
};

export const REMBOURSEMENTS: SheetSpec = {
  title: "Remboursements",
  columns: [
    col("Demande", "text", 130),
    col("Facture d'acompte", "text", 140),
    col("Client", "text", 200),
    col("Motif", "text", 200),
    col("Avoir TTC", "money", 120),
    col(TOTAL_OWED_LABEL, "money", 140),
    col("Demandé par", "text", 180),
    col("Demandé le", "date", 100),
    col("Statut", "text", 170),
    col("En attente de", "text", 160),
    col("Validations", "text", 260),
    col("Approuvé le", "date", 100),
    col("Avoir", "text", 130),
    col("Refus ou annulation", "text", 240),
    col("Remboursé le", "date", 110),
    col(ID_HEADER, "text", 170),
  ],
  statusColumn: "Statut",
  statusColours: [
    { label: REFUND_STATUS_LABELS.submitted, colour: AMBER },
    { label: REFUND_STATUS_LABELS.sales_approved, colour: AMBER },
    { label: REFUND_STATUS_LABELS.accounting_approved, colour: AMBER },
    { label: REFUND_STATUS_LABELS.approved, colour: BLUE },
    { label: REFUND_STATUS_LABELS.refunded, colour: GREEN },
    { label: REFUND_STATUS_LABELS.rejected, colour: RED },
    { label: REFUND_STATUS_LABELS.cancelled, colour: GREY },
  ],
};

export const ECHEANCIER: SheetSpec = {
  title: "Échéancier",
  columns: [
    col("Demande", "text", 130),
    col("Avoir", "text", 130),
    col("Client", "text", 200),
    col("Échéance", "text", 80),
    col("Date d'échéance", "date", 120),
    col("Montant", "money", 120),
    col("Statut", "text", 100),
    col("Payée le", "date", 100),
    col(ID_HEADER, "text", 190),
  ],
  statusColumn: "Statut",
  statusColours: [
    { label: "À payer", colour: AMBER },
    { label: TRANSFER_STATUS_LABELS.issued, colour: BLUE },
    { label: "Payée", colour: GREEN },
  ],
};

/** Every mention a credit note must carry (CGI art. 242 nonies A), one row per VAT rate. */
export const AVOIRS: SheetSpec = {
  title: "Avoirs",
  columns: [
    col("Numéro", "text", 130),
    col("Date", "date", 100),
    col("Type", "text", 130),
    col("Vendeur", "text", 180),
    col("SIREN vendeur", "text", 110),
    col("Client", "text", 200),
    col("SIREN client", "text", 110),
    col("Adresse client", "text", 220),
    col("Facture rectifiée", "text", 140),
    col("Date facture rectifiée", "date", 150),
    col("Taux TVA", "text", 80),
    col("Base HT", "money", 120),
    col("TVA", "money", 110),
    col("TTC", "money", 120),
    col("Total HT avoir", "money", 130),
    col("Total TVA avoir", "money", 130),
    col("Total TTC avoir", "money", 130),
    col("Demande", "text", 170),
    col(DOCUMENT_HEADER, "text", 240),
    col(ID_HEADER, "text", 190),
  ],
};

export const ECRITURES: SheetSpec = {
  title: "Écritures",
  columns: [
    col("N° écriture", "text", 110),
    col("Date", "date", 100),
    col("Journal", "text", 70),
    col("Libellé écriture", "text", 240),
    col("Pièce", "text", 130),
    col("Compte", "text", 80),
    col("Libellé ligne", "text", 240),
    col("Débit", "money", 120),
    col("Crédit", "money", 120),
    col(ID_HEADER, "text", 190),
  ],
};

/**
 * One row per booked statement entry (docs/bank.md): what waits « À
 * rapprocher » with its ranked suggestions, and what each entry settled.
 * Text from the bank (names, remittance) is written RAW like every cell: it
 * stays text, never a formula.
 */
export const BANQUE: SheetSpec = {
  title: "Banque",
  columns: [
    col("Date", "date", 100),
    col("Sens", "text", 110),
    col("Montant", "money", 120),
    col("Contrepartie", "text", 200),
    col("Libellé", "text", 260),
    col("Statut", "text", 130),
    col("Explication", "text", 360),
    col("Suggestions", "text", 420),
    col("Rapprochement", "text", 300),
    col("Référence bancaire", "text", 160),
    col("Relevé", "text", 140),
    col(ID_HEADER, "text", 300),
  ],
  statusColumn: "Statut",
  statusColours: [
    { label: BANK_ENTRY_STATUS_LABELS.to_reconcile, colour: AMBER },
    { label: BANK_ENTRY_STATUS_LABELS.unmatched, colour: AMBER },
    { label: BANK_ENTRY_STATUS_LABELS.applied, colour: GREEN },
    { label: BANK_ENTRY_STATUS_LABELS.returned, colour: RED },
  ],
};

/**
 * One row per customer record (not the merged ones), issue #16: what a
 * person reads and types first (name, kind, SIREN, limit, terms), then
 * contacts, bank details, credit insurance, factoring and segment. A row
 * typed without id creates the record; a typed change to a row with an id
 * updates it (import). The risk class is the profile's; kind and SIREN of a
 * recorded customer do not change (duplicates are merged).
 */
export const CLIENTS: SheetSpec = {
  title: "Clients",
  columns: [
    col("Client", "text", 200, false),
    col("Type de client", "text", 110, false),
    col("SIREN", "text", 100, false),
    col("Limite de crédit", "money", 130, false),
    col("Délai de paiement (jours)", "int", 110, false),
    col("Classe de risque", "text", 90),
    col("Statut", "text", 90),
    col(IMPORT_MESSAGE_HEADER, "text", 360),
    col("N° TVA", "text", 140, false),
    col("E-mail", "text", 180, false),
    col("Adresse de facturation", "text", 220, false),
    col("Adresse de livraison", "text", 220, false),
    col("Contact factures", "text", 160, false),
    col("E-mail factures", "text", 180, false),
    col("Contact relances", "text", 160, false),
    col("E-mail relances", "text", 180, false),
    col("Téléphone relances", "text", 130, false),
    col("IBAN", "text", 230, false),
    col("BIC", "text", 110, false),
    col("Assureur", "text", 150, false),
    col("Montant garanti", "money", 130, false),
    col("Garanti le", "date", 100, false),
    col("Affacturage", "text", 110, false),
    col("Factor", "text", 150, false),
    col("Segment", "text", 130, false),
    col(ID_HEADER, "text", 170),
  ],
  statusColumn: "Statut",
  statusColours: [{ label: "Erreur", colour: RED }],
};

const RELANCE_KIND: Record<string, ColumnKind> = { text: "text", date: "date", datetime: "datetime", integer: "int" };

/** The reminders journal's columns (relances-row.ts). */
export const RELANCES: SheetSpec = {
  title: "Relances",
  columns: RELANCES_COLUMNS.map((c, i) =>
    col(c.header, RELANCE_KIND[c.type], i === 0 ? 300 : c.header === "Objet" || c.header === "Concerne" ? 260 : 130),
  ),
  statusColumn: "Statut",
  statusColours: [
    { label: "Envoyée", colour: GREEN },
    { label: "En attente", colour: AMBER },
    { label: "Envoi en cours", colour: AMBER },
    { label: "Échec d'envoi", colour: RED },
    { label: "À vérifier", colour: RED },
  ],
};

/**
 * The daily anchors (« empreintes ») of the chains: one row per series and
 * day, appended by the anchors job, never rewritten (docs/integrity.md).
 */
export const INTEGRITE: SheetSpec = {
  title: "Intégrité",
  columns: [
    col(ID_HEADER, "text", 200),
    col("Date", "date", 100),
    col("Série", "text", 130),
    col("Dernier numéro", "text", 140),
    col("Empreinte SHA-256", "text", 520),
    col("Contrôle", "text", 360),
  ],
  locked: true,
};

/** Filled by the dashboard job; setup only creates it. */
export const TABLEAU_DE_BORD: SheetSpec = { title: "Tableau de bord", columns: [] };

/**
 * The customer table (issue #16): one row per customer record (merged
 * duplicates left out), in the records' id order — the dashboard job streams
 * them and never holds the table, so it cannot sort it; people sort or
 * filter the sheet. Written by the job alone: every column is computed.
 */
export const TABLEAU_CLIENTS: SheetSpec = {
  title: "Tableau clients",
  columns: [
    col("Client", "text", 220),
    col("Classe de risque", "text", 190),
    col("Exposition", "money", 130),
    col("Limite de crédit", "money", 130),
    col("Montant garanti", "money", 130),
    col("Créances ouvertes", "money", 130),
    col("dont assurées", "money", 130),
    col("Affacturage", "text", 110),
    col("DSO (jours)", "text", 90),
    col("Retard moyen pondéré, 12 mois (jours)", "text", 130),
    col("Retard, 3 derniers mois (jours)", "text", 120),
    col("Retard, 9 mois précédents (jours)", "text", 120),
    col("Tendance du retard", "text", 130),
    col(ID_HEADER, "text", 170),
  ],
};

export const WORKBOOK: SheetSpec[] = [
  ACOMPTES,
  FACTURES,
  REMBOURSEMENTS,
  ECHEANCIER,
  AVOIRS,
  ECRITURES,
  BANQUE,
  CLIENTS,
  RELANCES,
  TABLEAU_DE_BORD,
  TABLEAU_CLIENTS,
  INTEGRITE,
];
