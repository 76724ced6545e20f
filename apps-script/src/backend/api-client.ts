/**
 * Calls the functions' HTTP API from Apps Script. UrlFetchApp is synchronous;
 * HTTP errors are muted so that every answer, good or bad, becomes a
 * CallResult the sidebar can show.
 */
import type { ApiErrorBody, DocumentDownload } from "../interfaces/api";
import type { CallResult, UserError } from "../interfaces/result";
import { ConfigMissingError, readConfig } from "./config";
import { networkError, unreadableAnswer, userErrorFromAnswer } from "./error-messages";
import { identityToken } from "./identity-token";

export interface ApiCall {
  method: "get" | "post" | "put";
  /** Path under the company, e.g. `/refunds/quote`. */
  path: string;
  body?: unknown;
  /** Required for every call that creates or changes something. */
  idempotencyKey?: string;
  query?: Record<string, string>;
}

function queryString(query: Record<string, string> | undefined): string {
  if (!query) return "";
  const parts = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return undefined;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as ApiErrorBody | null)?.error;
  return typeof error === "object" && error !== null && typeof error.code === "string";
}

type Fetched =
  | { ok: true; status: number; text: string; base64: () => string; headers: Record<string, unknown> }
  | { ok: false; error: UserError };

/** Sends the call with the caller's identity token; a network failure or a missing configuration is an error. */
function send(call: ApiCall, accept: string): Fetched {
  let config;
  try {
    config = readConfig();
  } catch (e) {
    if (e instanceof ConfigMissingError) {
      return { ok: false, error: { code: "CONFIG_MISSING", message: e.message, retryable: false } };
    }
    throw e;
  }
  const token = identityToken(config.audience);
  if (!token.ok) return token;

  const headers: Record<string, string> = {
    Authorization: `Bearer ${token.token}`,
    Accept: accept,
  };
  if (call.idempotencyKey) headers["Idempotency-Key"] = call.idempotencyKey;
  const url = `${config.apiUrl}/v1/companies/${encodeURIComponent(config.companyId)}${call.path}${queryString(call.query)}`;
  const options: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
    method: call.method,
    headers,
    muteHttpExceptions: true,
    followRedirects: false,
  };
  if (call.body !== undefined) {
    options.contentType = "application/json";
    options.payload = JSON.stringify(call.body);
  }

  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(url, options);
  } catch {
    // DNS failures, timeouts and refused connections throw even with muteHttpExceptions.
    return { ok: false, error: networkError() };
  }
  return {
    ok: true,
    status: response.getResponseCode(),
    text: response.getContentText("UTF-8"),
    // A PDF is not text: its bytes, untouched by any charset, for binary downloads.
    base64: () => Utilities.base64Encode(response.getContent()),
    headers: response.getHeaders() as Record<string, unknown>,
  };
}

/** A non-2xx answer as the French error the user reads. */
function failed(status: number, body: unknown): CallResult<never> {
  if (isErrorBody(body)) {
    return { ok: false, error: userErrorFromAnswer({ status, ...body.error }) };
  }
  return { ok: false, error: userErrorFromAnswer({ status }) };
}

export function callApi<T>(call: ApiCall): CallResult<T> {
  const sent = send(call, "application/json");
  if (!sent.ok) return sent;
  const body = parseJson(sent.text);
  if (sent.status >= 200 && sent.status < 300) {
    if (body === undefined) return { ok: false, error: unreadableAnswer(sent.status) };
    return { ok: true, data: body as T };
  }
  return failed(sent.status, body);
}

/** A file the functions answer (e.g. the FEC): its text and the name from Content-Disposition. */
export interface DownloadedFile {
  fileName: string;
  text: string;
}

function header(headers: Record<string, unknown>, wanted: string): string {
  return String(Object.entries(headers).find(([name]) => name.toLowerCase() === wanted)?.[1] ?? "");
}

/** Like callApi, for a route that answers a text file instead of JSON; refusals are JSON as usual. */
export function downloadApi(call: ApiCall): CallResult<DownloadedFile> {
  const sent = send(call, "text/plain, application/json");
  if (!sent.ok) return sent;
  if (sent.status >= 200 && sent.status < 300) {
    const fileName = /filename="([^"]+)"/.exec(header(sent.headers, "content-disposition"))?.[1];
    if (!fileName) return { ok: false, error: unreadableAnswer(sent.status) };
    return { ok: true, data: { fileName, text: sent.text } };
  }
  return failed(sent.status, parseJson(sent.text));
}

/** Like downloadApi for any file: the bytes go base64 so that nothing decodes them as text on the way. */
export function downloadBinaryApi(call: ApiCall): CallResult<DocumentDownload> {
  const sent = send(call, "*/*");
  if (!sent.ok) return sent;
  if (sent.status >= 200 && sent.status < 300) {
    const fileName = /filename="([^"]+)"/.exec(header(sent.headers, "content-disposition"))?.[1];
    if (!fileName) return { ok: false, error: unreadableAnswer(sent.status) };
    const contentType = header(sent.headers, "content-type").split(";")[0].trim() || "application/octet-stream";
    return { ok: true, data: { fileName, contentType, base64: sent.base64() } };
  }
  return failed(sent.status, parseJson(sent.text));
}
