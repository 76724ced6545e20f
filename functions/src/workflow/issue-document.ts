import { createHash } from "node:crypto";
import { documentReadiness } from "../domain/identity/document-readiness";
import { documentNotice } from "../domain/reminders/document-notice";
import type { DocumentCustomer } from "../domain";
import { documentRenderer } from "../application/renderers";
import { DOCUMENTS, OUTBOX } from "../model/collections";
import {
  documentObjectName,
  type DocumentDoc,
  type DocumentSource,
  type SealedDocument,
  type SealedField,
} from "../model/document";
import { newOutboxEntry } from "../model/outbox-entry";
import { notFound, unprocessable } from "../errors/api-error";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import { documentSeller, settingsOf } from "./company-settings";

/** Whether the company issues its documents as files (settings.documentsEnabled). */
export function issuesDocuments(access: Access): boolean {
  return settingsOf(access).documentsEnabled === true;
}

/**
 * Refuses, before any number is taken, a document whose mandatory mentions
 * are missing (the seller's legal identity, a professional customer's
 * address and SIREN): a 422 naming each field, nothing written, no gap in
 * the series. Only for a company that issues its documents.
 */
export function refuseIfDocumentNotReady(access: Access, customer: DocumentCustomer): void {
  if (!issuesDocuments(access)) return;
  const missing = documentReadiness(settingsOf(access), customer);
  if (missing.length === 0) return;
  throw unprocessable(
    "DOCUMENT_DATA_MISSING",
    `Document impossible à émettre, mentions obligatoires manquantes : ${missing.map((m) => m.message).join(" ")}`,
    missing,
  );
}

export interface IssueDocumentInput {
  /** The chained record the document renders (its id is the document's). */
  sourceRef: FirebaseFirestore.DocumentReference;
  source: Omit<DocumentSource, "seller">;
  refundId?: string | null;
  /** The document's id when the record seals a second file (a refund statement); default the record's id. */
  documentId?: string;
  /** The record's field sealing it (default `document`). */
  sealedAs?: SealedField;
  /** Mailed inside another document's mail (the statement in its credit note's), never on its own at issue. */
  mailedInside?: boolean;
  /** Documents issued just before, attached to this one's mail. */
  mailedWith?: { documentId: string; fileName: string }[];
}

/** What a document's mail states as its amount: the document's gross, or the total a statement pays back. */
function grossOf(source: DocumentSource): string {
  return source.kind === "refundStatement" ? source.content.quote.total : source.content.total.gross;
}

/**
 * Issues the file of a chained record in the command's transaction:
 * rendered (deterministic), recorded in `documents/{id}` and, when the
 * company mails its documents and the customer has an address, put in the
 * outbox for the customer. Returns what the caller seals with the record
 * (UnitOfWork.putChained), or null when the company issues no files. The
 * bytes are uploaded after the commit (application/documents.ts).
 */
export async function issueDocument(
  uow: UnitOfWork,
  access: Access,
  input: IssueDocumentInput,
): Promise<SealedDocument | null> {
  if (!issuesDocuments(access)) return null;
  const settings = settingsOf(access);
  const source = { ...input.source, seller: documentSeller(settings) } as DocumentSource;
  const rendered = await documentRenderer.render(source);
  const bytes = Buffer.from(rendered.bytes);
  const sealed: SealedDocument = {
    sha256: createHash("sha256").update(bytes).digest("hex"),
    size: bytes.length,
    fileName: rendered.fileName,
    contentType: rendered.contentType,
    seller: source.seller,
  };
  const id = input.documentId ?? input.sourceRef.id;
  const content = source.content;
  const email = content.customer.email;
  const mailed = settings.sendDocuments !== false && !!email;
  // The seller is kept once, in the render source; the chained record seals it.
  const doc: DocumentDoc = {
    sha256: sealed.sha256,
    size: sealed.size,
    fileName: sealed.fileName,
    contentType: sealed.contentType,
    kind: source.kind,
    number: content.number,
    date: content.date,
    sourcePath: input.sourceRef.path,
    ...(input.sealedAs && input.sealedAs !== "document" ? { sealedAs: input.sealedAs } : {}),
    ...(mailed && input.mailedWith?.length ? { mailedWith: input.mailedWith } : {}),
    refundId: input.refundId ?? null,
    objectName: documentObjectName(uow.companyId, id, sealed.fileName),
    renderer: documentRenderer.id,
    source,
    stored: false,
    sentTo: mailed ? [email] : [],
    sends: mailed ? 1 : 0,
    createdAt: uow.timestamp,
  };
  uow.create(uow.collection(DOCUMENTS).doc(id), doc);
  uow.event("document.issued", { kind: "document", id }, null, {
    number: doc.number,
    fileName: doc.fileName,
    sha256: doc.sha256,
    sentTo: doc.sentTo,
  });
  if (mailed && !input.mailedInside) enqueueDocumentMail(uow, access, id, doc, 0);
  return sealed;
}

/** Puts the mail of a document in the outbox, in the command's transaction (`resend` 0 at issue, n for the n-th resend). */
export function enqueueDocumentMail(
  uow: UnitOfWork,
  access: Access,
  documentId: string,
  doc: DocumentDoc,
  resend: number,
): void {
  const content = doc.source.content;
  const notice = documentNotice({
    companyId: uow.companyId,
    companyName: settingsOf(access).name,
    documentId,
    kind: doc.kind,
    number: doc.number,
    date: doc.date,
    customerName: content.customer.name,
    customerEmail: content.customer.email as string,
    gross: grossOf(doc.source),
    ...("amountDue" in content && content.amountDue !== undefined && doc.kind === "finalInvoice"
      ? { amountDue: content.amountDue }
      : {}),
    ...("factoring" in content && content.factoring ? { factoring: content.factoring } : {}),
    ...("cites" in content
      ? { cites: content.cites.number }
      : "penaltyClaim" in content && content.penaltyClaim
        ? { cites: content.penaltyClaim.number }
        : {}),
    fileName: doc.fileName,
    ...(doc.mailedWith ? { alsoAttached: doc.mailedWith } : {}),
    resend,
    day: uow.today,
  });
  const { id, entry } = newOutboxEntry(notice, uow.timestamp);
  uow.create(uow.db.collection(OUTBOX).doc(id), entry);
}

/**
 * « Renvoyer au client »: the document mailed again, as issued (same file),
 * through a new outbox entry (its level the send's rank, so it is one more
 * mail, sent once), recorded as an event.
 */
export async function resendDocument(
  uow: UnitOfWork,
  access: Access,
  documentId: string,
): Promise<{ id: string; doc: DocumentDoc }> {
  const ref = uow.collection(DOCUMENTS).doc(documentId);
  const doc = await uow.get<DocumentDoc>(ref);
  if (!doc) throw notFound(`Document introuvable : ${documentId}.`);
  const email = doc.source.content.customer.email;
  if (!email)
    throw unprocessable(
      "INVALID_STATE",
      `Le client du document ${doc.number} n'a pas d'adresse e-mail : le document ne peut pas lui être envoyé.`,
    );
  const sends = doc.sends + 1;
  const written: DocumentDoc = { ...doc, sends, sentTo: [...new Set([...doc.sentTo, email])] };
  uow.update(ref, { sends: written.sends, sentTo: written.sentTo });
  enqueueDocumentMail(uow, access, documentId, written, sends);
  uow.event("document.resent", { kind: "document", id: documentId }, { sends: doc.sends }, { sends, to: email });
  return { id: documentId, doc: written };
}
