/** An issued document's kind. */
export type IssuedDocumentKind =
  "depositInvoice" | "creditNote" | "finalInvoice" | "penaltyInvoice" | "refundStatement";

/** An issued document (invoice, credit note) as kept: `GET …/refunds/{id}/documents`, `POST …/documents/{id}/resend`. */
export interface IssuedDocument {
  id: string;
  kind: IssuedDocumentKind;
  /** « Facture d'acompte », « Avoir », « Facture », « Facture de pénalités de retard », « Décompte et échéancier de remboursement ». */
  kindLabel: string;
  number: string;
  date: string;
  fileName: string;
  contentType: string;
  size: number;
  /** SHA-256 (hex) of the file, sealed in the hash chain with its record. */
  sha256: string;
  /** The customer addresses it was mailed to; empty when not mailed. */
  sentTo: string[];
  /** How many times it was mailed (issue and « Renvoyer au client »). */
  sends: number;
  /** The path of its download, relative to the company: `documents/{id}`. */
  download: string;
}

export interface RefundDocuments {
  documents: IssuedDocument[];
}

/** `GET …/documents/{id}`: the file itself, byte-identical to the one issued (Content-Type and file name of the document). */
export type DocumentFile = string;

export const ISSUED_DOCUMENT_LABELS: Record<IssuedDocumentKind, string> = {
  depositInvoice: "Facture d'acompte",
  creditNote: "Avoir",
  finalInvoice: "Facture",
  penaltyInvoice: "Facture de pénalités de retard",
  refundStatement: "Décompte et échéancier de remboursement",
};

/** A supporting document of a refund request (pièce justificative), as the approvers see it. */
export interface SupportingDocument {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  addedBy: string;
  /** The path of its download, relative to the company. */
  download: string;
}

export interface SupportingDocuments {
  documents: SupportingDocument[];
}
