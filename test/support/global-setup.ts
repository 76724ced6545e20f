/**
 * Starts one Firestore emulator for the whole Jest run. Test workers are
 * spawned after this runs, so they inherit FIRESTORE_EMULATOR_HOST.
 */
import { startFirestoreEmulator } from "../../functions/testing/firestore-emulator";

export default async function globalSetup(): Promise<void> {
  // Never probe the GCE metadata server: tests only talk to loopback.
  process.env.METADATA_SERVER_DETECTION = "none";
  if (process.env.FIRESTORE_EMULATOR_HOST && process.env.ACOMPTE_REUSE_EMULATOR === "1") return;
  const emulator = await startFirestoreEmulator({ projectId: "demo-acompte-test" });
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
  process.env.GCLOUD_PROJECT = emulator.projectId;
  (globalThis as { __ACOMPTE_EMULATOR__?: typeof emulator }).__ACOMPTE_EMULATOR__ = emulator;
}
