import { spawnSync } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describeMissing, missingFor, onPath, PREREQUISITES } from "../../functions/dev/setup/prerequisites";

const ROOT = path.resolve(__dirname, "../..");

/** A PATH where only node is found: no java, no gcloud. */
function pathWithNodeOnly(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "acompte-path-"));
  symlinkSync(process.execPath, path.join(dir, "node"));
  return dir;
}

describe("prerequisites", () => {
  it("each one names a Debian package and what needs it", () => {
    for (const p of PREREQUISITES) {
      expect(p.aptPackages.length).toBeGreaterThan(0);
      expect(p.neededFor.length).toBeGreaterThan(0);
    }
    expect(PREREQUISITES.map((p) => p.name)).toEqual(
      expect.arrayContaining(["Java", "Cloud Firestore emulator", "Chromium", "xmllint", "pdftoppm"]),
    );
  });

  it("finds what this machine has (the tests run here)", () => {
    expect(missingFor("test")).toEqual([]);
    expect(onPath("node")).toMatch(/node$/);
    expect(onPath("surely-not-a-command-here")).toBeNull();
  });

  it("names a missing browser with the command that installs it", () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/nowhere/chromium";
    try {
      const missing = missingFor("test");
      expect(missing.map((p) => p.name)).toEqual(["Chromium"]);
      expect(describeMissing(missing)).toEqual([
        "missing: Chromium (the sidebar's browser tests) — install with: sudo apt-get install -y chromium",
      ]);
      // npm start serves the sidebar to the user's own browser: it does not need Chromium.
      expect(missingFor("start")).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  it("the preflight of npm test stops with one line per missing prerequisite and exit code 1", () => {
    const tsx = path.join(ROOT, "node_modules/.bin/tsx");
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(tsx, ["functions/dev/setup/preflight.ts", "test"], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, ...env },
      });
    const missing = run({
      CHROMIUM_PATH: "/nowhere/chromium",
      JAVA: "/nowhere/java",
      JAVA_HOME: "/nowhere",
      PATH: pathWithNodeOnly(),
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      "missing: Java (runs the Firestore emulator) — install with: sudo apt-get install -y openjdk-17-jre-headless",
    );
    expect(missing.stderr).toContain(
      "missing: Chromium (the sidebar's browser tests) — install with: sudo apt-get install -y chromium",
    );
    expect(missing.stderr).toContain(
      "missing: xmllint (the bank and e-invoice tests, which check transfer files and statements against the ISO 20022 schemas and invoices against the EN 16931 CII schema) — install with: sudo apt-get install -y libxml2-utils",
    );
    expect(missing.stderr).toContain(
      "missing: pdftoppm (the document tests, which render each generated PDF to PNG and list its fonts (pdffonts)) — install with: sudo apt-get install -y poppler-utils",
    );
    expect(missing.stderr).toContain("npm run setup");
    const ok = run({});
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
  });
});
