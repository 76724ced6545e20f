import { parisDay } from "../domain/dates/calendar-day";
import { isValidDocumentId } from "../storage/document-id";
import { MAX_BODY_BYTES, bodyBytes, payloadTooLarge } from "./body-limit";
import { ApiError, badRequest, unauthenticated } from "../errors/api-error";
import { toApiError } from "../errors/to-api-error";
import type { ApiDeps, Route } from "./route";
import { Router } from "./router";
import { StreamingResponse, sendDownload, sendError, sendJson } from "../errors/respond";

/** The request as the functions framework (Express) hands it: JSON bodies already parsed. */
export interface ApiRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body?: unknown;
  /** The bytes the framework parsed the body from. */
  rawBody?: { length: number };
  header(name: string): string | undefined;
}

/** gRPC codes of Firestore errors worth a retry: DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, UNAVAILABLE. */
const TRANSIENT = new Set([4, 8, 10, 14]);

function bearer(req: ApiRequest): string {
  const header = req.header("authorization") ?? "";
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m)
    throw unauthenticated(
      "Authentification requise : en-tête Authorization « Bearer <jeton d'identité Google> » absent.",
    );
  return m[1];
}

function stringQuery(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(query ?? {}).filter(([, v]) => typeof v === "string") as [string, string][]);
}

/**
 * The `api` function: route, authenticate (every route), run, answer JSON.
 * Deliberate errors become `{error:{code,message,details}}` with their 4xx
 * status; anything else is a bug, logged, and answered 500 without detail.
 *
 * Checks run cheapest and least revealing first: body size (413), route
 * (404), token (401), ids in the address (400); then the route's, whose
 * refusals only members of the company see — anyone else, or on a company
 * that does not exist, gets the same 403 (`command` and `read`,
 * docs/input-validation.md).
 */
export function createApiHandler(deps: ApiDeps, routes: readonly Route[]) {
  const router = new Router(routes);
  return async (req: ApiRequest, res: StreamingResponse): Promise<void> => {
    try {
      const bytes = bodyBytes(req.header("content-length"), req.rawBody);
      if (bytes > MAX_BODY_BYTES) throw payloadTooLarge(bytes);
      const match = router.match(req.method, req.path);
      if (!match) throw new ApiError(404, "NOT_FOUND", `Adresse inconnue : ${req.method} ${req.path}.`);
      if ("methodNotAllowed" in match) {
        res.set("Allow", match.allowed.join(", "));
        throw new ApiError(
          405,
          "METHOD_NOT_ALLOWED",
          `Méthode ${req.method} non prise en charge sur ${req.path} (acceptées : ${match.allowed.join(", ")}).`,
        );
      }
      const caller = await deps.verifier.verify(bearer(req));
      const invalid = Object.entries(match.params).find(([, v]) => !isValidDocumentId(v));
      if (invalid)
        throw badRequest(`Identifiant invalide dans l'adresse : ${invalid[0]}.`, [
          { path: invalid[0], message: `Paramètre « ${invalid[0]} » : identifiant invalide.` },
        ]);
      const now = deps.clock();
      const answer = await match.route.handle({
        deps,
        route: `${req.method} ${req.path}`,
        params: match.params,
        query: stringQuery(req.query),
        body: req.body,
        caller,
        idempotencyKey: req.header("idempotency-key")?.trim() || null,
        now,
        today: parisDay(now),
      });
      if (answer.download) await sendDownload(res, answer.download);
      else sendJson(res, answer.status, answer.body);
    } catch (error) {
      if (res.headersSent) {
        // A download failed midway: cut the connection, so the client never takes a truncated file for a whole one.
        console.error("api: download interrupted", error);
        res.destroy(error instanceof Error ? error : undefined);
        return;
      }
      const apiError = toApiError(error);
      if (apiError) return sendError(res, apiError.status, apiError.code, apiError.message, apiError.details);
      if (TRANSIENT.has((error as { code?: number })?.code ?? -1)) {
        // Contention or an unavailable backend: nothing was committed, the same call (same key) can be retried.
        return sendError(
          res,
          503,
          "RETRY_LATER",
          "Service momentanément surchargé : réessayez dans quelques secondes (la même action ne sera pas enregistrée deux fois).",
        );
      }
      console.error("api: unexpected error", error);
      sendError(
        res,
        500,
        "INTERNAL",
        "Erreur interne du service : réessayez plus tard. Si elle persiste, contactez l'administrateur.",
      );
    }
  };
}
