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
import { fieldLabel } from "../domain/validation/field-errors";
import { canonicalJson } from "../storage/canonical-json";
import { finding, inNumberOrder, type Finding, type Place } from "./finding";
import { shown } from "./sealed-fields";

/** The seller's fields the label table does not name. */
const SELLER_LABELS: Record<string, string> = { vatOnDebits: "option pour la TVA d'après les débits" };

/**
 * The seller kept in the render source (what re-rendering the file reads)
 * must be the one the chained record sealed: each field that differs is
 * named (« le champ « address » (adresse) du vendeur… »). Documents sealed
 * before the seller was (no `seller`) have nothing to compare.
 */
function sellerFindings(doc: DocumentDoc, sealed: SealedDocument, at: Place): Finding[] {
  if (!sealed.seller) return [];
  const kept = (doc.source?.seller ?? {}) as unknown as Record<string, unknown>;
  const seal = sealed.seller as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(seal), ...Object.keys(kept)])]
    .sort()
    .filter((k) => canonicalJson(kept[k] ?? null) !== canonicalJson(seal[k] ?? null))
    .map((k) => {
      const label = SELLER_LABELS[k] ?? fieldLabel(k) ?? k;
      return finding(
        "document",
        at,
        `le champ « seller.${k} » (${label} du vendeur) du document ${doc.number} diffère du vendeur scellé dans son enregistrement chaîné : ${shown(kept[k])} au lieu de ${shown(seal[k])}`,
        { field: `source.seller.${k}` },
      );
    });
}

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
    findings.push(...sellerFindings(doc, sealed, at));
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
