/**
 * `npm start`'s services in a test file: the file's own emulator project, a
 * local data folder of its own and the environment local mode needs (local
 * tokens, the emulator, no shared Sheets data folder), all restored or
 * removed after the file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SERVICES, type Service } from "../../functions/dev/start";
import { localModeEnv } from "../../functions/testing/local-tokens";
import { emulatorHost, testFirestore } from "../support/firestore";

export function localRun(prefix: string) {
  const firestore = testFirestore(prefix);
  const local = mkdtempSync(path.join(tmpdir(), "acompte-local-"));
  const saved = { ...process.env };
  beforeAll(() => {
    delete process.env.SHEETS_DATA_DIR;
    Object.assign(process.env, localModeEnv(emulatorHost()), { GCLOUD_PROJECT: firestore.projectId });
  });
  afterAll(async () => {
    process.env = saved;
    await firestore.close();
    rmSync(local, { recursive: true, force: true });
  });
  return { firestore, local };
}

/** `npm start`'s service of that name (functions/dev/start.ts SERVICES). */
export const startService = (name: string): Service => SERVICES.find((s) => s.name === name)!;
