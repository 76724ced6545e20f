import type { ApiErrorCode, ErrorDetail } from "./api-error";

/**
 * How every function answers, the api and the scheduled jobs alike: JSON,
 * never cached, errors as `{ error: { code, message, details } }` with a
 * code from the contract's closed list.
 */

/** The response object the functions framework (Express) hands us, reduced to what we use. */
export interface JsonResponse {
  status(code: number): JsonResponse;
  set(field: string, value: string): JsonResponse;
  send(body: string): unknown;
}

export function sendJson(res: JsonResponse, status: number, body: unknown): void {
  res
    .status(status)
    .set("Content-Type", "application/json; charset=utf-8")
    .set("Cache-Control", "no-store")
    .send(JSON.stringify(body));
}

export function sendError(
  res: JsonResponse,
  status: number,
  code: ApiErrorCode,
  message: string,
  details: ErrorDetail[] = [],
): void {
  sendJson(res, status, { error: { code, message, details } });
}

/** A response that can also be written in chunks (Express's), for downloads. */
export interface StreamingResponse extends JsonResponse {
  write(chunk: string | Uint8Array): boolean;
  end(): unknown;
  once(event: "drain" | "close", listener: () => void): unknown;
  /** Set once the status and headers are sent: an error then cuts the connection instead of answering JSON. */
  readonly headersSent: boolean;
  destroy(error?: Error): unknown;
}

/**
 * Sends a file as it is produced: attachment headers, then each chunk,
 * waiting for the client to drain when its buffer is full, so the memory
 * used stays one chunk or so whatever the file's size.
 */
export async function sendDownload(
  res: StreamingResponse,
  download: { fileName: string; contentType: string; chunks: AsyncIterable<string | Uint8Array> },
): Promise<void> {
  res
    .status(200)
    .set("Content-Type", download.contentType)
    .set("Content-Disposition", `attachment; filename="${download.fileName}"`)
    .set("Cache-Control", "no-store");
  for await (const chunk of download.chunks)
    if (!res.write(chunk)) await new Promise<void>((resolve) => res.once("drain", resolve));
  res.end();
}
