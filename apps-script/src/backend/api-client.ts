/**
 * Calls the functions' HTTP API from Apps Script. UrlFetchApp is synchronous;
 * HTTP errors are muted so that every answer, good or bad, becomes a
 * CallResult the sidebar can show.
 */
import type { ApiErrorBody } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
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

export function callApi<T>(call: ApiCall): CallResult<T> {
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
    Accept: "application/json",
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
  const status = response.getResponseCode();
  const body = parseJson(response.getContentText());
  if (status >= 200 && status < 300) {
    if (body === undefined) return { ok: false, error: unreadableAnswer(status) };
    return { ok: true, data: body as T };
  }
  if (isErrorBody(body)) {
    return { ok: false, error: userErrorFromAnswer({ status, ...body.error }) };
  }
  return { ok: false, error: userErrorFromAnswer({ status }) };
}
