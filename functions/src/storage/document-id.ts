/** Ids that become Firestore document ids: letters, digits and `_.@+-`, nothing Firestore reserves (`/`, `__…__`, `.`, `..`). */
export const VALID_DOCUMENT_ID = /^[A-Za-z0-9_.@+-]{1,128}$/;

export function isValidDocumentId(id: string): boolean {
  return VALID_DOCUMENT_ID.test(id) && id !== "." && id !== ".." && !/^__.*__$/.test(id);
}
