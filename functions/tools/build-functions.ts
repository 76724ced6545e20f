/**
 * `npm run build`: one esbuild bundle per Cloud Function, each the upload of
 * `gcloud functions deploy NAME --source=dist/functions/NAME --entry-point=NAME`:
 * - dist/functions/NAME/index.js: functions/src/entry/NAME.ts and everything
 *   it reaches, except the external packages;
 * - dist/functions/NAME/package.json: `main`, `engines.node`, and as
 *   `dependencies` exactly the external packages the bundle imports, at the
 *   versions of package-lock.json (Cloud Build installs them).
 * Why these packages stay external: docs/cold-start.md.
 */
import { build, stop } from "esbuild";
import { readFileSync } from "node:fs";
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import path from "node:path";
import { NODE_RUNTIME } from "./deploy/runtime";

export const REPO_ROOT = path.resolve(__dirname, "../..");
export const DEFAULT_OUT_DIR = path.join(REPO_ROOT, "dist", "functions");

export const FUNCTION_NAMES = ["api", "reminders", "dashboard", "anchors"] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/**
 * Left out of the bundles. The functions framework must be the one the
 * runtime runs, or it would not see the registration; Firestore reads its
 * protos and its gRPC stack from its own files.
 */
export const EXTERNAL_PACKAGES = [
  "@google-cloud/functions-framework",
  "@google-cloud/firestore",
  // The documents' bucket client (#13), loaded on first use; bundled it drags node-fetch's optional `encoding`.
  "@google-cloud/storage",
] as const;

export interface FunctionsBuildOptions {
  outDir?: string;
  functions?: readonly FunctionName[];
  /** Packages kept external; EXTERNAL_PACKAGES by default (the bench compares other choices). */
  external?: readonly string[];
}

export interface BuiltFunction {
  name: FunctionName;
  dir: string;
  bundle: string;
  bundleBytes: number;
  /** The packages of node_modules whose code is in the bundle. */
  bundledPackages: string[];
  /** The package.json written next to the bundle. */
  manifest: FunctionManifest;
}

export interface FunctionManifest {
  name: string;
  version: string;
  private: true;
  description: string;
  license: string;
  main: "index.js";
  engines: { node: string };
  dependencies: Record<string, string>;
}

interface RootPackage {
  version: string;
  license: string;
  engines: { node: string };
  dependencies: Record<string, string>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(REPO_ROOT, file), "utf8")) as T;

/** `@scope/name/sub/path` → `@scope/name`, `name/sub` → `name`. */
export function packageName(importPath: string): string {
  const parts = importPath.split("/");
  return importPath.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The installed version of each package, as package-lock.json pins it; only runtime dependencies may be external. */
export function lockedVersions(names: Iterable<string>): Record<string, string> {
  const root = readJson<RootPackage>("package.json");
  const lock = readJson<{ packages: Record<string, { version?: string }> }>("package-lock.json");
  const versions: Record<string, string> = {};
  for (const name of [...names].sort()) {
    if (!root.dependencies[name])
      throw new Error(`${name} is imported by a bundle but is not a dependency in package.json`);
    const version = lock.packages[`node_modules/${name}`]?.version;
    if (!version) throw new Error(`${name} has no version in package-lock.json`);
    versions[name] = version;
  }
  return versions;
}

/**
 * The fonts and the ICC profile every issued PDF embeds (documents/pdf/assets.ts
 * finds them beside the bundle): a Cloud Function has no system fonts.
 */
export const DOCUMENT_ASSETS = [
  "fonts/DejaVuSans.ttf",
  "fonts/DejaVuSans-Bold.ttf",
  "fonts/LICENSE-DejaVu.txt",
  "icc/sRGB.icc",
  "icc/COPYRIGHT-icc-profiles-free.txt",
];

async function copyDocumentAssets(dir: string): Promise<void> {
  for (const file of DOCUMENT_ASSETS) {
    await mkdir(path.join(dir, "third_party", path.dirname(file)), { recursive: true });
    await copyFile(path.join(REPO_ROOT, "third_party", file), path.join(dir, "third_party", file));
  }
}

async function buildOne(name: FunctionName, outDir: string, external: readonly string[]): Promise<BuiltFunction> {
  const dir = path.join(outDir, name);
  const bundle = path.join(dir, "index.js");
  await rm(dir, { recursive: true, force: true });
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, "functions/src/entry", `${name}.ts`)],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "cjs",
    // The deployed runtime (nodejs22 → node22).
    target: NODE_RUNTIME.replace(/^nodejs/, "node"),
    external: [...external],
    metafile: true,
    logLevel: "error",
    legalComments: "none",
    charset: "utf8",
    banner: { js: `// Built by functions/tools/build-functions.ts from functions/src/entry/${name}.ts — do not edit.` },
  });
  await copyDocumentAssets(dir);
  const output = Object.values(result.metafile.outputs)[0];
  const bundledPackages = new Set(
    Object.keys(output.inputs)
      .map((input) => /^(?:.*\/)?node_modules\/(.*)$/.exec(input)?.[1])
      .filter((inside): inside is string => inside !== undefined)
      .map(packageName),
  );
  const imported = new Set(
    output.imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => packageName(i.path)),
  );
  if (!imported.has("@google-cloud/functions-framework"))
    throw new Error(`${name}: the bundle must import the functions framework, external, to register the function`);
  const root = readJson<RootPackage>("package.json");
  const manifest: FunctionManifest = {
    name: `acompte-${name}`,
    version: root.version,
    private: true,
    description: `Acompte Cloud Function ${name}, built by functions/tools/build-functions.ts`,
    license: root.license,
    main: "index.js",
    engines: { node: root.engines.node },
    dependencies: lockedVersions(imported),
  };
  await writeFile(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { name, dir, bundle, bundleBytes: output.bytes, bundledPackages: [...bundledPackages].sort(), manifest };
}

export async function buildFunctions(options: FunctionsBuildOptions = {}): Promise<BuiltFunction[]> {
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  await mkdir(outDir, { recursive: true });
  const built: BuiltFunction[] = [];
  try {
    for (const name of options.functions ?? FUNCTION_NAMES)
      built.push(await buildOne(name, outDir, options.external ?? EXTERNAL_PACKAGES));
  } finally {
    // esbuild keeps a child process alive between builds; callers (tests, the bench) build once.
    await stop();
  }
  return built;
}

if (require.main === module) {
  buildFunctions().then(
    (built) => {
      for (const fn of built)
        console.log(
          `${path.relative(REPO_ROOT, fn.bundle)}  ${(fn.bundleBytes / 1024).toFixed(0)} KiB  external: ${Object.entries(
            fn.manifest.dependencies,
          )
            .map(([n, v]) => `${n}@${v}`)
            .join(", ")}`,
        );
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
