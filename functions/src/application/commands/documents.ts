import { createHash } from "node:crypto";
import type { SupportingDocument } from "../../contract";
import { conflict, notFound } from "../../errors/api-error";
import { DEPOSITS, DOCUMENTS, REFUNDS, SUPPORTING_DOCUMENTS } from "../../model/collections";
import type { DepositDoc } from "../../model/deposit";
import type { DocumentDoc, SupportingDocumentDoc } from "../../model/document";
import type { RefundDoc } from "../../model/refund";
import { documentBucketFromEnv } from "../../storage/document-bucket";
import { isValidDocumentId } from "../../storage/document-id";
import { emptyBodySchema } from "../../workflow/bodies/refund-body";
import { resendDocument } from "../../workflow/issue-document";
import { loadRefund } from "../../workflow/load-refund";
import { statementPreview } from "../../workflow/statement-preview";
import { supportingDocumentBodySchema } from "../../workflow/bodies/supporting-document-body";
import { addSupportingDocument } from "../../workflow/supporting-document";
import { defineChange, defineRead, type Answer } from "../command";
import { documentBytes } from "../documents";
import { presentDocument } from "../presenters/document";

function documentId(params: Record<string, string>): string {
  if (!isValidDocumentId(params.documentId)) throw notFound(`Document introuvable : ${params.documentId}.`);
  return params.documentId;
}

/** A stored file as the answer: its bytes in one chunk, with its name and content type. */
function fileAnswer(file: { fileName: string; contentType: string }, bytes: Buffer): Answer {
  return {
    status: 200,
    body: null,
    download: {
      fileName: file.fileName,
      contentType: file.contentType,
      chunks: (async function* () {
        yield bytes;
      })(),
    },
  };
}

export const getDocumentCommand = defineRead({
  name: "document.get",
  summary:
    "An issued document's file (deposit invoice, credit note, final invoice), byte-identical to the one issued, with its content type and file name; refused (409 DOCUMENT_ALTERED) when the stored file no longer matches the SHA-256 sealed in the chain.",
  roles: [],
  answer: "DocumentFile",
  handler: async (_access, reader, { db, params }) => {
    const { doc, bytes } = await documentBytes(db, documentBucketFromEnv(), reader.companyId, documentId(params));
    return fileAnswer(doc, bytes);
  },
});

export const statementPreviewCommand = defineRead({
  name: "refund.statement_preview",
  summary:
    "« Aperçu du décompte »: the refund statement (décompte et échéancier de remboursement) the final approval would issue today, as a PDF rendered like the issued one; takes no number (the credit note's is shown as still to come), writes and seals nothing. For the request's approvers and admins, while it awaits approval.",
  roles: ["sales_approver", "accounting_approver", "admin"],
  answer: "DocumentFile",
  handler: async (access, reader, { params, today }) => {
    const rendered = await statementPreview(reader, access, params.refundId, today);
    return fileAnswer(rendered, Buffer.from(rendered.bytes));
  },
});

export const listRefundDocumentsCommand = defineRead({
  name: "refund.documents",
  summary:
    "The documents of a refund request: the deposit invoice it refunds and the credit note its final approval issued, each with its download path, SHA-256 and sends.",
  roles: [],
  answer: "RefundDocuments",
  handler: async (_access, reader, { params }) => {
    const refund = await reader.get<RefundDoc>(reader.collection(REFUNDS).doc(params.refundId));
    if (!refund) throw notFound(`Demande de remboursement introuvable : ${params.refundId}.`);
    const deposit = refund.depositId
      ? await reader.get<DepositDoc>(reader.collection(DEPOSITS).doc(refund.depositId))
      : null;
    const [invoiceDoc, issued] = await Promise.all([
      deposit ? reader.get<DocumentDoc>(reader.collection(DOCUMENTS).doc(deposit.invoiceId)) : null,
      reader.query<DocumentDoc>(reader.collection(DOCUMENTS).where("refundId", "==", params.refundId)),
    ]);
    const documents = [
      ...(invoiceDoc && deposit ? [presentDocument(deposit.invoiceId, invoiceDoc)] : []),
      ...issued.map(({ id, data }) => presentDocument(id, data)).sort((a, b) => a.number.localeCompare(b.number)),
    ];
    return { status: 200, body: { documents } };
  },
});

export const resendDocumentCommand = defineChange({
  name: "document.resend",
  summary:
    "« Renvoyer au client »: mails an issued document to its customer again, the same file attached, through a new outbox entry (sent once), recorded as an event.",
  roles: ["requester", "accounting_approver", "admin"],
  body: emptyBodySchema,
  status: 200,
  answer: "IssuedDocument",
  handler: (uow, access, _body, { params }) => resendDocument(uow, access, documentId(params)),
  present: ({ id, doc }) => presentDocument(id, doc),
});

function presentSupporting(refundId: string, id: string, doc: SupportingDocumentDoc): SupportingDocument {
  return {
    id,
    fileName: doc.fileName,
    contentType: doc.contentType,
    size: doc.size,
    sha256: doc.sha256,
    addedBy: doc.addedBy,
    download: `refunds/${refundId}/supporting-documents/${id}`,
  };
}

export const addSupportingDocumentCommand = defineChange({
  name: "refund.add_supporting_document",
  summary:
    "Adds a supporting document (pièce justificative: the customer's cancellation letter, a proof) to a refund request: a PDF, PNG or JPEG of 700,000 bytes at most, its type read from its content; stored once under its SHA-256, recorded as an event.",
  roles: ["requester", "sales_approver", "accounting_approver"],
  body: supportingDocumentBodySchema,
  status: 201,
  answer: "SupportingDocument",
  handler: (uow, _access, body, { params }) =>
    addSupportingDocument(uow, documentBucketFromEnv(), params.refundId, body),
  present: ({ refundId, id, doc }) => presentSupporting(refundId, id, doc),
});

export const listSupportingDocumentsCommand = defineRead({
  name: "refund.supporting_documents",
  summary: "The supporting documents of a refund request, for its approvers.",
  roles: [],
  answer: "SupportingDocuments",
  handler: async (_access, reader, { params }) => {
    const { ref } = await loadRefund(reader, params.refundId);
    const docs = await reader.query<SupportingDocumentDoc>(ref.collection(SUPPORTING_DOCUMENTS).orderBy("addedAt"));
    return {
      status: 200,
      body: { documents: docs.map(({ id, data }) => presentSupporting(params.refundId, id, data)) },
    };
  },
});

export const getSupportingDocumentCommand = defineRead({
  name: "refund.get_supporting_document",
  summary: "A supporting document's file, as added (refused when the stored bytes no longer hash to its SHA-256).",
  roles: [],
  answer: "DocumentFile",
  handler: async (_access, reader, { params }) => {
    const { ref } = await loadRefund(reader, params.refundId);
    if (!isValidDocumentId(params.supportingId)) throw notFound("Pièce justificative introuvable.");
    const doc = await reader.get<SupportingDocumentDoc>(ref.collection(SUPPORTING_DOCUMENTS).doc(params.supportingId));
    const bytes = doc ? await documentBucketFromEnv()?.read(doc.objectName) : null;
    if (!doc || !bytes) throw notFound("Pièce justificative introuvable.");
    if (createHash("sha256").update(bytes).digest("hex") !== doc.sha256)
      throw conflict("DOCUMENT_ALTERED", `La pièce justificative ${doc.fileName} a été modifiée dans le stockage.`);
    return fileAnswer(doc, bytes);
  },
});
