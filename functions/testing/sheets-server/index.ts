/**
 * Local Sheets API v4 server for tests, benches and `npm start`: the subset
 * of the REST API Acompte calls, on 127.0.0.1, with Google's error shape,
 * data kept in a JSON file, optional seeded faults and an HTML view per
 * spreadsheet (`/view/{id}`). Every API call needs a local access token
 * (access.ts), checked before the body is read, as Google does; the
 * functions' client gets its own from `functionsAccess`.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate, FUNCTIONS_ACCESS_TOKEN, type Caller } from "./access";
import { ApiError, invalidArgument, notFound } from "./api-error";
import { batchUpdate } from "./batch-update";
import { getDeveloperMetadata, searchDeveloperMetadata } from "./developer-metadata";
import { FaultInjector } from "./faults";
import { applyFieldMask, parseFieldMask } from "./field-mask";
import { newSheet, type StoredSpreadsheet } from "./model";
import { spreadsheetResource } from "./spreadsheet-resource";
import { SpreadsheetStore } from "./store";
import { append, applyWrite, clearRange, inputOption, planWrite, readRange, type ValueRange } from "./values-api";
import { indexPage, viewPage } from "./view-page";

export interface SheetsServerOptions {
  port?: number;
  /** Directory of `spreadsheets.json`; without it the data lives in memory only. */
  dataDir?: string;
  /** Share (0–1) of API calls that fail with 429 or 500. */
  faultRate?: number;
  faultSeed?: number;
}

export interface SheetsServer {
  url: string;
  /** What the functions' Sheets client needs to call this server as their service account (createSheetsApi's options). */
  functionsAccess: { rootUrl: string; accessToken: string };
  /** API calls received per method (`spreadsheets.values.batchUpdate`…), faulted ones included. */
  calls(): Record<string, number>;
  faults(): number;
  resetCalls(): void;
  setFaultRate(rate: number): void;
  /**
   * Empties a stored spreadsheet back to what `spreadsheets.create` gives
   * (one `Sheet1`, no metadata), keeping its id and title; false when there
   * is none. For the local tools that reuse a workbook: Sheets has no such call.
   */
  reset(spreadsheetId: string): boolean;
  stop(): Promise<void>;
}

type Handler = (
  s: StoredSpreadsheet | null,
  body: Record<string, unknown>,
  query: URLSearchParams,
  caller: Caller,
) => { result: unknown; changed?: StoredSpreadsheet };

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    return parsed as Record<string, unknown>;
  } catch {
    throw invalidArgument("Invalid JSON payload received.");
  }
}

const readOptions = (q: URLSearchParams) => ({
  majorDimension: q.get("majorDimension") ?? undefined,
  valueRenderOption: q.get("valueRenderOption") ?? undefined,
  dateTimeRenderOption: q.get("dateTimeRenderOption") ?? undefined,
});

interface Route {
  name: string;
  id?: string;
  range?: string;
  metadataId?: number;
}

function route(method: string, path: string): Route | null {
  if (method === "POST" && path === "/v4/spreadsheets") return { name: "spreadsheets.create" };
  const m = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(path);
  if (!m) return null;
  const id = decodeURIComponent(m[1]);
  const rest = m[2];
  if (rest === "" && method === "GET") return { name: "spreadsheets.get", id };
  if (rest === ":batchUpdate" && method === "POST") return { name: "spreadsheets.batchUpdate", id };
  if (rest === "/values:batchGet" && method === "GET") return { name: "spreadsheets.values.batchGet", id };
  if (rest === "/values:batchUpdate" && method === "POST") return { name: "spreadsheets.values.batchUpdate", id };
  if (rest === "/values:batchClear" && method === "POST") return { name: "spreadsheets.values.batchClear", id };
  if (rest === "/developerMetadata:search" && method === "POST")
    return { name: "spreadsheets.developerMetadata.search", id };
  const metadata = /^\/developerMetadata\/(\d+)$/.exec(rest);
  if (metadata && method === "GET")
    return { name: "spreadsheets.developerMetadata.get", id, metadataId: Number(metadata[1]) };
  const v = /^\/values\/(.+)$/.exec(rest);
  if (!v) return null;
  const verb = /:(append|clear)$/.exec(v[1]);
  const range = decodeURIComponent(verb ? v[1].slice(0, verb.index) : v[1]);
  if (verb?.[1] === "append" && method === "POST") return { name: "spreadsheets.values.append", id, range };
  if (verb?.[1] === "clear" && method === "POST") return { name: "spreadsheets.values.clear", id, range };
  if (!verb && method === "GET") return { name: "spreadsheets.values.get", id, range };
  if (!verb && method === "PUT") return { name: "spreadsheets.values.update", id, range };
  return null;
}

