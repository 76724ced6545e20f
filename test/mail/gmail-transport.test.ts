import { createServer, IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { OAuth2Client } from "google-auth-library";
import { gmailTransport } from "../../functions/src/mail/gmail-transport";
import { parseMessage } from "../../functions/testing/smtp-server";

/** A loopback stand-in for the two Gmail API methods the transport calls. */
let server: Server;
let root: string;
const sent: { raw: string; auth: string }[] = [];
const queries: string[] = [];

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(data));
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    res.setHeader("content-type", "application/json");
    if (req.method === "POST" && url.pathname === "/gmail/v1/users/me/messages/send") {
      sent.push({ raw: JSON.parse(await body(req)).raw, auth: String(req.headers.authorization) });
      res.end(JSON.stringify({ id: `m${sent.length}` }));
    } else if (req.method === "GET" && url.pathname === "/gmail/v1/users/me/messages") {
      queries.push(url.searchParams.get("q") ?? "");
      const wanted = /^rfc822msgid:(\S+)/.exec(queries[queries.length - 1])?.[1];
      const parsed = await Promise.all(sent.map((m) => parseMessage(Buffer.from(m.raw, "base64url"))));
      const hit = parsed.some((m) => m.messageId === `<${wanted}>`);
      res.end(JSON.stringify(hit ? { messages: [{ id: "m1" }] } : { resultSizeEstimate: 0 }));
    } else {
      res.statusCode = 404;
      res.end("{}");
    }
  });
  server.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

it("sends raw UTF-8 MIME through the Gmail API as the configured mailbox and finds it by Message-ID", async () => {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: "jeton-local", expiry_date: Date.now() + 3600_000 });
  const transport = gmailTransport({ auth, rootUrl: root });
  const messageId = "<abc123@acompte.test>";
  const mail = {
    from: "Comptabilité <compta@exemple.fr>",
    to: ["trésorerie@exemple.fr"],
    subject: "Échéance de remboursement à régler",
    text: "Échéance n°2 : 1 440,00 € à verser au client Dupont & Fils.",
    messageId,
  };
  const since = new Date("2026-03-10T06:00:00Z");
  expect(await transport.findSent!(mail, since)).toBe(false);
  expect(queries[0]).toBe(
    'rfc822msgid:abc123@acompte.test OR (in:sent to:trésorerie@exemple.fr subject:"Échéance de remboursement à régler" after:1773122340)',
  );
  await transport.send(mail);
  expect(sent).toHaveLength(1);
  expect(sent[0].auth).toBe("Bearer jeton-local");
  const parsed = await parseMessage(Buffer.from(sent[0].raw, "base64url"));
  expect(parsed.subject).toBe("Échéance de remboursement à régler");
  expect(parsed.text).toBe("Échéance n°2 : 1 440,00 € à verser au client Dupont & Fils.");
  expect(parsed.messageId).toBe(messageId);
  expect(await transport.findSent!(mail, since)).toBe(true);
});
