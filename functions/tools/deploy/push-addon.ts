/**
 * Operator command: builds the add-on for a deployed api and pushes it to
 * its Apps Script project with clasp (pinned devDependency).
 *
 *   ACOMPTE_API_URL=https://REGION-PROJECT.cloudfunctions.net/api npm run deploy:addon
 *
 * Needs apps-script/.clasp.json (script id, rootDir "dist") and `clasp login`.
 * Exit codes: 0 pushed, 1 clasp failed, 2 missing prerequisite.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ADDON_ROOT, allowListEntry, buildAddon } from "../../../apps-script/tools/build";

const CLASP = path.resolve(ADDON_ROOT, "../node_modules/.bin/clasp");

async function main(): Promise<number> {
  const apiUrl = process.env.ACOMPTE_API_URL;
  if (!apiUrl) {
    console.error("ACOMPTE_API_URL is not set: the add-on could call no api (printed at the end of `npm run deploy`).");
    return 2;
  }
  try {
    allowListEntry(apiUrl);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (!existsSync(path.join(ADDON_ROOT, ".clasp.json"))) {
    console.error(
      "apps-script/.clasp.json is missing: copy apps-script/.clasp.json.example and put the script id in it (docs/deploy.md).",
    );
    return 2;
  }
  const built = await buildAddon({ apiUrl });
  console.log(`Add-on built in ${path.relative(process.cwd(), built.outDir)} for ${apiUrl}`);
  const push = spawnSync(CLASP, ["push", "--force"], { cwd: ADDON_ROOT, stdio: "inherit" });
  return push.status === 0 ? 0 : 1;
}

void main().then((code) => process.exit(code));
