/**
 * Builds what `clasp push` uploads into apps-script/dist/:
 * - Code.js: the server code bundled as the global `Acompte`, followed by one
 *   top-level function per entry point (Apps Script only calls those);
 * - Sidebar.html: the sidebar with its CSS and script inlined (HtmlService
 *   serves one file, and includes would cost a server round trip each);
 * - appsscript.json: the manifest, its URL allow-list filled from
 *   ACOMPTE_API_URL (or a placeholder that makes every call fail loudly).
 */
import { build, stop } from "esbuild";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ENTRY_POINTS } from "../src/interfaces/server-functions";

export const ADDON_ROOT = path.resolve(__dirname, "..");
export const DEFAULT_OUT_DIR = path.join(ADDON_ROOT, "dist");
export const API_URL_PLACEHOLDER = "https://replace-with-the-functions-url.invalid/";

export interface AddonBuildOptions {
  outDir?: string;
  /** Base URL of the functions (https). Defaults to env ACOMPTE_API_URL, then the placeholder. */
  apiUrl?: string;
  minify?: boolean;
}

export interface AddonBuild {
  outDir: string;
  code: string;
  sidebarHtml: string;
  manifest: Manifest;
}

export interface Manifest {
  timeZone: string;
  runtimeVersion: string;
  oauthScopes: string[];
  urlFetchWhitelist: string[];
  [key: string]: unknown;
}

/** The allow-list matches by prefix and wants the path to end with a slash. */
export function allowListEntry(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.protocol !== "https:")
    throw new Error(`ACOMPTE_API_URL must be https (Apps Script only fetches https): ${apiUrl}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

async function bundle(entry: string, options: { globalName?: string; minify: boolean }): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ADDON_ROOT, entry)],
    bundle: true,
    format: "iife",
    globalName: options.globalName,
    // Apps Script's V8 and every browser that runs Sheets handle ES2019.
    target: "es2019",
    platform: "neutral",
    mainFields: ["module", "main"],
    minify: options.minify,
    legalComments: "none",
    write: false,
    charset: "utf8",
  });
  return result.outputFiles[0].text;
}

export function entryPointWrappers(names: readonly string[]): string {
  return names
    .map((name) => `function ${name}() {\n  return Acompte.entryPoints.${name}.apply(null, arguments);\n}`)
    .join("\n\n");
}

/** Inlined script text must not close its own <script> element. */
export function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

export async function buildAddon(options: AddonBuildOptions = {}): Promise<AddonBuild> {
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const minify = options.minify ?? true;
  const apiUrl = options.apiUrl ?? process.env.ACOMPTE_API_URL ?? API_URL_PLACEHOLDER;

  const server = await bundle("src/backend/index.ts", { globalName: "Acompte", minify: false });
  const code = [
    "// Built by apps-script/tools/build.ts — edit apps-script/src, not this file.",
    server.trim(),
    entryPointWrappers(ENTRY_POINTS),
    "",
  ].join("\n\n");

  const [template, css, script] = await Promise.all([
    readFile(path.join(ADDON_ROOT, "src/frontend/index.html"), "utf8"),
    readFile(path.join(ADDON_ROOT, "src/frontend/styles.css"), "utf8"),
    bundle("src/frontend/main.ts", { minify }),
  ]);
  // esbuild keeps a child process alive between builds; callers (tests, the preview) build once.
  await stop();
  const sidebarHtml = template
    .replace("/* INLINE_CSS */", () => css)
    .replace("/* INLINE_SCRIPT */", () => inlineScript(script));

  const manifest = JSON.parse(await readFile(path.join(ADDON_ROOT, "appsscript.json"), "utf8")) as Manifest;
  manifest.urlFetchWhitelist = manifest.urlFetchWhitelist.map((entry) =>
    entry === "__ACOMPTE_API_URL__" ? allowListEntry(apiUrl) : entry,
  );

  await mkdir(outDir, { recursive: true });
  await Promise.all([
    writeFile(path.join(outDir, "Code.js"), code),
    writeFile(path.join(outDir, "Sidebar.html"), sidebarHtml),
    writeFile(path.join(outDir, "appsscript.json"), `${JSON.stringify(manifest, null, 2)}\n`),
  ]);
  return { outDir, code, sidebarHtml, manifest };
}

if (require.main === module) {
  buildAddon().then(
    (built) => {
      const placeholder = built.manifest.urlFetchWhitelist.includes(API_URL_PLACEHOLDER);
      console.log(
        `Add-on built in ${path.relative(process.cwd(), built.outDir)} (Code.js, Sidebar.html, appsscript.json).`,
      );
      if (placeholder)
        console.warn("ACOMPTE_API_URL is not set: the manifest's urlFetchWhitelist holds a placeholder.");
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
