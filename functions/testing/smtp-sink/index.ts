/**
 * Local SMTP sink: a real SMTP server on loopback (Debian's python3-aiosmtpd,
 * run as `python3 -m aiosmtpd` with the EmlStore handler of this folder) that
 * keeps every accepted message as an .eml file. Tests count and read what
 * arrived through `messages()`.
 */
import { ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freeLoopbackPort } from "../firestore-emulator";
import { parseMessage, ParsedMessage } from "./mime";

export type { ParsedMessage } from "./mime";

export interface SmtpSink {
  host: string;
  port: number;
  /** Where the .eml files are stored. */
  directory: string;
  /** Every message received so far, oldest first, parsed. */
  messages(): ParsedMessage[];
  /** Whether a message with this Message-ID header has arrived. */
  hasMessageId(messageId: string): boolean;
  /** Makes the server refuse these recipients (550) until changed. */
  rejectRecipients(addresses: string[]): void;
  stop(): Promise<void>;
}

/** aiosmtpd is a Debian package: look for the interpreter that has it. */
function findPython(): string {
  const candidates = [process.env.ACOMPTE_PYTHON, "/usr/bin/python3", "python3"].filter(Boolean) as string[];
  return candidates.find((c) => (c.includes("/") ? existsSync(c) : true)) ?? "python3";
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startSmtpSink(options: { directory?: string } = {}): Promise<SmtpSink> {
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), "acompte-smtp-"));
  const port = await freeLoopbackPort();
  const python = findPython();
  let stderr = "";
  const child: ChildProcess = spawn(
    python,
    ["-m", "aiosmtpd", "-n", "-l", `127.0.0.1:${port}`, "-c", "eml_store.EmlStore", directory],
    {
      cwd: __dirname,
      env: { ...process.env, PYTHONPATH: __dirname, PYTHONDONTWRITEBYTECODE: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  child.once("exit", () => (exited = true));

  const deadline = Date.now() + 15000;
  while (!(await canConnect(port))) {
    if (exited || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(
        `The SMTP sink did not start (${python} -m aiosmtpd). Install it with ` +
          `\`apt-get install python3-aiosmtpd\` or set ACOMPTE_PYTHON.\n${stderr}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  const files = () =>
    readdirSync(directory)
      .filter((f) => f.endsWith(".eml"))
      .sort();
  const messages = () => files().map((f) => parseMessage(readFileSync(join(directory, f))));

  return {
    host: "127.0.0.1",
    port,
    directory,
    messages,
    hasMessageId: (id) => messages().some((m) => m.messageId === id),
    rejectRecipients: (addresses) => writeFileSync(join(directory, "reject-rcpt"), addresses.join("\n") + "\n"),
    stop: async () => {
      if (!exited) {
        const gone = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
        await gone;
        clearTimeout(timer);
      }
      if (!options.directory) rmSync(directory, { recursive: true, force: true });
    },
  };
}
