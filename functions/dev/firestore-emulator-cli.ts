/** `npm run emulator`: starts the Firestore emulator in the foreground. */
import { EmulatorUnavailableError, startFirestoreEmulator } from "../testing/firestore-emulator";

async function main(): Promise<void> {
  const port = process.env.FIRESTORE_EMULATOR_PORT ? Number(process.env.FIRESTORE_EMULATOR_PORT) : 8080;
  const emulator = await startFirestoreEmulator({ port, projectId: process.env.GCLOUD_PROJECT ?? "demo-acompte" });
  console.log(`Firestore emulator ready: FIRESTORE_EMULATOR_HOST=${emulator.host} (project ${emulator.projectId})`);
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error instanceof EmulatorUnavailableError ? error.message : error);
  process.exit(1);
});
