import { ENTRY_POINTS, SIDEBAR_FUNCTIONS } from "../../apps-script/src/interfaces/server-functions";
import { allowListEntry, API_URL_PLACEHOLDER, inlineScript } from "../../apps-script/tools/build";
import { topLevelFunctions } from "../../functions/testing/addon-preview/load-addon";
import { API_URL, builtAddon } from "./addon-harness";
import { readFile } from "node:fs/promises";
import path from "node:path";

const SCOPES = [
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  "https://www.googleapis.com/auth/script.container.ui",
  "https://www.googleapis.com/auth/script.external_request",
  "openid",
  "https://www.googleapis.com/auth/userinfo.email",
];

describe("add-on build output", () => {
  it("declares every entry point as a top-level function of Code.js", async () => {
    const { code } = await builtAddon();
    const declared = topLevelFunctions(code);
    const named = [
      "onOpen",
      "onInstall",
      "showSidebar",
      "markInstalmentPaid",
      "setInvoiceDunning",
      "claimPenalties",
      ...SIDEBAR_FUNCTIONS,
    ];
    for (const name of named) expect(declared).toContain(name);
    expect(new Set(declared)).toEqual(new Set(ENTRY_POINTS));
  });

  it("writes Code.js, Sidebar.html and appsscript.json for clasp", async () => {
    const { outDir, code, sidebarHtml, manifest } = await builtAddon();
    expect(await readFile(path.join(outDir, "Code.js"), "utf8")).toBe(code);
    expect(await readFile(path.join(outDir, "Sidebar.html"), "utf8")).toBe(sidebarHtml);
    expect(JSON.parse(await readFile(path.join(outDir, "appsscript.json"), "utf8"))).toEqual(manifest);
  });

  it("has a V8 Editor add-on manifest with exactly the minimal scopes and the functions' URL allowed", async () => {
    const { manifest } = await builtAddon();
    expect(manifest.runtimeVersion).toBe("V8");
    expect([...manifest.oauthScopes].sort()).toEqual([...SCOPES].sort());
    expect(manifest.oauthScopes).toHaveLength(SCOPES.length);
    expect(manifest.urlFetchWhitelist).toEqual([`${API_URL}/`]);
    // addOns.sheets is for card-based add-ons; an Editor add-on must not declare it.
    expect(manifest).not.toHaveProperty("addOns");
  });

  it("inlines the sidebar's CSS and script into one HTML file", async () => {
    const { sidebarHtml } = await builtAddon();
    expect(sidebarHtml).not.toMatch(/<script[^>]+src=/i);
    expect(sidebarHtml).not.toMatch(/<link[^>]+stylesheet/i);
    expect(sidebarHtml).not.toContain("INLINE_");
    expect(sidebarHtml.match(/<script>/g)).toHaveLength(1);
    expect(sidebarHtml.match(/<\/script>/g)).toHaveLength(1);
    expect(sidebarHtml).toContain('lang="fr"');
    expect(sidebarHtml).toContain("google.script.run");
    expect(sidebarHtml).toContain("Demander un remboursement");
  });

  it("keeps inlined code from closing its own script element", () => {
    expect(inlineScript('a("</script>");b("<!--")')).toBe('a("<\\/script>");b("<\\!--")');
  });

  it("accepts only https URLs in the allow-list and ends them with a slash", () => {
    expect(allowListEntry("https://europe-west1-p.cloudfunctions.net/api")).toBe(
      "https://europe-west1-p.cloudfunctions.net/api/",
    );
    expect(() => allowListEntry("http://127.0.0.1:8080")).toThrow(/https/);
    expect(allowListEntry(API_URL_PLACEHOLDER)).toBe(API_URL_PLACEHOLDER);
  });
});
