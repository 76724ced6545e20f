/**
 * `npm run fuzz`: the fuzz of the api's input at scale, on its own
 * Firestore emulator. FUZZ_RUNS requests (default 10,000) from FUZZ_SEED
 * (default 1; the same seed and runs replay the same requests). Prints
 * the figures; exits 1 on any 5xx or failed check.
 */
import { Firestore } from "@google-cloud/firestore";
import { startFirestoreEmulator } from "../firestore-emulator";
import { watchWrites } from "../firestore-writes";
import { startTestApi } from "../local-api";
import { setUpFuzzCompany } from "./fuzz-targets";
import { formatReport, runFuzz } from "./run-fuzz";

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, not « ${raw} »`);
  return value;
}

async function main(): Promise<number> {
  const seed = numberFromEnv("FUZZ_SEED", 1);
  const runs = numberFromEnv("FUZZ_RUNS", 10_000);
  process.env.METADATA_SERVER_DETECTION = "none";
  const emulator = await startFirestoreEmulator({ projectId: "demo-acompte-fuzz" });
  const db = new Firestore({ projectId: emulator.projectId, host: emulator.host, ssl: false, preferRest: false });
  const written = watchWrites(db);
  const api = await startTestApi(db);
  try {
    const ids = await setUpFuzzCompany(api, db);
    console.log(`fuzz: ${runs} requests from seed ${seed}…`);
    const report = await runFuzz({
      api,
      written,
      ids,
      seed,
      runs,
      progressEvery: 1000,
      onProgress: (done) => console.log(`  ${done} / ${runs}`),
    });
    console.log(formatReport(report));
    return report.serverErrors === 0 && report.failures.length === 0 ? 0 : 1;
  } finally {
    await api.close();
    await db.terminate();
    await emulator.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
