/**
 * Local preview of the add-on: serves the built sidebar with a
 * `google.script.run` bridge to the add-on's own server functions, run in
 * Node against the Apps Script stand-ins, whose UrlFetchApp reaches the local
 * functions for real. The page lets a newcomer pick the acting user and the
 * selected row (of `Acomptes`, `Échéancier` or `Factures`), run the menu's
 * actions, with the local spreadsheet view beside the sidebar.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { buildAddon, API_URL_PLACEHOLDER } from "../../../apps-script/tools/build";
import { ENTRY_POINTS } from "../../../apps-script/src/interfaces/server-functions";
import { ACOMPTE_PROJECT, localAccessToken } from "../sheets-server/access";
import { withBridge } from "./bridge-script";
import { startGasRuntime } from "./gas-runtime";
import { previewPage, type PageActor } from "./page";
import { DEPOSITS_SHEET, pickable, PICKABLE_SHEETS } from "./pickable-sheets";

export type PreviewActor = PageActor;

export interface AddonPreviewOptions {
  /** Base URL of the local `api` function (e.g. http://127.0.0.1:8080). */
  apiUrl: string;
  companyId: string;
  /** Who can act, e.g. requester, sales approver, accounting approver (local tokens). */
  actors: PreviewActor[];
  /** The local Google ID token for an e-mail (the workflow's dev token helper). */
  mintToken: (email: string) => string | Promise<string>;
  spreadsheetId: string;
  /** Reads a sheet's values (row 1 = headers); defaults to the Sheets REST API at sheetsApiUrl. */
  readSheet?: (sheetName: string) => Promise<unknown[][]>;
  /** Root of the local Sheets API server (used when readSheet is not given). */
  sheetsApiUrl?: string;
  /** Page of the local Sheets server showing the spreadsheet (`…/view/{id}`), shown beside the sidebar. */
  sheetsViewUrl?: string;
  /** The OAuth client id the functions expect, when they check it. */
  audience?: string;
  port?: number;
}

export interface AddonPreview {
  url: string;
  stop(): Promise<void>;
}

interface Selection {
  sheet: string;
  row: number | null;
}

