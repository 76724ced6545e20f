/**
 * The sidebar and the local preview pages build their DOM from text nodes
 * only (dom.ts `el`, `new Option`, `textContent`): none of the APIs that parse
 * a string as HTML appears in what the browser runs. The browser test
 * (sidebar-escaping) shows the effect; this keeps a new sink from slipping in.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { previewPage } from "../../functions/testing/addon-preview/page";
import { BRIDGE_SCRIPT } from "../../functions/testing/addon-preview/bridge-script";
import { builtAddon } from "./addon-harness";

const HTML_SINKS =
  /\.(innerHTML|outerHTML)\s*\+?=|insertAdjacentHTML|document\.write|srcdoc|createContextualFragment|parseFromString|\beval\(|new Function\(/;

const FRONTEND = path.resolve(__dirname, "../../apps-script/src/frontend");

it("the built sidebar and the preview page's scripts never parse strings as HTML", async () => {
  const { sidebarHtml } = await builtAddon();
  const scripts = [...sidebarHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(scripts.join("").length).toBeGreaterThan(1000);
  const page = previewPage([{ key: "a", label: "A", email: "a@acme.fr" }], "http://127.0.0.1:1/view/x");
  for (const script of [...scripts, page, BRIDGE_SCRIPT]) expect(script).not.toMatch(HTML_SINKS);
});

it("no frontend source uses an HTML sink", () => {
  const files = readdirSync(FRONTEND).filter((f) => /\.(ts|html)$/.test(f));
  expect(files).toContain("dom.ts");
  expect(files.filter((f) => HTML_SINKS.test(readFileSync(path.join(FRONTEND, f), "utf8")))).toEqual([]);
});
