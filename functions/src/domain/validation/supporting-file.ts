/**
 * A supporting document (pièce justificative) on a refund request: the
 * customer's cancellation letter or proof, as a PDF or an image. The type is
 * read from the content's first bytes (its magic number), never from the
 * name or a declared type: a renamed executable is refused.
 */

/** Decoded size at most: the api's 1 Mio body limit carries it in base64 (4/3). */
export const SUPPORTING_FILE_MAX_BYTES = 700_000;

const KINDS = [
  { contentType: "application/pdf", extension: "pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { contentType: "image/png", extension: "png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { contentType: "image/jpeg", extension: "jpg", magic: [0xff, 0xd8, 0xff] },
] as const;

export interface SupportingFileKind {
  contentType: (typeof KINDS)[number]["contentType"];
  extension: string;
}

/** The file's kind from its content, or the French problem that refuses it. */
export function supportingFileKind(bytes: Uint8Array): SupportingFileKind | { problem: string } {
  if (bytes.length === 0) return { problem: "fichier vide" };
  if (bytes.length > SUPPORTING_FILE_MAX_BYTES)
    return {
      problem: `fichier trop volumineux (${bytes.length} octets) : ${SUPPORTING_FILE_MAX_BYTES} octets au plus`,
    };
  const kind = KINDS.find((k) => k.magic.every((b, i) => bytes[i] === b));
  if (!kind) return { problem: "le contenu n'est ni un PDF ni une image PNG ou JPEG" };
  return { contentType: kind.contentType, extension: kind.extension };
}
