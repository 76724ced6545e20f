import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { MAX_BODY_BYTES, payloadTooLarge } from "../src/http/body-limit";
import { type JsonResponse, sendError } from "../src/errors/respond";

/** How much of a refused body is discarded before the connection is cut. */
const DRAIN_LIMIT_BYTES = 256 * 1024 * 1024;

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
 * a body announced above MAX_BODY_BYTES is answered 413 without the
 * functions framework reading it (its parser keeps up to 1 GiB in memory).
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
    res.shouldKeepAlive = false;
    // The body is discarded as it arrives, never kept. The answer waits for its end: a socket closed while the
    // client still sends is reset (TCP RST on unread data), and the client then sees ECONNRESET, not the 413.
    // A body going on past what any client would send (Cloud Run stops at 32 MiB) is cut.
    let received = 0;
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > DRAIN_LIMIT_BYTES) req.destroy();
    });
    req.on("end", () => sendError(jsonResponse(res), error.status, error.code, error.message));
  });
  return server;
}
