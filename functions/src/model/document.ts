import type { Timestamp } from "@google-cloud/firestore";
import type { CreditNoteContent, DocumentSeller, SealedInvoice } from "../domain";
import type { RefundStatement } from "../domain/refunds/refund-statement";

/** The documents Acompte issues to a customer. */
export type DocumentKind = "depositInvoice" | "creditNote" | "finalInvoice" | "penaltyInvoice" | "refundStatement";

/**
 * What a document is rendered from: the sealed content of the invoice or
 * credit note and the seller as the settings stood when it was issued, so
 * the same bytes can be rendered again whatever the settings became since.
 */
export type DocumentSource =
  | { kind: "depositInvoice" | "finalInvoice" | "penaltyInvoice"; content: SealedInvoice; seller: DocumentSeller }
  | { kind: "creditNote"; content: CreditNoteContent; seller: DocumentSeller }
  | { kind: "refundStatement"; content: RefundStatement; seller: DocumentSeller };

/**
 * The field of the chained record that seals a document's SHA-256: its own
 * file is `document`; the refund statement issued with a credit note is the
 * credit note record's `statement` (the request is not a chained record).
 */
export type SealedField = "document" | "statement";

/**
 * What the chained record seals of its document (model/chain.ts): the file
 * as issued and the seller's identity printed on it. Tampering with the
 * stored object changes its SHA-256; changing this breaks the chain.
 */
export interface SealedDocument {
  sha256: string;
  size: number;
  fileName: string;
  contentType: string;
  /**
   * The seller as printed (the company settings at issue): the record's
   * content names the seller by name and SIREN only, and the render source
   * beside it (`documents/{id}.source.seller`) is not chained, so without
   * this a later edit of either could change what the record says was
   * printed. Absent on documents issued before it was sealed.
   */
  seller?: DocumentSeller;
}

/**
 * companies/{c}/documents/{id}: one issued document, its id the id of the
 * chained record it renders (the invoice or credit note). Written once, in
 * the transaction that issues the record; the object is uploaded after the
 * commit (`stored` turns true), or by whoever needs it first.
 */
export interface DocumentDoc extends Omit<SealedDocument, "seller"> {
  kind: DocumentKind;
  /** The invoice or credit note number. */
  number: string;
  date: string;
  /** The chained record: `invoices/{id}` or `creditNotes/{id}` (a refund statement: its credit note's). */
  sourcePath: string;
  /** The field of that record sealing this file; absent: `document`. */
  sealedAs?: SealedField;
  /** Further documents mailed with this one, in the same mail (a credit note's refund statement). */
  mailedWith?: { documentId: string; fileName: string }[];
  /** The refund request a credit note or statement belongs to (listing a refund's documents); null otherwise. */
  refundId: string | null;
  objectName: string;
  /** The renderer that made it (application/renderers): a lost upload is rendered again by it. */
  renderer: string;
  source: DocumentSource;
  stored: boolean;
  /** The customer addresses it is mailed to (empty: not mailed), and how many times it was sent or resent. */
  sentTo: string[];
  sends: number;
  createdAt: Timestamp;
}

/** Where a document's bytes are kept in the bucket: derived from its id, so a retry names the same object. */
export function documentObjectName(companyId: string, documentId: string, fileName: string): string {
  return `companies/${companyId}/documents/${documentId}/${fileName}`;
}

/**
 * companies/{c}/refunds/{r}/supportingDocuments/{id}: a file the request
 * carries (the customer's cancellation letter, a proof), kept like the
 * issued documents. The id and the object name derive from the SHA-256: the
 * same file added twice is one document, one object.
 */
export interface SupportingDocumentDoc {
  fileName: string;
  contentType: string;
  sha256: string;
  size: number;
  objectName: string;
  addedBy: string;
  addedAt: Timestamp;
}

export function supportingObjectName(companyId: string, refundId: string, sha256: string): string {
  return `companies/${companyId}/refunds/${refundId}/supporting/${sha256}`;
}
