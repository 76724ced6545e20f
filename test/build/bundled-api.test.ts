/**
 * The deployed bundles (`npm run build` → dist/functions/NAME), as Cloud
 * Functions runs them: the bundled `api` served by the functions framework in
 * its own process against the emulator, each package.json listing exactly
 * what the bundle leaves external, and an entry that loads nothing but the
 * framework until its first call.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import { MENUISERIE } from "../../functions/dev/demo-data/companies";
import { seedCompany } from "../../functions/dev/demo-data/seed-company";
import { localModeEnv, mintLocalToken } from "../../functions/testing/local-tokens";
import { firstAnswer, httpCall, ServedFunction, serveFunction } from "../../functions/testing/served-function";
import { BuiltFunction, buildFunctions, FUNCTION_NAMES, REPO_ROOT } from "../../functions/tools/build-functions";
import { emulatorHost, testFirestore } from "../support/firestore";
import { DEPOSIT_BODY } from "../workflow/fixtures";

const fs = testFirestore("bundle");
let built: BuiltFunction[];
const fn = (name: string) => built.find((b) => b.name === name)!;

beforeAll(async () => {
  built = await buildFunctions();
}, 120_000);
afterAll(() => fs.close());

describe("the bundled api, served by the functions framework", () => {
  let api: ServedFunction;
  const auth = (email: string) => ({ authorization: `Bearer ${mintLocalToken(email)}` });

  beforeAll(async () => {
    await fs.clear();
    await seedCompany(fs.db, MENUISERIE);
    api = await serveFunction({
      source: fn("api").dir,
      target: "api",
      env: { ...localModeEnv(emulatorHost()), GCLOUD_PROJECT: fs.projectId },
    });
  });
  afterAll(() => api?.stop());

  it("records a deposit in Firestore and reads it back", async () => {
    const me = await firstAnswer(api, `/v1/companies/${MENUISERIE.id}/me`, { headers: auth("rachel@menuiserie.test") });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({ email: "rachel@menuiserie.test", roles: ["requester"] });

    const created = await httpCall(`${api.url}/v1/companies/${MENUISERIE.id}/deposits`, {
      method: "POST",
      headers: { ...auth("rachel@menuiserie.test"), "content-type": "application/json", "idempotency-key": "bundle-1" },
      // The demo company issues its documents: a professional customer needs its address (#13).
      body: JSON.stringify({
        ...DEPOSIT_BODY,
        customer: { ...DEPOSIT_BODY.customer, address: "4 quai du Rhône\n69002 Lyon" },
      }),
    });
    expect(created.status).toBe(201);
    const { id } = JSON.parse(created.body) as { id: string };

    const read = await httpCall(`${api.url}/v1/companies/${MENUISERIE.id}/deposits/${id}`, {
      headers: auth("alice@menuiserie.test"),
    });
    expect(read.status).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({
      id,
      orderRef: "CMD-2026-017",
      total: { net: "3600.00", vat: "720.00", gross: "4320.00" },
      refundableBalance: "4320.00",
    });
    // Written by the bundle's Firestore client, in this test's project of the emulator.
    const stored = await fs.db.doc(`companies/${MENUISERIE.id}/deposits/${id}`).get();
    expect(stored.get("total")).toEqual({ net: "3600.00", vat: "720.00", gross: "4320.00" });
    // Its invoice issued as a Factur-X PDF by the bundle: the fonts and ICC profile the build copied beside it were found.
    const invoiceId = stored.get("invoiceId") as string;
    const document = await fs.db.doc(`companies/${MENUISERIE.id}/documents/${invoiceId}`).get();
    expect([document.get("contentType"), document.get("renderer")]).toEqual(["application/pdf", "factur-x-pdf-2"]);
  });

  it("refuses a call without a token, in French", async () => {
    const answer = await httpCall(`${api.url}/v1/companies/${MENUISERIE.id}/me`);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).error.message).toMatch(/Authentification requise/);
  });
});

/** Bare package names the bundle itself requires at run time (its `require("…")` calls and lazy `import("…")`s). */
function requiredPackages(bundle: string): string[] {
  const names = [...readFileSync(bundle, "utf8").matchAll(/\b(?:require|import)\("([^"./][^"]*)"\)/g)]
    .map((m) => m[1])
    .filter((specifier) => !isBuiltin(specifier))
    .map((specifier) =>
      specifier.startsWith("@") ? specifier.split("/").slice(0, 2) : specifier.split("/").slice(0, 1),
    )
    .map((parts) => parts.join("/"));
  return [...new Set(names)].sort();
}

