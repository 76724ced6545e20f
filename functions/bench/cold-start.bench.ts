/**
 * Cold start of the deployed functions, on the bundles `npm run build` makes
 * (docs/cold-start.md):
 * - load: `require` of each dist/functions/NAME/index.js in a fresh Node
 *   process, median of RUNS, against `require` of the whole `googleapis`
 *   package measured the same way in the same run (goal ≤ 0.30×); the runs
 *   alternate between the modules so that a busy moment of the machine
 *   weighs on all of them alike (CPU times are printed too: on a shared
 *   machine they vary less than the wall clock);
 * - first answer: from spawning the functions framework serving the bundled
 *   `api` (local token mode, on the emulator this bench starts) to its first
 *   answered request, `GET /v1/companies/ID/me`, which reads Firestore.
 */
import { Firestore } from "@google-cloud/firestore";
import { spawnSync } from "node:child_process";
import { MENUISERIE } from "../dev/demo-data/companies";
import { seedCompany } from "../dev/demo-data/seed-company";
import { startFirestoreEmulator } from "../testing/firestore-emulator";
import { localModeEnv, mintLocalToken } from "../testing/local-tokens";
import { firstAnswer, httpCall, serveFunction } from "../testing/served-function";
import { buildFunctions, REPO_ROOT } from "../tools/build-functions";
import { percentile } from "./percentile";

const RUNS = 9;
const FIRST_ANSWER_RUNS = 5;
const GOAL = 0.3;
/** The yardstick, a devDependency for this comparison only: never imported by the functions. */
const YARDSTICK = ["google", "apis"].join("");

/** Run by `node -e` in a fresh process: times one `require`, wall clock and CPU. */
const LOAD_CHILD = `
const target = process.argv[1];
const cpu = process.cpuUsage();
const started = performance.now();
require(target);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000 }));
process.exit(0);
`;

interface LoadSample {
  ms: number;
  cpuMs: number;
}

function timeRequire(target: string): LoadSample {
  const child = spawnSync(process.execPath, ["-e", LOAD_CHILD, target], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", METADATA_SERVER_DETECTION: "none" },
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`require(${target}) failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as LoadSample;
}

const median = (samples: number[]) => percentile(samples, 50);

async function loadTimes(): Promise<void> {
  const built = await buildFunctions();
  const targets = [...built.map((fn) => ({ label: fn.name, path: fn.bundle })), { label: YARDSTICK, path: YARDSTICK }];
  const samples = new Map<string, LoadSample[]>(targets.map((t) => [t.label, []]));
  for (let run = 0; run < RUNS; run++) for (const t of targets) samples.get(t.label)!.push(timeRequire(t.path));
  const ms = (label: string) => median(samples.get(label)!.map((s) => s.ms));
  const cpu = (label: string) => median(samples.get(label)!.map((s) => s.cpuMs));
  const yardstick = ms(YARDSTICK);
  console.log(`load (require in a fresh process, median of ${RUNS}):`);
  console.log(
    `  ${YARDSTICK.padEnd(10)} ${yardstick.toFixed(0).padStart(5)} ms  (CPU ${cpu(YARDSTICK).toFixed(0)} ms)`,
  );
  for (const fn of built) {
    const ratio = ms(fn.name) / yardstick;
    console.log(
      `  ${fn.name.padEnd(10)} ${ms(fn.name).toFixed(0).padStart(5)} ms  (CPU ${cpu(fn.name).toFixed(0)} ms)  ` +
        `${(fn.bundleBytes / 1024).toFixed(0)} KiB bundle  ratio ${ratio.toFixed(2)} × ${YARDSTICK} ` +
        `(goal ≤ ${GOAL} ${ratio <= GOAL ? "met" : "NOT met"}; in CPU time ${(cpu(fn.name) / cpu(YARDSTICK)).toFixed(2)})  external: ${Object.keys(fn.manifest.dependencies).join(", ")}`,
    );
  }
}

async function firstAnswerTimes(): Promise<void> {
  const emulator = await startFirestoreEmulator({ projectId: "demo-bench-cold-start" });
  const db = new Firestore({ projectId: emulator.projectId, host: emulator.host, ssl: false });
  try {
    await seedCompany(db, MENUISERIE);
    const path = `/v1/companies/${MENUISERIE.id}/me`;
    const headers = { authorization: `Bearer ${mintLocalToken("alice@menuiserie.test")}` };
    const listening: number[] = [];
    const answered: number[] = [];
    const warm: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < FIRST_ANSWER_RUNS; run++) {
      const fn = await serveFunction({
        source: `${REPO_ROOT}/dist/functions/api`,
        target: "api",
        env: { ...localModeEnv(emulator.host), GCLOUD_PROJECT: emulator.projectId },
      });
      try {
        const first = await firstAnswer(fn, path, { headers });
        if (first.status !== 200) throw new Error(`first answer ${first.status}: ${first.body}\n${fn.output()}`);
        listening.push(first.sentAt - fn.spawnedAt);
        answered.push(first.at - fn.spawnedAt);
        const cpuMs = fn.cpuMs();
        if (cpuMs !== null) cpu.push(cpuMs);
        const started = performance.now();
        const second = await httpCall(`${fn.url}${path}`, { headers });
        if (second.status !== 200) throw new Error(`second answer ${second.status}: ${second.body}`);
        warm.push(performance.now() - started);
      } finally {
        await fn.stop();
      }
    }
    console.log(
      `api first answer (functions framework serving dist/functions/api, emulator, local tokens; median of ${FIRST_ANSWER_RUNS}):\n` +
        `  spawn → listening ${median(listening).toFixed(0)} ms; spawn → first answer (GET …/me) ${median(answered).toFixed(0)} ms ` +
        `(first request ${median(answered.map((a, i) => a - listening[i])).toFixed(0)} ms: loads the handler, Firestore, token check); ` +
        `next request ${median(warm).toFixed(0)} ms` +
        (cpu.length > 0 ? `; CPU of the function's process until its first answer ${median(cpu).toFixed(0)} ms` : ""),
    );
  } finally {
    await db.terminate();
    await emulator.stop();
  }
}

export default async function coldStartBench(): Promise<void> {
  await loadTimes();
  await firstAnswerTimes();
}
