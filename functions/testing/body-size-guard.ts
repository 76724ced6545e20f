import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { MAX_BODY_BYTES, payloadTooLarge } from "../src/http/body-limit";
import { type JsonResponse, sendError } from "../src/errors/respond";

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

function jsonResponse(res: ServerResponse): JsonResponse {
  const out: JsonResponse = {
    status: (code) => ((res.statusCode = code), out),
    set: (field, value) => (res.setHeader(field, value), out),
    send: (body) => res.end(body),
  };
  return out;
}

/**
 * For the servers we run ourselves (tests, `npm start`, benchmarks, fuzz):
 * a body announced above MAX_BODY_BYTES is answered 413 before the
 * functions framework reads a byte of it (its parser takes up to 1 GiB).
 * Deployed, the framework's server is not ours: Cloud Run stops bodies
 * above 32 MiB and the api's own check answers the same 413 once parsed
 * (src/http/api-handler.ts).
 */
export function guardBodySize<S extends Server>(server: S): S {
  const app = server.listeners("request") as Listener[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const announced = Number(req.headers["content-length"] ?? 0);
    if (!(announced > MAX_BODY_BYTES)) {
      for (const listener of app) listener.call(server, req, res);
      return;
    }
    const error = payloadTooLarge(announced);
    // The body is never read: the connection closes once the answer is sent.
    res.shouldKeepAlive = false;
    sendError(jsonResponse(res), error.status, error.code, error.message);
  });
  return server;
}
