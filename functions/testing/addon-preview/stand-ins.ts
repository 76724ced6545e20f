/// <reference types="google-apps-script" />
/**
 * Typed stand-ins for the Apps Script services the add-on's server code uses,
 * so that the bundled Code.js runs in Node: in the unit tests (canned HTTP
 * answers) and in the local preview (real HTTP to the local functions).
 * Each stand-in records what the add-on did (menus, sidebars, dialogs,
 * requests) for the tests to check.
 */
import { randomUUID } from "node:crypto";
import { standIn } from "./stand-in";

type Base = typeof GoogleAppsScript.Base;
type Button = GoogleAppsScript.Base.Button;

// Apps Script's enums exist only at run time in Apps Script: same members, own values.
const BUTTON = { CLOSE: 0, OK: 1, CANCEL: 2, YES: 3, NO: 4 } as unknown as Base["Button"];
const BUTTON_SET = { OK: 0, OK_CANCEL: 1, YES_NO: 2, YES_NO_CANCEL: 3 } as unknown as Base["ButtonSet"];
// Apps Script's enum members are objects that print as their name, which is what the Sheets API receives.
const enumMember = (name: string) => Object.freeze({ name: () => name, toString: () => name });
const METADATA_VISIBILITY = {
  DOCUMENT: enumMember("DOCUMENT"),
  PROJECT: enumMember("PROJECT"),
} as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp["DeveloperMetadataVisibility"];

/** What a synchronous HTTP transport receives and answers. */
export interface HttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}
export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
  /** The body's bytes, base64, when they are not text (a PDF): what getContent() answers. */
  bodyBase64?: string;
}
export type SyncTransport = (request: HttpRequest) => HttpResponse;

/** The spreadsheet as the add-on sees it: sheet values (row 1 = headers) and the selection. */
export interface SpreadsheetModel {
  id: string;
  name?: string;
  sheets: Record<string, unknown[][]>;
  active: { sheet: string; row: number; column: number } | null;
}

export interface MenuRecord {
  addon: boolean;
  items: ({ caption: string; functionName: string } | "separator")[];
  added: boolean;
}

export interface Recorder {
  menus: MenuRecord[];
  sidebars: { title: string; content: string }[];
  /** Ui.showModalDialog's dialogs. */
  dialogs: { title: string; content: string }[];
  alerts: { title?: string; prompt: string }[];
  /** The questions ui.prompt asked, answered or not. */
  prompts: { title?: string; prompt: string }[];
  toasts: string[];
  requests: HttpRequest[];
  /** What SpreadsheetApp itself sent to the Sheets API (not UrlFetchApp: no allow-list, not in `requests`). */
  sheetsRequests: HttpRequest[];
}

export interface StandInOptions {
  /** Files of the built add-on by name without extension (`Sidebar` → Sidebar.html's content). */
  htmlFiles: Record<string, string>;
  spreadsheet: SpreadsheetModel;
  transport: SyncTransport;
  identityToken: () => string | null;
  scriptProperties?: Record<string, string>;
  documentProperties?: Record<string, string>;
  /** The manifest's urlFetchWhitelist: when given, fetching any other URL throws, as in Apps Script. */
  urlFetchWhitelist?: string[];
  /** Answers to ui.prompt, in order: text and button name; past the last one, CANCEL. */
  promptAnswers?: { text: string; button: "OK" | "CANCEL" }[];
  /**
   * Where SpreadsheetApp stores what the model does not hold (developer
   * metadata): the Sheets REST API (`url`, e.g. the local Sheets server), with
   * the access token of the user in the add-on's project, reached through
   * `transport`. Without it, such calls throw.
   */
  sheetsApi?: { url: string; accessToken: string };
}

export interface StandIns {
  globals: {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    HtmlService: GoogleAppsScript.HTML.HtmlService;
    UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
    ScriptApp: GoogleAppsScript.Script.ScriptApp;
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
    Utilities: GoogleAppsScript.Utilities.Utilities;
    Logger: GoogleAppsScript.Base.Logger;
    console: Console;
  };
  recorder: Recorder;
  scriptProperties: Record<string, string>;
  documentProperties: Record<string, string>;
}

