/**
 * Starts one Firestore emulator and one local Cloud Storage server
 * (functions/testing/storage-server, the issued documents' bucket) for the
 * whole Jest run. Test workers are spawned after this runs, so they inherit
 * FIRESTORE_EMULATOR_HOST, DOCUMENTS_BUCKET and DOCUMENTS_STORAGE_ENDPOINT.
 */
import { startFirestoreEmulator } from "../../functions/testing/firestore-emulator";
import { startStorageServer } from "../../functions/testing/storage-server";

export default async function globalSetup(): Promise<void> {
  // Never probe the GCE metadata server: tests only talk to loopback.
  process.env.METADATA_SERVER_DETECTION = "none";
  if (!process.env.DOCUMENTS_STORAGE_ENDPOINT) {
    const storage = await startStorageServer();
    process.env.DOCUMENTS_STORAGE_ENDPOINT = storage.url;
    process.env.DOCUMENTS_BUCKET = "acompte-documents-test";
    (globalThis as { __ACOMPTE_STORAGE__?: typeof storage }).__ACOMPTE_STORAGE__ = storage;
  }
  if (process.env.FIRESTORE_EMULATOR_HOST && process.env.ACOMPTE_REUSE_EMULATOR === "1") return;
  const emulator = await startFirestoreEmulator({ projectId: "demo-acompte-test" });
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
  process.env.GCLOUD_PROJECT = emulator.projectId;
  (globalThis as { __ACOMPTE_EMULATOR__?: typeof emulator }).__ACOMPTE_EMULATOR__ = emulator;
}
