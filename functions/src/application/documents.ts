/**
 * The issued documents' bytes: uploaded once after the commit that issued
 * them, read back for a download or a mail. The object is named after the
 * document (model/document.ts) and created with `ifGenerationMatch: 0`, so
 * an upload retried, or raced by a download or the mail job, creates it once
 * and never overwrites it. A document whose upload was lost (a crash after
 * the commit) is rendered again from its record by the renderer that made
 * it: rendering is deterministic, and the bytes must hash to the SHA-256
 * sealed at issue or nothing is stored.
 */
import { createHash } from "node:crypto";
import type { Firestore } from "@google-cloud/firestore";
import { DOCUMENTS } from "../model/collections";
import type { DocumentDoc } from "../model/document";
import { conflict, notFound } from "../errors/api-error";
import type { DocumentBucket } from "../storage/document-bucket";
import { companyCollection } from "../storage/refs";
import type { ChangeNotifier } from "./ports/change-notifier";
import { rendererById } from "./renderers";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A stored document whose bytes no longer hash to the sealed SHA-256: never served, never mailed. */
function tampered(doc: DocumentDoc) {
  return conflict(
    "DOCUMENT_ALTERED",
    `Le fichier du document ${doc.number} a été modifié dans le stockage après émission : il n'est ni téléchargé ni envoyé (lancez la vérification d'intégrité).`,
  );
}

/** The document's bytes as issued: rendered again from its record, checked against the sealed SHA-256. */
async function rendered(doc: DocumentDoc): Promise<Buffer> {
  const out = await rendererById(doc.renderer).render(doc.source);
  const bytes = Buffer.from(out.bytes);
  if (sha256(bytes) !== doc.sha256) throw new Error(`document ${doc.number}: rendering again gives other bytes`);
  return bytes;
}

/**
 * The document's bytes, uploading them first when they are not stored yet.
 * Without a bucket (a deployment that keeps no files) they are rendered again.
 */
export async function documentBytes(
  db: Firestore,
  bucket: DocumentBucket | null,
  companyId: string,
  documentId: string,
): Promise<{ doc: DocumentDoc; bytes: Buffer }> {
  const ref = companyCollection(db, companyId, DOCUMENTS).doc(documentId);
  const doc = (await ref.get()).data() as DocumentDoc | undefined;
  if (!doc) throw notFound(`Document introuvable : ${documentId}.`);
  if (!bucket) return { doc, bytes: await rendered(doc) };
  const stored = await bucket.read(doc.objectName);
  if (stored) {
    if (sha256(stored) !== doc.sha256) throw tampered(doc);
    if (!doc.stored) await ref.update({ stored: true });
    return { doc, bytes: stored };
  }
  // Stored once and gone since: deleted behind the application's back, not re-created silently.
  if (doc.stored) throw tampered(doc);
  const bytes = await rendered(doc);
  await bucket.createOnce(doc.objectName, bytes, doc.contentType);
  await ref.update({ stored: true });
  return { doc, bytes };
}

/** After a commit: uploads the documents it issued (a failure is left to the next reader, who uploads then). */
export function documentUploads(
  db: Firestore,
  bucket: DocumentBucket | null,
  log: (message: string, error: unknown) => void = console.error,
): ChangeNotifier {
  return {
    async afterCommit(change) {
      if (!bucket) return;
      const prefix = `${companyCollection(db, change.companyId, DOCUMENTS).path}/`;
      const ids = change.paths.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length));
      for (const id of new Set(ids)) {
        try {
          await documentBytes(db, bucket, change.companyId, id);
        } catch (error) {
          log(`Document ${id}: upload after commit failed; the next download or mail uploads it`, error);
        }
      }
    },
  };
}

/** The files an outbox entry carries (Reminder.attachments), as the mail transport attaches them. */
export function documentAttachments(bucket: DocumentBucket | null) {
  return async (
    db: Firestore,
    entry: { companyId: string; attachments?: { documentId: string }[] },
  ): Promise<{ fileName: string; contentType: string; content: Buffer }[]> =>
    Promise.all(
      (entry.attachments ?? []).map(async ({ documentId }) => {
        const { doc, bytes } = await documentBytes(db, bucket, entry.companyId, documentId);
        return { fileName: doc.fileName, contentType: doc.contentType, content: bytes };
      }),
    );
}
