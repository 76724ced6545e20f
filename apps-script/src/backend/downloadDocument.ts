import type { DocumentDownload } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { downloadBinaryApi } from "./api-client";

/**
 * « Télécharger » an issued document: the functions' file, fetched with the
 * user's identity (a sheet link could not carry it) and handed to the
 * sidebar base64, byte for byte the sealed one.
 */
export function downloadDocument(documentId: string): CallResult<DocumentDownload> {
  return downloadBinaryApi({ method: "get", path: `/documents/${encodeURIComponent(documentId)}` });
}
