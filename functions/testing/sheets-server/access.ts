/**
 * Who calls the local Sheets server. Like Google, it checks credentials
 * before it reads a request's body: a call without any credentials is 403
 * (« missing a valid API key »), an access token it cannot accept is 401.
 *
 * A local access token names the Google Cloud project the caller's OAuth
 * client belongs to and the account it acts for. The project matters:
 * developer metadata of PROJECT visibility is seen only by the project that
 * created it, so the functions (service account) read back what the add-on
 * (Apps Script) wrote only when both run in the same project — as in
 * production, where the add-on's script is tied to the functions' project.
 */
import type { IncomingHttpHeaders } from "node:http";
import { ApiError } from "./api-error";

export interface Caller {
  /** The developer project of the caller's OAuth client. */
  project: string;
  /** The account the token was issued to (a user or a service account). */
  principal: string;
}

const PREFIX = "ya29.local.";

/** The project of the functions and of the add-on's script, locally. */
export const ACOMPTE_PROJECT = "acompte-local";

/** The functions' service account on the local server. */
export const FUNCTIONS_PRINCIPAL = `acompte-functions@${ACOMPTE_PROJECT}.iam.gserviceaccount.com`;

export function localAccessToken(project: string, principal: string): string {
  return PREFIX + Buffer.from(JSON.stringify({ project, principal })).toString("base64url");
}

/** What the functions send: the service account of ACOMPTE_PROJECT. */
export const FUNCTIONS_ACCESS_TOKEN = localAccessToken(ACOMPTE_PROJECT, FUNCTIONS_PRINCIPAL);

function invalidCredentials(): ApiError {
  return new ApiError(
    401,
    "UNAUTHENTICATED",
    "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
    { "WWW-Authenticate": 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
  );
}

function parseToken(token: string): Caller {
  if (!token.startsWith(PREFIX)) throw invalidCredentials();
  try {
    const value = JSON.parse(Buffer.from(token.slice(PREFIX.length), "base64url").toString("utf8")) as Partial<Caller>;
    if (typeof value.project === "string" && value.project && typeof value.principal === "string" && value.principal)
      return { project: value.project, principal: value.principal };
  } catch {
    // falls through: not a token this server issued
  }
  throw invalidCredentials();
}

/** The caller of an API request, from `Authorization: Bearer …` or `access_token=`; throws Google's refusal. */
export function authenticate(headers: IncomingHttpHeaders, query: URLSearchParams): Caller {
  const header = headers.authorization;
  if (header !== undefined) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!bearer) throw invalidCredentials();
    return parseToken(bearer[1]);
  }
  const token = query.get("access_token");
  if (token !== null) return parseToken(token);
  // An API key alone identifies a project but no account: it reads public spreadsheets only, and none is public here.
  if (query.get("key") !== null) throw new ApiError(403, "PERMISSION_DENIED", "The caller does not have permission");
  throw new ApiError(403, "PERMISSION_DENIED", "The request is missing a valid API key.");
}
