import type { RunningEmulator } from "../../functions/testing/firestore-emulator";

export default async function globalTeardown(): Promise<void> {
  const emulator = (globalThis as { __ACOMPTE_EMULATOR__?: RunningEmulator }).__ACOMPTE_EMULATOR__;
  await emulator?.stop();
}