describe("each function's package.json", () => {
  const root = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));

  it.each(FUNCTION_NAMES)(
    "%s lists exactly the packages its bundle leaves external, at their installed versions",
    (name) => {
      const manifest = JSON.parse(readFileSync(path.join(fn(name).dir, "package.json"), "utf8"));
      expect(manifest.main).toBe("index.js");
      expect(manifest.engines).toEqual({ node: root.engines.node });
      expect(Object.keys(manifest.dependencies).sort()).toEqual(requiredPackages(fn(name).bundle));
      expect(manifest.dependencies["@google-cloud/functions-framework"]).toBeDefined();
      for (const [pkg, version] of Object.entries(manifest.dependencies)) {
        const installed = JSON.parse(readFileSync(path.join(REPO_ROOT, "node_modules", pkg, "package.json"), "utf8"));
        expect(version).toBe(installed.version);
      }
    },
  );

  it("leaves out of each bundle what its function never runs", () => {
    // The api sends the refund notices right after each change (docs/jobs.md « Refund notices »).
    for (const name of ["reminders", "anchors", "api"]) expect(fn(name).bundledPackages).toContain("nodemailer");
    for (const name of ["dashboard"]) {
      expect(fn(name).bundledPackages).not.toContain("nodemailer");
      expect(fn(name).bundledPackages).not.toContain("@googleapis/gmail");
    }
  });
});

/**
 * Run in a child: records every `require` the bundle makes itself (packages
 * and Node built-ins alike; a bundled package that initialises requires its
 * built-ins from the bundle), while it loads and then during a first call
 * without configuration.
 */
const LOAD_CHILD = `
const Module = require("node:module");
const bundle = require.resolve(process.argv[1]);
const load = Module._load;
let phase = "load";
const seen = { load: [], call: [] };
Module._load = function (request, parent, ...rest) {
  if (parent && parent.filename === bundle) seen[phase].push(request);
  return load.call(this, request, parent, ...rest);
};
const fn = require(bundle)[process.argv[2]];
const packages = Object.keys(require.cache).map((file) => [...file.matchAll(/node_modules\\/((?:@[^/]+\\/)?[^/]+)/g)].pop()?.[1]);
const loaded = [...new Set(packages.filter(Boolean))];
phase = "call";
const res = { status(code) { this.code = code; return this; }, json(body) { this.body = body; } };
Promise.resolve()
  .then(() => fn({ method: "POST", get: () => undefined, header: () => undefined }, res))
  .then(() => ({ status: res.code, body: res.body }), (error) => ({ thrown: error.message }))
  .then((answer) => {
    process.stdout.write(JSON.stringify({ seen, loaded, answer }));
    process.exit(0);
  });
`;

describe("loading an entry", () => {
  it.each(FUNCTION_NAMES)("%s loads the functions framework and nothing else until its first call", (name) => {
    const child = spawnSync(process.execPath, ["-e", LOAD_CHILD, fn(name).bundle, name], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", METADATA_SERVER_DETECTION: "none" },
      encoding: "utf8",
    });
    expect(child.status).toBe(0);
    const { seen, loaded, answer } = JSON.parse(child.stdout);
    expect(seen.load).toEqual(["@google-cloud/functions-framework"]);
    expect(loaded).toEqual(["@google-cloud/functions-framework"]);
    // The first call loads the function's code, Firestore with it, and then finds its configuration missing.
    expect(seen.call).toContain("@google-cloud/firestore");
    if (name === "api") expect(answer.thrown).toMatch(/ACOMPTE_AUDIENCE/);
    else expect(answer).toMatchObject({ status: 500, body: { error: { code: "MISCONFIGURED" } } });
  });
});
