/**
 * A small MIME reader for the messages the SMTP sink receives: enough of
 * RFC 5322 / 2045 / 2047 to read what nodemailer writes (encoded-word
 * headers, quoted-printable or base64 bodies, nested multiparts, UTF-8 and
 * Latin-1 charsets). It is a test tool, not a general mail parser.
 */

export interface ParsedMessage {
  headers: Map<string, string>;
  /** Decoded Subject header. */
  subject: string;
  from: string;
  to: string[];
  cc: string[];
  messageId: string;
  /** Recipients the SMTP envelope delivered to (Bcc included). */
  envelopeTo: string[];
  text: string;
  html?: string;
  raw: string;
}

interface Part {
  headers: Map<string, string>;
  body: Buffer;
}

export function parseMessage(raw: Buffer): ParsedMessage {
  const root = splitPart(raw);
  const leaves = flatten(root);
  const textPart = leaves.find((p) => contentType(p).type === "text/plain");
  const htmlPart = leaves.find((p) => contentType(p).type === "text/html");
  const h = root.headers;
  return {
    headers: h,
    subject: decodeWords(h.get("subject") ?? ""),
    from: decodeWords(h.get("from") ?? ""),
    to: addressList(h.get("to")),
    cc: addressList(h.get("cc")),
    messageId: (h.get("message-id") ?? "").trim(),
    envelopeTo: (h.get("x-sink-rcpt-to") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    text: textPart ? decodeBody(textPart) : "",
    html: htmlPart ? decodeBody(htmlPart) : undefined,
    raw: raw.toString("latin1"),
  };
}

function splitPart(raw: Buffer): Part {
  const latin = raw.toString("latin1");
  const sep = latin.search(/\r?\n\r?\n/);
  const headerText = sep < 0 ? latin : latin.slice(0, sep);
  const bodyStart = sep < 0 ? latin.length : sep + (latin.slice(sep).match(/^\r?\n\r?\n/)?.[0].length ?? 0);
  return { headers: parseHeaders(headerText), body: raw.subarray(bodyStart) };
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  // Unfold continuation lines (RFC 5322 2.2.3) before splitting name: value.
  const unfolded = text.replace(/\r?\n[ \t]+/g, " ");
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    // Header bytes may be raw UTF-8 (SMTPUTF8); latin1 kept them byte for byte.
    const value = Buffer.from(line.slice(colon + 1).trim(), "latin1").toString("utf8");
    if (!headers.has(name)) headers.set(name, value);
  }
  return headers;
}

function contentType(part: Part): { type: string; params: Map<string, string> } {
  const value = part.headers.get("content-type") ?? "text/plain; charset=us-ascii";
  const [type, ...rest] = value.split(";");
  const params = new Map<string, string>();
  for (const p of rest) {
    const eq = p.indexOf("=");
    if (eq < 0) continue;
    params.set(
      p.slice(0, eq).trim().toLowerCase(),
      p
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, "$1"),
    );
  }
  return { type: type.trim().toLowerCase(), params };
}

function flatten(part: Part): Part[] {
  const ct = contentType(part);
  const boundary = ct.params.get("boundary");
  if (!ct.type.startsWith("multipart/") || !boundary) return [part];
  const body = part.body.toString("latin1");
  const delimiter = `--${boundary}`;
  const chunks = body.split(delimiter).slice(1);
  const parts: Part[] = [];
  for (const chunk of chunks) {
    if (chunk.startsWith("--")) break; // closing delimiter
    const content = chunk.replace(/^\r?\n/, "").replace(/\r?\n$/, "");
    parts.push(...flatten(splitPart(Buffer.from(content, "latin1"))));
  }
  return parts;
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").trim().toLowerCase();
  const charset = contentType(part).params.get("charset") ?? "us-ascii";
  let bytes: Buffer;
  if (encoding === "base64") bytes = Buffer.from(part.body.toString("latin1").replace(/\s+/g, ""), "base64");
  else if (encoding === "quoted-printable") bytes = decodeQuotedPrintable(part.body.toString("latin1"));
  else bytes = part.body;
  return toText(bytes, charset).replace(/\r\n/g, "\n").replace(/\n$/, "");
}

function decodeQuotedPrintable(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, "");
  const out: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i];
    if (c === "=" && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(soft.charCodeAt(i) & 0xff);
  }
  return Buffer.from(out);
}

function toText(bytes: Buffer, charset: string): string {
  const cs = charset.toLowerCase();
  if (cs === "utf-8" || cs === "utf8" || cs === "us-ascii") return bytes.toString("utf8");
  if (cs === "iso-8859-1" || cs === "latin1") return bytes.toString("latin1");
  return new TextDecoder(cs).decode(bytes);
}

/** RFC 2047 encoded-words; whitespace between two adjacent words is dropped. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_m, charset: string, enc: string, data: string) => {
      const bytes =
        enc.toUpperCase() === "B" ? Buffer.from(data, "base64") : decodeQuotedPrintable(data.replace(/_/g, " "));
      return toText(bytes, charset);
    });
}

function addressList(value: string | undefined): string[] {
  if (!value) return [];
  return decodeWords(value)
    .split(",")
    .map((a) => a.match(/<([^>]+)>/)?.[1] ?? a.trim())
    .filter(Boolean);
}
