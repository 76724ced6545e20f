/**
 * The local mail view of `npm start`: a loopback web page over the SMTP
 * sink's folder (functions/testing/smtp-server) listing the messages the
 * product sent (date, recipients, subject), showing one (its text body,
 * its attachments downloadable under their name and content type). Each
 * .eml file is read with the sink's own parseMessage. Everything a message
 * carries is customer text: escaped, and the pages forbid scripts (CSP), so
 * a hostile subject or attachment name cannot run in the developer's
 * browser. An HTML body is never rendered, only said to exist.
 */
import { readdir, readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { escapeXml as escape } from "../src/domain/bank/xml-text";
import { parseMessage, type ParsedMessage } from "../testing/smtp-server";

export interface MailView {
  url: string;
  stop(): Promise<void>;
}

/** What the sink names its files (`<ISO time>-<sequence>.eml`): anything else in a path is refused. */
const MESSAGE_FILE = /^[\w.-]+\.eml$/;

const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
};

const FRENCH_TIME = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  dateStyle: "short",
  timeStyle: "medium",
});

function sentAt(message: ParsedMessage): string {
  const date = new Date(message.headers.get("date") ?? "");
  return Number.isNaN(date.getTime()) ? "" : FRENCH_TIME.format(date);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}
dt{font-weight:bold}dd{margin:0 0 .5rem}</style></head><body>${body}</body></html>`;
}

/** RFC 6266: an ASCII fallback and the exact UTF-8 name (« décompte » survives the download). */
function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_") || "piece-jointe";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function startMailView(options: { directory: string; port?: number }): Promise<MailView> {
  const { directory } = options;
  // A message file never changes once renamed into place: parsed once.
  const parsed = new Map<string, Promise<ParsedMessage>>();
  const read = (file: string) => {
    let message = parsed.get(file);
    if (!message) {
      message = readFile(join(directory, file)).then((raw) => parseMessage(raw));
      parsed.set(file, message);
      message.catch(() => parsed.delete(file));
    }
    return message;
  };
  const files = async () =>
    (await readdir(directory))
      .filter((f) => MESSAGE_FILE.test(f))
      .sort()
      .reverse();

  async function list(res: ServerResponse): Promise<void> {
    const names = await files();
    const rows = await Promise.all(
      names.map(async (file) => {
        const m = await read(file);
        const clip = m.attachments.length ? ` (${m.attachments.length} pièce(s) jointe(s))` : "";
        return `<tr><td>${escape(sentAt(m))}</td><td>${escape(m.to.join(", "))}</td><td><a href="/messages/${encodeURIComponent(file)}">${escape(m.subject || "(sans objet)")}</a>${escape(clip)}</td></tr>`;
      }),
    );
    const body = names.length
      ? `<table><thead><tr><th>Date</th><th>Destinataires</th><th>Objet</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
      : "<p>Aucun message reçu pour l'instant.</p>";
    res.writeHead(200, PAGE_HEADERS);
    res.end(
      page("Messages reçus", `<h1>Messages reçus (${names.length})</h1><p>Dossier : ${escape(directory)}</p>${body}`),
    );
  }

  async function show(res: ServerResponse, file: string): Promise<void> {
    const m = await read(file);
    const attachments = m.attachments.map(
      (a, i) =>
        `<li><a href="/messages/${encodeURIComponent(file)}/attachments/${i}">${escape(a.filename ?? `pièce jointe ${i + 1}`)}</a> — ${escape(a.contentType)}, ${Math.ceil(a.content.length / 1024)} Ko</li>`,
    );
    const fields: [string, string][] = [
      ["Date", sentAt(m)],
      ["De", m.from],
      ["À", m.to.join(", ")],
      ...(m.cc.length ? ([["Copie", m.cc.join(", ")]] as [string, string][]) : []),
      ["Objet", m.subject],
    ];
    const body = `<p><a href="/">← Tous les messages</a></p><h1>${escape(m.subject || "(sans objet)")}</h1>
<dl>${fields.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join("")}</dl>
<h2>Pièces jointes</h2>${attachments.length ? `<ul>${attachments.join("")}</ul>` : "<p>Aucune.</p>"}
<h2>Message</h2><pre>${escape(m.text)}</pre>${m.html ? "<p>Ce message a aussi une version HTML, non affichée ici.</p>" : ""}
<p><a href="/messages/${encodeURIComponent(file)}/raw">Message brut (.eml)</a></p>`;
    res.writeHead(200, PAGE_HEADERS);
    res.end(page(m.subject || "Message", body));
  }

  async function attachment(res: ServerResponse, file: string, index: number): Promise<void> {
    const a = (await read(file)).attachments[index];
    if (!a) return notFound(res);
    res.writeHead(200, {
      "content-type": a.contentType,
      "content-disposition": contentDisposition(a.filename ?? `piece-jointe-${index + 1}`),
      "content-length": a.content.length,
      "x-content-type-options": "nosniff",
    });
    res.end(a.content);
  }

  function notFound(res: ServerResponse): void {
    res.writeHead(404, PAGE_HEADERS);
    res.end(page("Introuvable", '<h1>Introuvable</h1><p><a href="/">← Tous les messages</a></p>'));
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "GET") {
      res.writeHead(405, { ...PAGE_HEADERS, allow: "GET" });
      return void res.end(page("Méthode refusée", "<h1>Lecture seule</h1>"));
    }
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/") return list(res);
    const match = /^\/messages\/([^/]+)(?:\/(raw|attachments\/(\d+)))?$/.exec(path);
    const file = match ? decodeURIComponent(match[1]) : "";
    if (!match || !MESSAGE_FILE.test(file) || !(await files()).includes(file)) return notFound(res);
    if (match[2] === "raw") {
      const raw = await readFile(join(directory, file));
      res.writeHead(200, { "content-type": "message/rfc822", "content-disposition": contentDisposition(file) });
      return void res.end(raw);
    }
    if (match[3] !== undefined) return attachment(res, file, Number(match[3]));
    return show(res, file);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: Error) => {
      console.error("Local mail view:", error);
      if (!res.headersSent) res.writeHead(500, PAGE_HEADERS);
      res.end(page("Erreur", `<h1>Lecture impossible</h1><pre>${escape(error.message)}</pre>`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
