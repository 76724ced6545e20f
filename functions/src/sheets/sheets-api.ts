/**
 * The Sheets v4 client. Production: the per-API package with the
 * functions' service account (Application Default Credentials; the
 * spreadsheet is shared with that account). Local and tests: `rootUrl` to
 * the local Sheets server with the access token it gave for the functions.
 * Never the whole `googleapis` package: it takes about a second to load.
 */
import { auth as googleAuth, sheets, type sheets_v4 } from "@googleapis/sheets";

export type SheetsApi = sheets_v4.Sheets;

export interface SheetsApiOptions {
  /** Base URL of a local Sheets server (`http://127.0.0.1:PORT`); absent in production. */
  rootUrl?: string;
  /** With rootUrl: the OAuth access token sent to that server (it stands for the service account's). */
  accessToken?: string;
}

export function createSheetsApi(options: SheetsApiOptions = {}): SheetsApi {
  // Node's own fetch: gaxios would otherwise import node-fetch dynamically, which Jest's VM cannot do.
  // Retries are ours (withRetry): the client's own retry skips POST, i.e. every batch write.
  const common = { version: "v4" as const, fetchImplementation: fetch, retry: false };
  if (options.rootUrl) {
    // An OAuth client holding a fixed access token: sent as `Authorization: Bearer …`, never refreshed.
    const auth = new googleAuth.OAuth2();
    if (options.accessToken) auth.setCredentials({ access_token: options.accessToken });
    const rootUrl = options.rootUrl.endsWith("/") ? options.rootUrl : `${options.rootUrl}/`;
    return sheets({ ...common, rootUrl, ...(options.accessToken ? { auth } : {}) });
  }
  // google-auth-library as bundled with the client, so the types and versions agree.
  const auth = new googleAuth.GoogleAuth({ scopes: ["https://www.googleapis.com/auth/spreadsheets"] });
  return sheets({ ...common, auth });
}

/** From the environment: `SHEETS_API_URL` and `SHEETS_API_TOKEN` point at a local server (npm start, tests). */
export function sheetsApiFromEnv(env: NodeJS.ProcessEnv = process.env): SheetsApi {
  return createSheetsApi({ rootUrl: env.SHEETS_API_URL || undefined, accessToken: env.SHEETS_API_TOKEN || undefined });
}
