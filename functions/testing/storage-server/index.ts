/**
 * A local Cloud Storage server: the subset of the JSON API that Acompte's
 * documents use, faithful enough for the official `@google-cloud/storage`
 * client pointed at it (`apiEndpoint`). Nothing is downloaded: the Firebase
 * Storage emulator would fetch a rules jar at run time.
 *
 * - `POST /upload/storage/v1/b/{bucket}/o?uploadType=media|multipart&name=…`
 *   (multipart/related: JSON metadata then the bytes), with the
 *   `ifGenerationMatch` precondition (0: only if the object does not exist):
 *   412 when it fails, as Cloud Storage answers;
 * - `GET /storage/v1/b/{bucket}/o/{name}`: the object resource (size, md5Hash,
 *   crc32c, generation, contentType, metadata);
 * - `GET /storage/v1/b/{bucket}/o/{name}?alt=media`: the bytes, with the
 *   `x-goog-hash` header the client validates downloads against;
 * - `POST /storage/v1/b` creates a bucket (buckets also appear on first upload).
 * Objects live in memory: a test or `npm start` run owns its server.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CRC32C } from "@google-cloud/storage";

export interface StoredObject {
  bucket: string;
  name: string;
  bytes: Buffer;
  contentType: string;
  metadata: Record<string, string>;
  generation: number;
  updated: string;
}

export interface StorageServer {
  /** `http://127.0.0.1:port`: the client's `apiEndpoint`. */
  url: string;
  /** The objects, by `bucket/name` (tests read them; the API is how they are written). */
  objects: Map<string, StoredObject>;
  close(): Promise<void>;
}

let generations = Date.now() * 1000;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=UTF-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

function error(res: ServerResponse, status: number, message: string, reason: string): void {
  send(res, status, { error: { code: status, message, errors: [{ message, domain: "global", reason }] } });
}

function hashes(bytes: Buffer): { md5Hash: string; crc32c: string } {
  const crc = new CRC32C();
  crc.update(bytes);
  return { md5Hash: createHash("md5").update(bytes).digest("base64"), crc32c: crc.toString() };
}

function resource(o: StoredObject) {
  return {
    kind: "storage#object",
    id: `${o.bucket}/${o.name}/${o.generation}`,
    name: o.name,
    bucket: o.bucket,
    generation: String(o.generation),
    metageneration: "1",
    contentType: o.contentType,
    size: String(o.bytes.length),
    ...hashes(o.bytes),
    metadata: o.metadata,
    timeCreated: o.updated,
    updated: o.updated,
    storageClass: "STANDARD",
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The parts of a multipart/related body: each part's headers (lower-case) and bytes. */
function multipartParts(body: Buffer, contentType: string): { headers: Record<string, string>; bytes: Buffer }[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new Error("multipart sans boundary");
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { headers: Record<string, string>; bytes: Buffer }[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start + 2, next - 2); // after CRLF, before CRLF--boundary
    const split = part.indexOf("\r\n\r\n");
    const headers: Record<string, string> = {};
    for (const line of part.subarray(0, split).toString("utf8").split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    parts.push({ headers, bytes: part.subarray(split + 4) });
    at = next;
  }
  return parts;
}

export async function startStorageServer(options: { port?: number } = {}): Promise<StorageServer> {
  const objects = new Map<string, StoredObject>();
  const buckets = new Set<string>();

  async function upload(req: IncomingMessage, res: ServerResponse, bucket: string, query: URLSearchParams) {
    const body = await readBody(req);
    const type = req.headers["content-type"] ?? "application/octet-stream";
    let name = query.get("name") ?? "";
    let bytes = body;
    let contentType = type;
    let metadata: Record<string, string> = {};
    if (query.get("uploadType") === "multipart") {
      const [meta, media] = multipartParts(body, type);
      if (!meta || !media) return error(res, 400, "Corps multipart invalide.", "invalid");
      const described = JSON.parse(meta.bytes.toString("utf8")) as {
        name?: string;
        contentType?: string;
        metadata?: Record<string, string>;
      };
      name = described.name ?? name;
      bytes = media.bytes;
      contentType = described.contentType ?? media.headers["content-type"] ?? "application/octet-stream";
      metadata = described.metadata ?? {};
    } else if (query.get("uploadType") !== "media") {
      return error(res, 400, "uploadType non pris en charge (media ou multipart).", "invalid");
    }
    if (!name) return error(res, 400, "Nom d'objet manquant.", "required");
    const key = `${bucket}/${name}`;
    const existing = objects.get(key);
    const match = query.get("ifGenerationMatch");
    if (match !== null && String(existing?.generation ?? 0) !== match)
      return error(res, 412, "At least one of the pre-conditions you specified did not hold.", "conditionNotMet");
    buckets.add(bucket);
    const stored: StoredObject = {
      bucket,
      name,
      bytes: Buffer.from(bytes),
      contentType,
      metadata,
      generation: ++generations,
      updated: new Date().toISOString(),
    };
    objects.set(key, stored);
    send(res, 200, resource(stored));
  }

  function get(res: ServerResponse, bucket: string, name: string, query: URLSearchParams) {
    const o = objects.get(`${bucket}/${name}`);
    if (!o) return error(res, 404, `No such object: ${bucket}/${name}`, "notFound");
    const match = query.get("ifGenerationMatch");
    if (match !== null && match !== String(o.generation))
      return error(res, 412, "At least one of the pre-conditions you specified did not hold.", "conditionNotMet");
    if (query.get("alt") !== "media") return send(res, 200, resource(o));
    const { md5Hash, crc32c } = hashes(o.bytes);
    res.writeHead(200, {
      "content-type": o.contentType,
      "content-length": o.bytes.length,
      "x-goog-hash": `crc32c=${crc32c},md5=${md5Hash}`,
      "x-goog-stored-content-encoding": "identity",
      "x-goog-generation": String(o.generation),
    });
    res.end(o.bytes);
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    // The client prefixes /storage/v1 (apiEndpoint) or not (STORAGE_EMULATOR_HOST as its base URL).
    const path = url.pathname.replace(/^\/storage\/v1(?=\/b\b)/, "");
    const uploadPath = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(path);
    const objectPath = /^\/b\/([^/]+)\/o\/(.+)$/.exec(path);
    Promise.resolve()
      .then(async () => {
        if (req.method === "POST" && uploadPath)
          return upload(req, res, decodeURIComponent(uploadPath[1]), url.searchParams);
        if (req.method === "GET" && objectPath)
          return get(res, decodeURIComponent(objectPath[1]), decodeURIComponent(objectPath[2]), url.searchParams);
        if (req.method === "POST" && path === "/b") {
          const { name } = JSON.parse((await readBody(req)).toString("utf8") || "{}") as { name?: string };
          if (!name) return error(res, 400, "Nom de bucket manquant.", "required");
          if (buckets.has(name)) return error(res, 409, "Bucket already exists.", "conflict");
          buckets.add(name);
          return send(res, 200, { kind: "storage#bucket", id: name, name });
        }
        return error(res, 404, `Not found: ${req.method} ${url.pathname}`, "notFound");
      })
      .catch((e: unknown) => error(res, 500, String((e as Error).message ?? e), "backendError"));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
