/**
 * A loopback HTTP server standing in for the functions' `api` in the
 * add-on's own tests (the real one is exercised by the end-to-end browser
 * test). It records every request and answers from a route table.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** An answer: `body` sent as JSON, or `text` sent as is with `headers` (a file download). */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export type FakeRoute = (request: RecordedRequest) => FakeAnswer | undefined;

export interface FakeApi {
  url: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

export async function startFakeApi(routes: FakeRoute[]): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: req.url ?? "/",
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(recorded);
    const answer = routes.map((route) => route(recorded)).find(Boolean) ?? {
      status: 404,
      body: { error: { code: "NOT_FOUND", message: "Route inconnue." } },
    };
    if (answer.text !== undefined) {
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.text);
      return;
    }
    res.writeHead(answer.status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function route(
  method: string,
  pathSuffix: string | RegExp,
  answer: (r: RecordedRequest) => FakeAnswer,
): FakeRoute {
  return (request) => {
    const path = request.path.replace(/^\/v1\/companies\/[^/]+/, "");
    const matches = typeof pathSuffix === "string" ? path === pathSuffix : pathSuffix.test(path);
    return request.method === method && matches ? answer(request) : undefined;
  };
}
