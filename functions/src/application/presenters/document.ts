import { ISSUED_DOCUMENT_LABELS, type IssuedDocument } from "../../contract";
import type { DocumentDoc } from "../../model/document";

export function presentDocument(id: string, doc: DocumentDoc): IssuedDocument {
  return {
    id,
    kind: doc.kind,
    kindLabel: ISSUED_DOCUMENT_LABELS[doc.kind],
    number: doc.number,
    date: doc.date,
    fileName: doc.fileName,
    contentType: doc.contentType,
    size: doc.size,
    sha256: doc.sha256,
    sentTo: doc.sentTo,
    sends: doc.sends,
    download: `documents/${id}`,
  };
}
