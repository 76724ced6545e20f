/**
 * The documentation holds together: the engine reference matches the doc
 * comments it is generated from, the README stays a few screens long and
 * leads to every page of docs/, and no relative link points nowhere.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { REPO_ROOT, domainSections } from "../../functions/tools/docs/domain-exports";
import {
  ENGINE_REFERENCE,
  renderEngineReference,
  undocumentedExports,
} from "../../functions/tools/docs/engine-reference";

const README = join(REPO_ROOT, "README.md");
const DOCS = join(REPO_ROOT, "docs");

function docsPages(): string[] {
  return readdirSync(DOCS)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => join(DOCS, name));
}

/** Link targets of inline markdown links and images (`[text](target)`), outside code. */
function markdownLinks(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

/** A link to another file of the repository (not a URL, not an anchor in the same page). */
function isRelative(target: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#");
}

describe("engine reference (docs/engine-reference.md)", () => {
  const sections = domainSections();

  it("is what `npm run docs` generates from the domain's doc comments", () => {
    const onDisk = existsSync(join(REPO_ROOT, ENGINE_REFERENCE))
      ? readFileSync(join(REPO_ROOT, ENGINE_REFERENCE), "utf8")
      : "";
    if (onDisk !== renderEngineReference(sections))
      throw new Error(
        `${ENGINE_REFERENCE} is stale (the domain's exports or doc comments changed): run \`npm run docs\`.`,
      );
  });

  it("documents every export of functions/src/domain/index.ts", () => {
    expect(sections.flatMap((s) => s.exports).length).toBeGreaterThan(50);
    expect(undocumentedExports(sections)).toEqual([]);
  });
});

describe("README", () => {
  it("stays under 15,000 bytes", () => {
    expect(statSync(README).size).toBeLessThan(15_000);
  });

  it("links every page of docs/", () => {
    const linked = new Set(
      markdownLinks(readFileSync(README, "utf8"))
        .filter(isRelative)
        .map((target) => resolve(REPO_ROOT, target.split("#")[0])),
    );
    const unlinked = docsPages()
      .filter((page) => !linked.has(page))
      .map((page) => relative(REPO_ROOT, page));
    expect(unlinked).toEqual([]);
  });
});

describe("relative links in README.md and docs/*.md", () => {
  it("all point to files or folders that exist", () => {
    const broken: string[] = [];
    for (const file of [README, ...docsPages()]) {
      for (const target of markdownLinks(readFileSync(file, "utf8")).filter(isRelative)) {
        const path = decodeURIComponent(target.split("#")[0]);
        if (!existsSync(resolve(dirname(file), path))) broken.push(`${relative(REPO_ROOT, file)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("are found by the link reader, and only outside code", () => {
    const sample = [
      "See [the API](docs/api.md#errors) and ![chart](img/a.png).",
      "A link in `[code](not-a-link.md)` is code.",
      "```sh",
      "[also](not-a-link.md)",
      "```",
      "[web](https://example.com) [anchor](#quick-start)",
    ].join("\n");
    expect(markdownLinks(sample)).toEqual(["docs/api.md#errors", "img/a.png", "https://example.com", "#quick-start"]);
    expect(markdownLinks(sample).filter(isRelative)).toEqual(["docs/api.md#errors", "img/a.png"]);
  });
});