function properties(store: Record<string, string>): GoogleAppsScript.Properties.Properties {
  const self: GoogleAppsScript.Properties.Properties = standIn<GoogleAppsScript.Properties.Properties>("Properties")({
    getProperty: (key: string) => (key in store ? store[key] : null),
    setProperty: (key: string, value: string) => {
      store[key] = String(value);
      return self;
    },
    deleteProperty: (key: string) => {
      delete store[key];
      return self;
    },
    getProperties: () => ({ ...store }),
  });
  return self;
}

function htmlOutput(content: string): GoogleAppsScript.HTML.HtmlOutput {
  let title = "";
  const self: GoogleAppsScript.HTML.HtmlOutput = standIn<GoogleAppsScript.HTML.HtmlOutput>("HtmlOutput")({
    setTitle: (value: string) => {
      title = value;
      return self;
    },
    getTitle: () => title,
    getContent: () => content,
    setWidth: () => self,
    setHeight: () => self,
  });
  return self;
}

function httpResponse(answer: HttpResponse): GoogleAppsScript.URL_Fetch.HTTPResponse {
  return standIn<GoogleAppsScript.URL_Fetch.HTTPResponse>("HTTPResponse")({
    getResponseCode: () => answer.status,
    getContentText: () => answer.body,
    // Apps Script's Byte[]: signed bytes.
    getContent: () =>
      [...Buffer.from(answer.bodyBase64 ?? Buffer.from(answer.body, "utf8").toString("base64"), "base64")].map((b) =>
        b > 127 ? b - 256 : b,
      ),
    getHeaders: () => ({ ...(answer.headers ?? {}) }),
    getAllHeaders: () => ({ ...(answer.headers ?? {}) }),
  });
}

/** UrlFetchApp.fetch's request options, as Apps Script turns them into HTTP. */
function toHttpRequest(url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {}): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(params.headers ?? {})) headers[name] = String(value);
  if (params.contentType) headers["Content-Type"] = params.contentType;
  const payload = params.payload;
  if (payload !== undefined && typeof payload !== "string") {
    throw new Error("Apps Script stand-in: only string payloads are supported");
  }
  return { url, method: (params.method ?? "get").toUpperCase(), headers, body: payload };
}

/**
 * Spreadsheet.addDeveloperMetadata(key[, value][, visibility]) as Apps Script
 * ends up storing it: a createDeveloperMetadata request on the whole
 * spreadsheet through the Sheets API, as the user, in the script's project.
 * Visibility DOCUMENT unless given, as in Apps Script.
 */
