/**
 * `npm run setup`: installs with apt-get (as root, or through sudo) the
 * Debian packages of every missing prerequisite, then checks again. Nothing
 * else is downloaded: the browser is Debian's Chromium, the emulator the
 * Google Cloud CLI's package.
 */
import { spawnSync } from "node:child_process";
import { describeMissing, missingFor, onPath, PREREQUISITES, type Prerequisite } from "./prerequisites";

function missingEverywhere(): Prerequisite[] {
  const all = [...missingFor("start"), ...missingFor("test")];
  return all.filter((p, i) => all.indexOf(p) === i);
}

function run(command: string[]): boolean {
  console.log(`$ ${command.join(" ")}`);
  return (
    spawnSync(command[0], command.slice(1), {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    }).status === 0
  );
}

function main(): void {
  const missing = missingEverywhere();
  if (missing.length === 0) {
    console.log(`Everything is installed: ${PREREQUISITES.map((p) => `${p.name} (${p.locate()})`).join(", ")}.`);
    return;
  }
  const packages = missing.flatMap((p) => p.aptPackages);
  if (!onPath("apt-get")) {
    console.error("This machine has no apt-get: install these yourself.");
    for (const line of describeMissing(missing)) console.error(`  ${line}`);
    process.exit(1);
  }
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? [] : onPath("sudo") ? ["sudo"] : null;
  if (prefix === null) {
    console.error(`Not root and no sudo: run as root: apt-get install -y ${packages.join(" ")}`);
    process.exit(1);
  }
  console.log(`Installing: ${packages.join(" ")}`);
  // Try all packages at once, then one by one, so one unavailable package does not block the others.
  run([...prefix, "apt-get", "update", "-qq"]);
  if (!run([...prefix, "apt-get", "install", "-y", "-qq", ...packages])) {
    for (const pkg of packages) run([...prefix, "apt-get", "install", "-y", "-qq", pkg]);
  }
  const still = missingEverywhere();
  if (still.length > 0) {
    console.error("Still missing after apt-get:");
    for (const line of describeMissing(still)) console.error(`  ${line}`);
    process.exit(1);
  }
  console.log("Setup complete: npm start, npm test.");
}

main();
