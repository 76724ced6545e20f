/**
 * The machine-level prerequisites of the local stack and the tests, each with
 * how to find it and the Debian package that installs it. `npm run setup`
 * installs what is missing; `npm start` and `npm test` check first (preflight)
 * so a missing one is named with its install command, never discovered
 * through failing tests.
 */
import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { EmulatorUnavailableError, findEmulatorJar, findJava } from "../../testing/firestore-emulator";
import { chromiumPath } from "../../testing/chromium-path";

export type Purpose = "start" | "test";

export interface Prerequisite {
  name: string;
  /** What it is needed for, shown beside a missing one. */
  why: string;
  neededFor: readonly Purpose[];
  /** Debian packages that provide it. */
  aptPackages: readonly string[];
  /** Where it was found, or null. */
  locate(): string | null;
  /** Extra help when apt cannot provide it (e.g. a repository to add first). */
  otherwise?: string;
}

function found(locate: () => string): string | null {
  try {
    return locate();
  } catch (error) {
    if (error instanceof EmulatorUnavailableError) return null;
    throw error;
  }
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first `command` on PATH, like `command -v`. */
export function onPath(command: string, path = process.env.PATH ?? ""): string | null {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command);
    if (existsSync(candidate) && executable(candidate)) return candidate;
  }
  return null;
}

const GOOGLE_CLOUD_REPOSITORY =
  "The package comes from Google's Cloud SDK apt repository (https://cloud.google.com/sdk/docs/install#deb); " +
  "without it, point FIRESTORE_EMULATOR_JAR at cloud-firestore-emulator.jar.";

export const PREREQUISITES: readonly Prerequisite[] = [
  {
    name: "Java",
    why: "runs the Firestore emulator",
    neededFor: ["start", "test"],
    aptPackages: ["openjdk-17-jre-headless"],
    locate: () => found(() => findJava()),
  },
  {
    name: "Cloud Firestore emulator",
    why: "the storage of npm start and of the tests",
    neededFor: ["start", "test"],
    aptPackages: ["google-cloud-cli-firestore-emulator"],
    locate: () => found(() => findEmulatorJar()),
    otherwise: GOOGLE_CLOUD_REPOSITORY,
  },
  {
    name: "Chromium",
    why: "the sidebar's browser tests",
    neededFor: ["test"],
    aptPackages: ["chromium"],
    locate: () => {
      const path = chromiumPath();
      return existsSync(path) && executable(path) ? path : null;
    },
  },
  {
    name: "xmllint",
    why: "the bank and e-invoice tests, which check transfer files and statements against the ISO 20022 schemas and invoices against the EN 16931 CII schema",
    neededFor: ["test"],
    aptPackages: ["libxml2-utils"],
    locate: () => onPath("xmllint"),
  },
  {
    name: "pdftoppm",
    why: "the document tests, which render each generated PDF to PNG and list its fonts (pdffonts)",
    neededFor: ["test"],
    aptPackages: ["poppler-utils"],
    locate: () => onPath("pdftoppm"),
  },
  {
    name: "Google Cloud CLI",
    why: "the deploy command, and its tests that check every gcloud command it prints",
    neededFor: ["test"],
    aptPackages: ["google-cloud-cli"],
    locate: () => onPath("gcloud"),
    otherwise: GOOGLE_CLOUD_REPOSITORY,
  },
];

export function missingFor(purpose: Purpose, list: readonly Prerequisite[] = PREREQUISITES): Prerequisite[] {
  return list.filter((p) => p.neededFor.includes(purpose) && p.locate() === null);
}

/** One line per missing prerequisite: what, why, and the command that installs it. */
export function describeMissing(missing: readonly Prerequisite[]): string[] {
  return missing.map(
    (p) =>
      `missing: ${p.name} (${p.why}) — install with: sudo apt-get install -y ${p.aptPackages.join(" ")}` +
      (p.otherwise ? `\n         ${p.otherwise}` : ""),
  );
}