function restSheetReader(sheetsApiUrl: string, spreadsheetId: string) {
  // The page reads the sheet as a person would see it: through the add-on's project, as the preview.
  const token = localAccessToken(ACOMPTE_PROJECT, "addon-preview@acompte.test");
  return async (sheetName: string): Promise<unknown[][]> => {
    const range = encodeURIComponent(`'${sheetName.replace(/'/g, "''")}'`);
    const response = await fetch(
      `${sheetsApiUrl.replace(/\/+$/, "")}/v4/spreadsheets/${encodeURIComponent(spreadsheetId)}/values/${range}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (!response.ok) return [];
    const body = (await response.json()) as { values?: unknown[][] };
    return body.values ?? [];
  };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : {};
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "Content-Type": `${type}; charset=utf-8`, "Cache-Control": "no-store" });
  response.end(body);
}

export async function startAddonPreview(options: AddonPreviewOptions): Promise<AddonPreview> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), "acompte-addon-preview-"));
  const built = await buildAddon({ outDir, apiUrl: API_URL_PLACEHOLDER });
  const runtime = await startGasRuntime(built.code, { Sidebar: built.sidebarHtml });
  const readSheet =
    options.readSheet ??
    (options.sheetsApiUrl ? restSheetReader(options.sheetsApiUrl, options.spreadsheetId) : async () => []);
  const sidebarPage = withBridge(built.sidebarHtml);
  const actors = new Map(options.actors.map((a) => [a.key, a]));
  const entryPoints = new Set<string>(ENTRY_POINTS);
  let selection: Selection = { sheet: DEPOSITS_SHEET, row: null };
  let documentProperties: Record<string, string> = {};

  async function rows(sheet: string): Promise<{ row: number; label: string }[]> {
    const [headers = [], ...values] = await readSheet(sheet);
    // The columns a person recognises the row by, when the sheet has them.
    const wanted = PICKABLE_SHEETS[sheet].map((h) => headers.indexOf(h)).filter((i) => i >= 0);
    return values.map((cells, index) => {
      const shown = wanted.length ? wanted.map((i) => cells[i]) : cells.slice(0, 5);
      return {
        row: index + 2,
        label: `${index + 2} — ${shown.filter((c) => String(c ?? "").trim() !== "").join(" · ")}`,
      };
    });
  }

  /** `answers`: what the user typed at each ui.prompt in turn, null for Annuler. */
  async function rpc(fn: string, body: { as?: string; args?: unknown[]; answers?: unknown[] }) {
    const actor = actors.get(body.as ?? "") ?? options.actors[0];
    const token = actor ? await options.mintToken(actor.email) : null;
    const sheets: Record<string, unknown[][]> = {};
    for (const name of new Set([DEPOSITS_SHEET, selection.sheet])) sheets[name] = await readSheet(name);
    const answer = await runtime.call({
      fn,
      args: Array.isArray(body.args) ? body.args : [],
      token,
      spreadsheet: {
        id: options.spreadsheetId,
        sheets,
        active: selection.row ? { sheet: selection.sheet, row: selection.row, column: 1 } : null,
      },
      promptAnswers: (Array.isArray(body.answers) ? body.answers : []).map((text) =>
        typeof text === "string" ? { text, button: "OK" as const } : { text: "", button: "CANCEL" as const },
      ),
      scriptProperties: {
        ACOMPTE_API_URL: options.apiUrl,
        ACOMPTE_COMPANY_ID: options.companyId,
        ...(options.audience ? { ACOMPTE_AUDIENCE: options.audience } : {}),
      },
      documentProperties,
      // SpreadsheetApp writes as the acting user, through the add-on's project (the functions' project).
      ...(options.sheetsApiUrl && actor
        ? { sheetsApi: { url: options.sheetsApiUrl, accessToken: localAccessToken(ACOMPTE_PROJECT, actor.email) } }
        : {}),
    });
    documentProperties = answer.documentProperties;
    return answer;
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://preview");
    const handle = async () => {
      if (request.method === "GET" && url.pathname === "/") {
        return send(response, 200, "text/html", previewPage(options.actors, options.sheetsViewUrl ?? null));
      }
      if (request.method === "GET" && url.pathname === "/sidebar") return send(response, 200, "text/html", sidebarPage);
      // Without ?sheet=, the sheet of the current selection (the page asks so when it opens).
      const sheet = url.searchParams.get("sheet") ?? selection.sheet;
      if (request.method === "GET" && url.pathname === "/api/rows" && pickable(sheet)) {
        const selected = sheet === selection.sheet ? selection.row : null;
        return send(response, 200, "application/json", JSON.stringify({ sheet, rows: await rows(sheet), selected }));
      }
      if (request.method === "POST" && url.pathname === "/api/selection") {
        const picked = (await readBody(request)) as { sheet?: unknown; row?: unknown };
        const sheet = picked.sheet ?? DEPOSITS_SHEET;
        if (!pickable(sheet)) return send(response, 400, "text/plain", "Unknown sheet");
        selection = { sheet, row: typeof picked.row === "number" && picked.row >= 2 ? picked.row : null };
        return send(response, 200, "application/json", JSON.stringify({ ...selection, selected: selection.row }));
      }
      const match = /^\/rpc\/([A-Za-z]+)$/.exec(url.pathname);
      if (request.method === "POST" && match && entryPoints.has(match[1])) {
        const answer = await rpc(match[1], (await readBody(request)) as Parameters<typeof rpc>[1]);
        return send(response, 200, "application/json", JSON.stringify(answer));
      }
      send(response, 404, "text/plain", "Not found");
    };
    handle().catch((error: unknown) => send(response, 500, "text/plain", String(error)));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.stop();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
