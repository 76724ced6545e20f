import { z } from "zod";
import { isValidDocumentId } from "../../storage/document-id";

/**
 * An id a body names (a deposit, a credit, an invoice), which the workflow
 * reads as a Firestore document id: one Firestore would reject (`a/b`,
 * `__x__`, too long) is refused here in French, like an id in the address,
 * instead of failing in Firestore as a 500.
 */
export const documentId = (what: string) =>
  z.string({ error: `doit être un identifiant ${what}` }).refine(isValidDocumentId, {
    message: "identifiant invalide (lettres, chiffres et _.@+- ; 128 caractères au plus)",
  });
