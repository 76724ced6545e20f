/**
 * The issued files: each `documents/{id}` record names its object in the
 * bucket and the chained record that sealed its SHA-256. The object is read
 * again and hashed: a file overwritten or deleted behind the application's
 * back is named by its document's number. The sealed record's own hash is
 * the chain walk's business; here the record must still seal this file.
 */
import { createHash } from "node:crypto";
import type { Firestore } from "@google-cloud/firestore";
import { DOCUMENTS } from "../model/collections";
import type { DocumentDoc, SealedDocument } from "../model/document";
import type { DocumentBucket } from "../storage/document-bucket";
import { companyCollection } from "../storage/refs";
import { finding, inNumberOrder, type Finding } from "./finding";

/** The pseudo-series documents' findings are filed under. */
export const DOCUMENTS_SERIES = "documents";

export async function checkStoredDocuments(
  db: Firestore,
  companyId: string,
  bucket: DocumentBucket | null,
): Promise<{ count: number; findings: Finding[] }> {
  const findings: Finding[] = [];
  let count = 0;
  for await (const snap of companyCollection(db, companyId, DOCUMENTS).stream()) {
    const d = snap as unknown as FirebaseFirestore.QueryDocumentSnapshot;
    const doc = d.data() as DocumentDoc;
    count++;
    const at = { series: DOCUMENTS_SERIES, number: doc.number ?? null, path: d.ref.path, id: d.id };
    const what = `le fichier ${doc.fileName} du document ${doc.number}`;
    const sealed = (await db.doc(doc.sourcePath).get()).get(doc.sealedAs ?? "document") as SealedDocument | undefined;
    if (!sealed || sealed.sha256 !== doc.sha256) {
      findings.push(
        finding("document", at, `${what} n'est plus celui que scelle son enregistrement chaîné (empreinte différente)`),
      );
      continue;
    }
    // Not uploaded yet (the upload follows the commit): nothing stored to compare.
    if (!bucket || !doc.stored) continue;
    const bytes = await bucket.read(doc.objectName);
    if (!bytes) {
      findings.push(finding("document", at, `${what} a disparu du stockage`));
      continue;
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (sha256 !== sealed.sha256)
      findings.push(
        finding(
          "document",
          at,
          `${what} a été modifié dans le stockage après émission : son empreinte SHA-256 ne correspond plus à celle scellée dans la chaîne`,
        ),
      );
  }
  return { count, findings: findings.sort(inNumberOrder) };
}
