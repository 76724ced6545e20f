/**
 * Local SMTP server for tests and `npm start`: a real SMTP server (the
 * smtp-server package) listening on loopback inside this Node process. Every
 * accepted message is kept, byte for byte as received, as an .eml file in
 * `directory`; tests read what arrived through `messages()`, decoded by
 * mailparser. No TLS; AUTH PLAIN/LOGIN is optional and any credentials pass.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { parseMessage, type ParsedMessage } from "./parsed-message";

export { parseMessage, type ParsedMessage } from "./parsed-message";

export interface SmtpSink {
  host: string;
  port: number;
  /** Where the .eml files are stored. */
  directory: string;
  /** Every message this server accepted so far, oldest first, read back from its .eml file and parsed. */
  messages(): Promise<ParsedMessage[]>;
  /** Whether a message with this Message-ID header has arrived. */
  hasMessageId(messageId: string): Promise<boolean>;
  /** Makes the server refuse these recipients (550 to RCPT TO) until changed. */
  rejectRecipients(addresses: string[]): void;
  stop(): Promise<void>;
}

interface Received {
  file: string;
  envelopeTo: string[];
  parsed?: Promise<ParsedMessage>;
}

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

/** A client that vanished mid-session (a crash test kills its sender) is normal here, not a server fault. */
const DROPPED_CONNECTION = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT"]);

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

export async function startSmtpSink(options: { directory?: string } = {}): Promise<SmtpSink> {
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), "acompte-smtp-"));
  mkdirSync(directory, { recursive: true });
  const received: Received[] = [];
  let rejected = new Set<string>();
  let sequence = 0;

  /** Written under a temporary name, then renamed: whoever watches the folder never sees half a message. */
  async function store(raw: Buffer, envelopeTo: string[]): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const file = join(directory, `${stamp}-${String(++sequence).padStart(5, "0")}.eml`);
    await writeFile(`${file}.tmp`, raw);
    await rename(`${file}.tmp`, file);
    received.push({ file, envelopeTo });
  }

  const server = new SMTPServer({
    name: "acompte.local",
    banner: "Acompte local SMTP server",
    logger: false,
    disabledCommands: ["STARTTLS"],
    authMethods: ["PLAIN", "LOGIN"],
    authOptional: true,
    allowInsecureAuth: true,
    disableReverseLookup: true,
    size: MAX_MESSAGE_BYTES,
    closeTimeout: 1000,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onRcptTo: (address, _session, callback) =>
      callback(
        rejected.has(address.address.toLowerCase()) ? smtpError(550, "Destinataire refuse (serveur local)") : null,
      ),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (stream.sizeExceeded) return callback(smtpError(552, "Message trop volumineux"));
        // The reply waits for the file: once the client has its 250, the message is on disk.
        store(
          Buffer.concat(chunks),
          session.envelope.rcptTo.map((r) => r.address),
        ).then(
          () => callback(null, "Message accepted"),
          (e: Error) => callback(smtpError(451, `Stockage impossible : ${e.message}`)),
        );
      });
    },
  });
  server.on("error", (e: NodeJS.ErrnoException) => {
    if (!DROPPED_CONNECTION.has(e.code ?? "")) console.error("Local SMTP server:", e);
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  const messages = (): Promise<ParsedMessage[]> =>
    Promise.all(received.map((r) => (r.parsed ??= readFile(r.file).then((raw) => parseMessage(raw, r.envelopeTo)))));

  return {
    host: "127.0.0.1",
    port,
    directory,
    messages,
    hasMessageId: async (id) => (await messages()).some((m) => m.messageId === id),
    rejectRecipients: (addresses) => (rejected = new Set(addresses.map((a) => a.toLowerCase()))),
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.directory) rmSync(directory, { recursive: true, force: true });
    },
  };
}
