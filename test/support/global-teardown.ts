import type { RunningEmulator } from "../../functions/testing/firestore-emulator";
import type { StorageServer } from "../../functions/testing/storage-server";

export default async function globalTeardown(): Promise<void> {
  const globals = globalThis as { __ACOMPTE_EMULATOR__?: RunningEmulator; __ACOMPTE_STORAGE__?: StorageServer };
  await globals.__ACOMPTE_EMULATOR__?.stop();
  await globals.__ACOMPTE_STORAGE__?.close();
}
