/**
 * Builds the add-on once per test file and runs its Code.js against the
 * Apps Script stand-ins with a scripted HTTP transport.
 */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildAddon, type AddonBuild } from "../../apps-script/tools/build";
import { loadAddon, type LoadedAddon } from "../../functions/testing/addon-preview/load-addon";
import {
  createStandIns,
  type HttpRequest,
  type HttpResponse,
  type SpreadsheetModel,
  type StandIns,
  type StandInOptions,
} from "../../functions/testing/addon-preview/stand-ins";

export const API_URL = "https://acompte-api.example.test/fn";
export const COMPANY = "acme";

/** A JWT-shaped token whose payload carries the given audience (signature irrelevant to the add-on). */
export function fakeIdToken(aud = "client-123.apps.googleusercontent.com", email = "alice@acme.fr"): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256" })}.${part({ aud, email, iss: "https://accounts.google.com" })}.c2ln`;
}

let built: Promise<AddonBuild> | null = null;
export function builtAddon(): Promise<AddonBuild> {
  built ??= mkdtemp(path.join(os.tmpdir(), "acompte-addon-")).then((outDir) => buildAddon({ outDir, apiUrl: API_URL }));
  return built;
}

export const DEPOSITS_SHEET: unknown[][] = [
  ["ID", "N° facture", "Client", "Montant TTC"],
  ["dep_1", "FA-2026-000042", "Durand SARL", 4320],
  ["", "", "Ligne en cours de saisie", 100],
];

export function spreadsheet(
  active: SpreadsheetModel["active"] = { sheet: "Acomptes", row: 2, column: 3 },
): SpreadsheetModel {
  return { id: "sheet-1", sheets: { Acomptes: DEPOSITS_SHEET, Avoirs: [["ID"]] }, active };
}

export type Route = (request: HttpRequest) => HttpResponse | undefined;

export function json(status: number, body: unknown): HttpResponse {
  return { status, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
}

export interface Harness {
  addon: LoadedAddon;
  standIns: StandIns;
  requests: HttpRequest[];
}

export async function harness(routes: Route[] = [], overrides: Partial<StandInOptions> = {}): Promise<Harness> {
  const build = await builtAddon();
  const standIns = createStandIns({
    htmlFiles: { Sidebar: build.sidebarHtml },
    // Every call the tests make must also pass the built manifest's allow-list.
    urlFetchWhitelist: build.manifest.urlFetchWhitelist,
    spreadsheet: spreadsheet(),
    identityToken: () => fakeIdToken(),
    scriptProperties: { ACOMPTE_API_URL: API_URL, ACOMPTE_COMPANY_ID: COMPANY },
    transport: (request) => {
      for (const route of routes) {
        const answer = route(request);
        if (answer) return answer;
      }
      return json(404, { error: { code: "NOT_FOUND", message: "Route inconnue." } });
    },
    ...overrides,
  });
  return { addon: loadAddon(build.code, standIns), standIns, requests: standIns.recorder.requests };
}

/** Answers `method path` (path under the company) with a fixed response. */
export function on(method: string, path: string, answer: HttpResponse): Route {
  return (request) =>
    request.method === method && request.url === `${API_URL}/v1/companies/${COMPANY}${path}` ? answer : undefined;
}