/** A spreadsheet as `spreadsheets.create` makes it from these properties and sheets. */
function created(
  spreadsheetId: string,
  props: Record<string, unknown>,
  requested: { properties?: Record<string, unknown> }[],
): StoredSpreadsheet {
  const s: StoredSpreadsheet = {
    spreadsheetId,
    properties: {
      title: "Untitled spreadsheet",
      locale: "en_US",
      timeZone: "Etc/GMT",
      ...props,
    } as StoredSpreadsheet["properties"],
    sheets: [],
    nextId: 1,
  };
  if (requested.length === 0) s.sheets.push(newSheet(0, "Sheet1", 0));
  requested.forEach((sh, i) => {
    const title = (sh.properties?.title as string | undefined) ?? `Sheet${i + 1}`;
    const id = (sh.properties?.sheetId as number | undefined) ?? (i === 0 ? 0 : s.nextId++);
    s.sheets.push(newSheet(id, title, i, sh.properties as never));
  });
  return s;
}

export async function startSheetsServer(options: SheetsServerOptions = {}): Promise<SheetsServer> {
  const store = new SpreadsheetStore(options.dataDir ?? null);
  const faults = new FaultInjector(options.faultRate ?? 0, options.faultSeed ?? 1);
  const counts: Record<string, number> = {};
  let faultCount = 0;
  let baseUrl = "";

  const handlers: Record<string, (r: Route) => Handler> = {
    "spreadsheets.create": () => (_s, body, _q, caller) => {
      const s = created(
        randomBytes(30).toString("base64url").slice(0, 44),
        (body.properties ?? {}) as Record<string, unknown>,
        (body.sheets ?? []) as { properties?: Record<string, unknown> }[],
      );
      return { result: spreadsheetResource(s, baseUrl, caller, false, []), changed: s };
    },
    "spreadsheets.get": () => (s, _b, q, caller) => ({
      result: spreadsheetResource(s!, baseUrl, caller, q.get("includeGridData") === "true", q.getAll("ranges")),
    }),
    "spreadsheets.batchUpdate": () => (s, body, _q, caller) => {
      const { result, replies } = batchUpdate(s!, body.requests, caller);
      const response: Record<string, unknown> = { spreadsheetId: s!.spreadsheetId, replies };
      if (body.includeSpreadsheetInResponse)
        response.updatedSpreadsheet = spreadsheetResource(result, baseUrl, caller, false, []);
      return { result: response, changed: result };
    },
    "spreadsheets.developerMetadata.search": () => (s, body, _q, caller) => ({
      result: searchDeveloperMetadata(s!, body, caller),
    }),
    "spreadsheets.developerMetadata.get": (r) => (s, _b, _q, caller) => ({
      result: getDeveloperMetadata(s!, r.metadataId!, caller),
    }),
    "spreadsheets.values.get": (r) => (s, _b, q) => ({ result: readRange(s!, r.range!, readOptions(q)) }),
    "spreadsheets.values.batchGet": () => (s, _b, q) => ({
      result: {
        spreadsheetId: s!.spreadsheetId,
        valueRanges: q.getAll("ranges").map((range) => readRange(s!, range, readOptions(q))),
      },
    }),
    "spreadsheets.values.update": (r) => (s, body, q) => {
      const option = inputOption(q.get("valueInputOption") ?? undefined);
      const plan = planWrite(s!, body as ValueRange, r.range);
      return { result: applyWrite(s!, plan, option), changed: s! };
    },
    "spreadsheets.values.batchUpdate": () => (s, body) => {
      const option = inputOption(body.valueInputOption as string | undefined);
      const data = (body.data ?? []) as ValueRange[];
      if (!Array.isArray(data)) throw invalidArgument("Invalid value at 'data'");
      const plans = data.map((vr) => planWrite(s!, vr, undefined)); // all validated before any write
      const responses = plans.map((p) => applyWrite(s!, p, option));
      const sum = (k: "updatedRows" | "updatedColumns" | "updatedCells") => responses.reduce((t, x) => t + x[k], 0);
      return {
        result: {
          spreadsheetId: s!.spreadsheetId,
          totalUpdatedRows: sum("updatedRows"),
          totalUpdatedColumns: sum("updatedColumns"),
          totalUpdatedCells: sum("updatedCells"),
          totalUpdatedSheets: new Set(plans.map((p) => p.rect.sheet)).size,
          responses,
        },
        changed: s!,
      };
    },
    "spreadsheets.values.append": (r) => (s, body, q) => {
      const option = inputOption(q.get("valueInputOption") ?? undefined);
      return {
        result: append(s!, r.range!, body as ValueRange, option, q.get("insertDataOption") ?? undefined),
        changed: s!,
      };
    },
    "spreadsheets.values.clear": (r) => (s) => ({
      result: { spreadsheetId: s!.spreadsheetId, clearedRange: clearRange(s!, r.range!) },
      changed: s!,
    }),
    "spreadsheets.values.batchClear": () => (s, body) => {
      const ranges = (body.ranges ?? []) as string[];
      const copy = structuredClone(s!);
      const cleared = ranges.map((range) => clearRange(copy, range));
      return { result: { spreadsheetId: s!.spreadsheetId, clearedRanges: cleared }, changed: copy };
    },
  };

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    type = "application/json; charset=UTF-8",
    headers: Record<string, string> = {},
  ) => {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, { ...headers, "Content-Type": type, "Content-Length": Buffer.byteLength(text) });
    res.end(text);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const method = req.method ?? "GET";
      try {
        if (method === "GET" && (url.pathname === "/" || url.pathname === "/view" || url.pathname === "/view/")) {
          return send(res, 200, indexPage(store.list()), "text/html; charset=utf-8");
        }
        const view = /^\/view\/([^/]+)$/.exec(url.pathname);
        if (method === "GET" && view) {
          return send(
            res,
            200,
            viewPage(store.get(decodeURIComponent(view[1])), url.searchParams.get("onglet")),
            "text/html; charset=utf-8",
          );
        }
        const r = route(method, url.pathname);
        if (!r) throw notFound(`Method not found: ${method} ${url.pathname}`);
        counts[r.name] = (counts[r.name] ?? 0) + 1;
        // Credentials first: an unauthenticated caller learns nothing, not even whether its body parses.
        const caller = authenticate(req.headers, url.searchParams);
        const body = method === "GET" ? {} : await readBody(req);
        const fault = faults.next();
        if (fault && !fault.afterApply) {
          faultCount++;
          throw fault.error;
        }
        const spreadsheet = r.id === undefined ? null : store.get(r.id);
        const { result, changed } = handlers[r.name](r)(spreadsheet, body, url.searchParams, caller);
        if (changed) store.put(changed);
        if (fault) {
          faultCount++;
          throw fault.error;
        }
        const fields = url.searchParams.get("fields");
        send(res, 200, fields ? applyFieldMask(result, parseFieldMask(fields)) : result);
      } catch (e) {
        if (e instanceof ApiError) return send(res, e.code, e.body(), undefined, e.headers);
        send(res, 500, new ApiError(500, "INTERNAL", `Internal error encountered: ${(e as Error).message}`).body());
      }
    })();
  });

  // Idle sockets outlive the client's keep-alive (undici: 4 s), so the client always closes first and never reuses a socket being closed.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  }).catch((e: unknown) => {
    store.close(); // a port in use must not leave the data folder locked
    throw e;
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    functionsAccess: { rootUrl: baseUrl, accessToken: FUNCTIONS_ACCESS_TOKEN },
    calls: () => ({ ...counts }),
    faults: () => faultCount,
    resetCalls: () => {
      for (const k of Object.keys(counts)) delete counts[k];
      faultCount = 0;
    },
    setFaultRate: (rate) => (faults.rate = rate),
    reset: (spreadsheetId) => {
      const existing = store.list().find((s) => s.spreadsheetId === spreadsheetId);
      if (!existing) return false;
      store.put(created(spreadsheetId, existing.properties, []));
      return true;
    },
    stop: async () => {
      store.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
