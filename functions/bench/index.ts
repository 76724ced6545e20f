/**
 * `npm run bench`: runs every `*.bench.ts` of this folder, one after another,
 * each in its own Node process so that one bench's heap never inflates the
 * peak memory another one reports. `npm run bench -- sheets` runs only the
 * benches whose file name contains "sheets".
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const filter = process.argv[2];
const benches = readdirSync(__dirname)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => !filter || name.includes(filter))
  .sort();

if (benches.length === 0) {
  console.error(filter ? `No bench matches "${filter}".` : "No bench found.");
  process.exit(1);
}

let failures = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench.replace(/\.bench\.ts$/, "")} ===`);
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "--expose-gc", join(__dirname, "run-one.ts"), join(__dirname, bench)],
    { stdio: "inherit", env: { ...process.env, METADATA_SERVER_DETECTION: "none" } },
  );
  if (result.status !== 0) failures++;
}
process.exit(failures === 0 ? 0 : 1);
