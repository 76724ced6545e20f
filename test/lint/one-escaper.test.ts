/**
 * One escaper for text put in markup (XML, HTML, SVG): escapeXml
 * (functions/src/domain/bank/xml-text.ts), pure, which every layer, the dev
 * and test servers and the add-on's bundle may import. A second copy would
 * drift (one forgot the apostrophe, one the characters XML cannot carry).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const SOURCES = [
  "functions/src",
  "functions/dev",
  "functions/testing",
  "functions/tools",
  "apps-script/src",
  "apps-script/tools",
];

/** A character class holding both & and < (what an escaper replaces), or an entity written out. */
const ESCAPER = /\[[^\]\n]*&[^\]\n]*<|\[[^\]\n]*<[^\]\n]*&|&amp;|&#\$\{/;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(rel);
    return /\.(ts|js|mjs)$/.test(e.name) ? [rel] : [];
  });
}

it("only domain/bank/xml-text.ts escapes markup characters; the HTML pages import it", () => {
  const files = SOURCES.flatMap(sourceFiles);
  expect(files.length).toBeGreaterThan(100);
  const escapers = files.filter((f) => ESCAPER.test(readFileSync(path.join(ROOT, f), "utf8")));
  expect(escapers).toEqual(["functions/src/domain/bank/xml-text.ts"]);
  for (const user of [
    "apps-script/src/backend/download-page.ts",
    "functions/testing/addon-preview/page.ts",
    "functions/testing/sheets-server/view-page.ts",
    "functions/testing/sheets-server/chart-svg.ts",
    "functions/dev/mail-view.ts",
  ])
    expect(readFileSync(path.join(ROOT, user), "utf8")).toMatch(
      /import \{ escapeXml\b[^}]*\} from "(\.\.\/)+(functions\/)?src\/domain\/bank\/xml-text";/,
    );
});
