/**
 * Firestore for tests: each test file gets its own demo project on the shared
 * emulator, so files running in parallel never see each other's documents.
 */
import { Firestore } from "@google-cloud/firestore";
import { randomBytes } from "node:crypto";
import { clearFirestore } from "../../functions/testing/firestore-emulator";

export function emulatorHost(): string {
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  if (!host) throw new Error("FIRESTORE_EMULATOR_HOST is not set: run the tests through jest (global setup).");
  return host;
}

export interface TestFirestore {
  db: Firestore;
  projectId: string;
  /** Deletes every document of this test file's project. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

export function testFirestore(prefix = "t"): TestFirestore {
  const projectId = `demo-${prefix}-${randomBytes(4).toString("hex")}`;
  const db = new Firestore({ projectId, host: emulatorHost(), ssl: false, preferRest: false });
  return {
    db,
    projectId,
    clear: () => clearFirestore(emulatorHost(), projectId),
    close: () => db.terminate(),
  };
}