function addDeveloperMetadata(options: StandInOptions, recorder: Recorder, args: unknown[]): void {
  const [key, second, third] = args;
  const value = typeof second === "string" ? second : undefined;
  const visibility = String((typeof second === "string" ? third : second) ?? METADATA_VISIBILITY.DOCUMENT);
  if (typeof key !== "string" || key === "") throw new Error("Exception: Invalid argument: key");
  const api = options.sheetsApi;
  if (!api) throw new Error("Apps Script stand-in: addDeveloperMetadata needs the sheetsApi option");
  const developerMetadata = {
    metadataKey: key,
    ...(value === undefined ? {} : { metadataValue: value }),
    visibility,
    location: { spreadsheet: true },
  };
  const request: HttpRequest = {
    url: `${api.url.replace(/\/+$/, "")}/v4/spreadsheets/${encodeURIComponent(options.spreadsheet.id)}:batchUpdate`,
    method: "POST",
    headers: { Authorization: `Bearer ${api.accessToken}`, "Content-Type": "application/json" },
    body: JSON.stringify({ requests: [{ createDeveloperMetadata: { developerMetadata } }] }),
  };
  recorder.sheetsRequests.push(request);
  const answer = options.transport(request);
  if (answer.status >= 400) {
    let message = `HTTP ${answer.status}`;
    try {
      message = (JSON.parse(answer.body) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // not Google's error shape: the status says enough
    }
    // Apps Script reports a failed service call as an exception with the service's message.
    throw new Error(`Exception: ${message}`);
  }
}

function sheetStandIn(model: SpreadsheetModel, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const values = () => model.sheets[name] ?? [];
  const self: GoogleAppsScript.Spreadsheet.Sheet = standIn<GoogleAppsScript.Spreadsheet.Sheet>(`Sheet(${name})`)({
    getName: () => name,
    getLastRow: () => values().length,
    getLastColumn: () => Math.max(0, ...values().map((row) => row.length)),
    getRange: ((row: number, column: number, numRows: number = 1, numColumns: number = 1) =>
      rangeStandIn(values, row, column, numRows, numColumns)) as GoogleAppsScript.Spreadsheet.Sheet["getRange"],
  });
  return self;
}

function rangeStandIn(
  values: () => unknown[][],
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): GoogleAppsScript.Spreadsheet.Range {
  return standIn<GoogleAppsScript.Spreadsheet.Range>("Range")({
    getRow: () => row,
    getColumn: () => column,
    getNumRows: () => numRows,
    getNumColumns: () => numColumns,
    getValues: () =>
      Array.from({ length: numRows }, (_, r) =>
        Array.from({ length: numColumns }, (_, c) => values()[row - 1 + r]?.[column - 1 + c] ?? ""),
      ),
  });
}

export function createStandIns(options: StandInOptions): StandIns {
  const recorder: Recorder = {
    menus: [],
    sidebars: [],
    dialogs: [],
    alerts: [],
    prompts: [],
    toasts: [],
    requests: [],
    sheetsRequests: [],
  };
  const scriptProperties = { ...(options.scriptProperties ?? {}) };
  const documentProperties = { ...(options.documentProperties ?? {}) };
  const prompts = [...(options.promptAnswers ?? [])];
  const model = options.spreadsheet;

  const menu = (addon: boolean): GoogleAppsScript.Base.Menu => {
    const record: MenuRecord = { addon, items: [], added: false };
    recorder.menus.push(record);
    const self: GoogleAppsScript.Base.Menu = standIn<GoogleAppsScript.Base.Menu>("Menu")({
      addItem: (caption: string, functionName: string) => {
        record.items.push({ caption, functionName });
        return self;
      },
      addSeparator: () => {
        record.items.push("separator");
        return self;
      },
      addToUi: () => {
        record.added = true;
      },
    });
    return self;
  };

  /** Ui.alert(prompt) and Ui.alert(title, prompt, buttons), likewise Ui.prompt. */
  const dialog = (args: unknown[]): { title?: string; prompt: string } => {
    const texts = args.filter((a): a is string => typeof a === "string");
    return texts.length > 1 ? { title: texts[0], prompt: texts[1] } : { prompt: texts[0] };
  };

  const ui = standIn<GoogleAppsScript.Base.Ui>("Ui")({
    Button: BUTTON,
    ButtonSet: BUTTON_SET,
    createAddonMenu: () => menu(true),
    showSidebar: (output: GoogleAppsScript.HTML.HtmlOutput) => {
      recorder.sidebars.push({ title: output.getTitle(), content: output.getContent() });
    },
    showModalDialog: (output: GoogleAppsScript.HTML.HtmlOutput, title: string) => {
      recorder.dialogs.push({ title, content: output.getContent() });
    },
    alert: ((...args: unknown[]): Button => {
      recorder.alerts.push(dialog(args));
      return BUTTON.OK;
    }) as GoogleAppsScript.Base.Ui["alert"],
    prompt: ((...args: unknown[]) => {
      recorder.prompts.push(dialog(args));
      const answer = prompts.shift() ?? { text: "", button: "CANCEL" as const };
      return standIn<GoogleAppsScript.Base.PromptResponse>("PromptResponse")({
        getResponseText: () => answer.text,
        getSelectedButton: () => BUTTON[answer.button],
      });
    }) as GoogleAppsScript.Base.Ui["prompt"],
  });

  const spreadsheet = standIn<GoogleAppsScript.Spreadsheet.Spreadsheet>("Spreadsheet")({
    getId: () => model.id,
    getName: () => model.name ?? "Classeur",
    getActiveSheet: () => sheetStandIn(model, model.active?.sheet ?? Object.keys(model.sheets)[0] ?? "Feuille 1"),
    getActiveRange: () =>
      model.active
        ? rangeStandIn(() => model.sheets[model.active?.sheet ?? ""] ?? [], model.active.row, model.active.column, 1, 1)
        : (null as unknown as GoogleAppsScript.Spreadsheet.Range),
    getSheetByName: (name: string) =>
      name in model.sheets ? sheetStandIn(model, name) : (null as unknown as GoogleAppsScript.Spreadsheet.Sheet),
    toast: ((message: string) => {
      recorder.toasts.push(message);
    }) as GoogleAppsScript.Spreadsheet.Spreadsheet["toast"],
    addDeveloperMetadata: ((...args: unknown[]) => {
      addDeveloperMetadata(options, recorder, args);
      return spreadsheet;
    }) as GoogleAppsScript.Spreadsheet.Spreadsheet["addDeveloperMetadata"],
  });

  const globals: StandIns["globals"] = {
    SpreadsheetApp: standIn<GoogleAppsScript.Spreadsheet.SpreadsheetApp>("SpreadsheetApp")({
      getUi: () => ui,
      getActiveSpreadsheet: () => spreadsheet,
      getActive: () => spreadsheet,
      DeveloperMetadataVisibility: METADATA_VISIBILITY,
    }),
    HtmlService: standIn<GoogleAppsScript.HTML.HtmlService>("HtmlService")({
      createHtmlOutputFromFile: (name: string) => {
        const content = options.htmlFiles[name];
        if (content === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
        return htmlOutput(content);
      },
      createHtmlOutput: ((html?: string) =>
        htmlOutput(html ?? "")) as GoogleAppsScript.HTML.HtmlService["createHtmlOutput"],
    }),
    UrlFetchApp: standIn<GoogleAppsScript.URL_Fetch.UrlFetchApp>("UrlFetchApp")({
      fetch: ((url: string, params?: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions) => {
        const allowed = options.urlFetchWhitelist;
        if (allowed && !allowed.some((prefix) => url.startsWith(prefix))) {
          throw new Error(`Exception: The URL ${url} is not allowed by the urlFetchWhitelist of the manifest.`);
        }
        const request = toHttpRequest(url, params);
        recorder.requests.push(request);
        const answer = options.transport(request);
        if (answer.status >= 400 && !params?.muteHttpExceptions) {
          throw new Error(`Exception: Request failed for ${url} returned code ${answer.status}.`);
        }
        return httpResponse(answer);
      }) as GoogleAppsScript.URL_Fetch.UrlFetchApp["fetch"],
    }),
    ScriptApp: standIn<GoogleAppsScript.Script.ScriptApp>("ScriptApp")({
      getIdentityToken: () => options.identityToken() as string,
    }),
    PropertiesService: standIn<GoogleAppsScript.Properties.PropertiesService>("PropertiesService")({
      getScriptProperties: () => properties(scriptProperties),
      getDocumentProperties: () => properties(documentProperties),
    }),
    Utilities: standIn<GoogleAppsScript.Utilities.Utilities>("Utilities")({
      getUuid: () => randomUUID(),
      Charset: { UTF_8: "UTF_8", US_ASCII: "US_ASCII" } as unknown as GoogleAppsScript.Utilities.Utilities["Charset"],
      base64Encode: ((data: string | number[]) =>
        (typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data.map((b) => b & 255))).toString(
          "base64",
        )) as GoogleAppsScript.Utilities.Utilities["base64Encode"],
    }),
    Logger: standIn<GoogleAppsScript.Base.Logger>("Logger")({
      log: (() => undefined) as unknown as GoogleAppsScript.Base.Logger["log"],
    }),
    console,
  };
  return { globals, recorder, scriptProperties, documentProperties };
}
