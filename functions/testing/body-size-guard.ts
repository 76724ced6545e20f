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
    // Answered at once, without waiting for the body (a client may wait for the answer before sending it all).
    // What it still sends is read and discarded, never kept: closing the socket on unread data would reset it
    // (TCP RST), and a client still sending would see ECONNRESET instead of the 413. Past what any client
    // would send (Cloud Run stops at 32 MiB) the connection is cut.
    let received = 0;
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > DRAIN_LIMIT_BYTES) req.socket.destroy();
    });
    sendError(jsonResponse(res), error.status, error.code, error.message);
  });
  return server;
}
